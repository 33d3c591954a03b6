// Renders the dashboard into the page. Text only (textContent), never HTML from data.

const byId = (id) => document.getElementById(id);

/** Creates an element with attributes (data-* and the like) and children (strings or nodes). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  });
  children.flat().forEach((child) => {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : String(child));
    }
  });
  return node;
}

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const shortTime = new Intl.DateTimeFormat(undefined, {
  month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

export function formatTime(iso) {
  return iso ? time.format(new Date(iso)) : '';
}

export function formatShortTime(iso) {
  return iso ? shortTime.format(new Date(iso)) : '';
}

/** A constant in words: IN_PROGRESS → "in progress". */
export const words = (constant) => (constant || '').toLowerCase().replaceAll('_', ' ');

/** A role as people say it: PRODUCT_MANAGER → "Product Manager". */
export function roleName(role) {
  return words(role).replace(/\b\w/g, (letter) => letter.toUpperCase());
}

/** A before → after pair in words: "NEXT → NOW", "→ NOW" when nothing was before, "" when neither is known. */
export function beforeAfter(before, after) {
  if (before === null || before === undefined) {
    return after === null || after === undefined ? '' : `→ ${after}`;
  }
  return `${before} → ${after ?? '–'}`;
}

/** An item's title as a button that opens the item's timeline (see timeline.js). */
export function itemButton(itemId, title, attributes = {}) {
  return el('button', {
    type: 'button',
    class: 'item-open',
    'data-open-timeline': itemId,
    title: 'Show every decision about this item',
    ...attributes,
  }, title);
}

function replace(id, children) {
  byId(id).replaceChildren(...children);
}

function renderRoadmapColumn(id, items) {
  replace(id, items.length === 0 ? [el('li', { class: 'empty' }, 'Nothing planned')] : items.map((item) => el('li', {
    class: `card roadmap-item status-${words(item.status).replaceAll(' ', '-')}`,
    'data-testid': 'roadmap-item',
    'data-item-id': item.id,
  },
  el('span', { class: 'title' }, itemButton(item.id, item.title)),
  el('span', { class: 'badges' },
    el('span', { class: 'badge status' }, words(item.status)),
    el('span', { class: 'badge', title: 'Open backlog items linked', 'data-testid': 'linked-count' },
      `${item.openBacklogCount} linked`),
    item.feedbackDemand > 0
      ? el('span', { class: 'badge demand', title: 'Feedback linked to it' }, `${item.feedbackDemand} feedback`)
      : null))));
}

function renderBacklog(backlog) {
  byId('backlog-count').textContent = `(${backlog.length})`;
  replace('backlog-list', backlog.length === 0 ? [el('li', { class: 'empty' }, 'The backlog is empty')]
    : backlog.map((item) => {
      const horizon = item.roadmapItemDropped ? 'dropped' : words(item.roadmapHorizon);
      const link = item.roadmapItemId
        ? el('span', {
          class: ['link', `horizon-${(item.roadmapHorizon || '').toLowerCase()}`,
            item.roadmapItemDropped ? 'dropped' : ''].join(' ').trim(),
          title: item.roadmapItemDropped ? 'Serves a dropped roadmap item' : 'Serves this roadmap item',
        }, `→ ${item.roadmapItemTitle || 'roadmap item'} · ${horizon}`)
        : el('span', { class: 'link unlinked', title: 'Serves no roadmap item' }, 'no roadmap link');
      return el('li', {
        class: 'backlog-item', 'data-testid': 'backlog-item', 'data-item-id': item.id, 'data-rank': item.rank,
      },
      el('span', { class: 'rank' }, item.rank),
      el('span', { class: 'title' }, itemButton(item.id, item.title)),
      el('span', { class: 'badge kind' }, words(item.kind)),
      link);
    }));
}

const items = (count) => (count === 1 ? '1 item' : `${count} items`);

const METRICS = [
  ['alignmentScore', 'Alignment score', (v) => `${Math.round(v)} / 100`],
  ['coverage', 'Coverage', (v) => `${Math.round(v * 100)} %`],
  ['misalignedWork', 'Misaligned work', (v) => items(v)],
  ['orphanedStrategy', 'Orphaned strategy', (v) => items(v)],
  ['triageLatency', 'Triage latency', (v) => `${v} h`],
];

function renderMetrics(metrics) {
  replace('metrics', METRICS.filter(([key]) => metrics && metrics[key]).map(([key, label, format]) => {
    const metric = metrics[key];
    return el('div', { class: `metric metric-${key}`, 'data-testid': `metric-${key}` },
      el('span', { class: 'metric-label' }, label),
      el('span', { class: 'metric-value' },
        metric.value === null || metric.value === undefined ? '–' : format(metric.value)),
      el('details', { class: 'formula' },
        el('summary', {}, metric.calculation || 'formula'),
        el('p', {}, metric.formula)));
  }));
}

function renderFeedback(inbox) {
  const rows = [
    ['New, last 7 days', inbox.newLast7Days],
    ['New, last 30 days', inbox.newLast30Days],
    ['Untriaged', inbox.untriaged],
    ['Oldest untriaged', inbox.oldestUntriagedAgeHours === null || inbox.oldestUntriagedAgeHours === undefined
      ? '–' : `${inbox.oldestUntriagedAgeHours} h`],
  ];
  replace('feedback-inbox', rows.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
  const channels = Object.entries(inbox.byChannelLast30Days || {}).filter(([, count]) => count > 0);
  replace('feedback-channels', channels.map(([channel, count]) => el('li', { class: 'badge' },
    `${words(channel)} ${count}`)));
}

function renderPeople(people, lastSync, changesSinceLastSync) {
  const pms = people.productManagers.join(', ') || '–';
  const pos = people.productOwners.join(', ') || '–';
  byId('people').replaceChildren(...[
    el('span', {}, `PM: ${pms}`), ' · ', el('span', {}, `PO: ${pos}`),
    people.onePersonHoldsBothRoles
      ? el('span', { class: 'badge both-roles', 'data-testid': 'both-roles' },
        `${people.holdingBothRoles.join(', ')} holds both roles`)
      : null,
  ].filter((part) => part !== null));
  byId('last-sync').textContent = lastSync
    ? `Last sync: ${lastSync.title}, ${formatTime(lastSync.at)} — ${changesSinceLastSync} changes since`
    : 'No sync meeting held yet';
}

export function renderAlerts(alerts) {
  replace('alerts', alerts.length === 0 ? [el('li', { class: 'empty' }, 'All aligned')]
    : alerts.map((alert) => el('li', {
      class: `alert severity-${(alert.severity || '').toLowerCase()}`,
      'data-testid': 'alert', 'data-code': alert.code, 'data-item-id': alert.itemId,
    }, el('span', { class: 'alert-message' }, alert.message),
    el('span', { class: 'since' }, `since ${formatShortTime(alert.since)}`))));
}

/** Renders every part of the dashboard except the decision feed and the trend chart. */
export function renderDashboard(view) {
  byId('dashboard-version').textContent = view.version;
  byId('product-name').textContent = view.name;
  byId('vision').textContent = view.vision || '';
  renderPeople(view.people, view.lastSync, view.changesSinceLastSync);
  renderRoadmapColumn('roadmap-now', view.roadmap.now);
  renderRoadmapColumn('roadmap-next', view.roadmap.next);
  renderRoadmapColumn('roadmap-later', view.roadmap.later);
  renderBacklog(view.backlog);
  renderMetrics(view.metrics);
  renderFeedback(view.feedback);
  renderAlerts(view.alerts || []);
}

export function renderFeed(entries) {
  replace('decision-feed', entries.length === 0 ? [el('li', { class: 'empty' }, 'No decisions yet')]
    : entries.map((entry) => el('li', {
      class: 'decision', 'data-testid': 'decision-entry', 'data-global-position': entry.globalPosition,
    },
    el('time', { datetime: entry.timestamp }, formatShortTime(entry.timestamp)),
    el('span', { class: 'sentence' }, entry.sentence),
    entry.rationale ? el('q', { class: 'rationale' }, entry.rationale) : null)));
}

export function renderPresence(presence) {
  const watchers = presence.watchers || [];
  byId('presence').textContent = watchers.length === 0 ? '' : `Watching: ${watchers.join(', ')}`;
  byId('presence').dataset.watchers = watchers.join(',');
}

export function renderStatus(status, detail) {
  const node = byId('connection-status');
  node.textContent = status;
  node.className = `status status-${status}`;
  node.title = detail || '';
}
