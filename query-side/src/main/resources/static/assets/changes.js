// The grouped list of what changed between two points (GET …/changes), as a sync meeting reviews it: per group the
// items with their net change, and under each the decisions that made it: when, who in which role, and why.

import { el, formatShortTime, itemButton, roleName } from './render.js';

/** [path into the report, heading, open at first]; long, routine groups start folded. */
const GROUPS = [
  ['roadmap.added', 'Roadmap items planned', true],
  ['roadmap.moved', 'Roadmap items moved between horizons', true],
  ['roadmap.statusChanged', 'Roadmap status changes', true],
  ['roadmap.dropped', 'Roadmap items dropped', true],
  ['backlog.added', 'Backlog items added', true],
  ['backlog.reprioritized', 'Backlog items reprioritized', true],
  ['backlog.completed', 'Backlog items completed', true],
  ['backlog.removed', 'Backlog items removed', true],
  ['objectives.defined', 'Objectives defined', true],
  ['objectives.retired', 'Objectives retired', true],
  ['decisions', 'Decisions recorded', true],
  ['feedback.received', 'Feedback received', false],
  ['feedback.triaged', 'Feedback triaged', false],
];

const at = (report, path) => path.split('.').reduce((node, key) => (node ? node[key] : undefined), report) || [];

/** "LATER → NEXT", "#7 → #1" for ranks, "→ OPEN" when there was nothing before; none for recorded decisions. */
function netChange(path, change) {
  if (path === 'decisions') {
    return null; // its "to" is the decision's text, already in the sentence
  }
  const show = (value) => {
    if (value === null || value === undefined) {
      return null;
    }
    if (/^\d+$/.test(value)) {
      return `#${value}`; // a backlog rank
    }
    return /^[A-Z_]+$/.test(value) ? value.replaceAll('_', ' ') : value;
  };
  const from = show(change.from);
  const to = show(change.to);
  if (!from && !to) {
    return null;
  }
  return el('span', { class: 'net', 'data-testid': 'change-net' }, from ? `${from} → ${to || '–'}` : `→ ${to}`);
}

/** One decision: when, who (role), what and why. */
export function renderChange(change) {
  return el('li', {
    class: 'change', 'data-testid': 'change', 'data-actor': change.actor, 'data-role': change.role,
    'data-global-position': change.globalPosition,
  },
  el('span', { class: 'change-meta' },
    el('time', { datetime: change.timestamp }, formatShortTime(change.timestamp)), ' · ',
    el('span', { class: 'actor' }, change.actor || 'someone'),
    change.role ? el('span', { class: 'role' }, ` (${roleName(change.role)})`) : null),
  el('span', { class: 'sentence' }, change.sentence),
  change.rationale ? el('q', { class: 'rationale', 'data-testid': 'change-rationale' }, change.rationale) : null);
}

function renderItemChange(path, itemChange) {
  return el('li', { class: 'change-item', 'data-testid': 'change-item', 'data-item-id': itemChange.itemId },
    el('div', { class: 'change-item-head' },
      itemButton(itemChange.itemId, itemChange.title || itemChange.itemId, { 'data-item-title': itemChange.title }),
      netChange(path, itemChange),
      itemChange.changedBack ? el('span', { class: 'badge', title: 'Changed, then changed back' }, 'and back') : null),
    el('ol', { class: 'changes' }, (itemChange.changes || []).map(renderChange)));
}

function renderGroup(path, heading, open, itemChanges) {
  return el('details', { class: 'change-group', 'data-testid': 'change-group', 'data-group': path, open },
    el('summary', {}, el('span', { class: 'group-title' }, heading), ' ',
      el('span', { class: 'count' }, `(${itemChanges.length})`)),
    el('ul', { class: 'change-items' }, itemChanges.map((itemChange) => renderItemChange(path, itemChange))));
}

/** The report as folding groups; empty groups are left out. */
export function renderChanges(report) {
  const groups = GROUPS.map(([path, heading, open]) => [path, heading, open, at(report, path)])
    .filter(([, , , itemChanges]) => itemChanges.length > 0)
    .map(([path, heading, open, itemChanges]) => renderGroup(path, heading, open, itemChanges));
  const other = report.other || [];
  if (other.length > 0) {
    groups.push(el('details', { class: 'change-group', 'data-testid': 'change-group', 'data-group': 'other' },
      el('summary', {}, el('span', { class: 'group-title' }, 'Other decisions'), ' ',
        el('span', { class: 'count' }, `(${other.length})`)),
      el('ol', { class: 'changes' }, other.map(renderChange))));
  }
  return groups.length > 0 ? groups : [el('p', { class: 'empty' }, 'Nothing has changed since then.')];
}
