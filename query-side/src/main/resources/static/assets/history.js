// The history view: the plan at a past point (a sync meeting, or a date and time) beside the plan now, with the
// differences marked, and the grouped list of what changed in between. Default: since the last sync meeting.

import {
  ApiError, fetchChanges, fetchDashboard, fetchDashboardAt, fetchDecisionsAfter,
} from './api.js';
import { renderChanges } from './changes.js';
import { HORIZONS, compareBacklog, compareRoadmap } from './compare.js';
import {
  el, formatTime, itemButton, words,
} from './render.js';
import { setUrlParams, urlParam } from './url.js';

const byId = (id) => document.getElementById(id);
const CUSTOM = '';
const MEETING_TYPE = 'SyncMeetingHeld';

const state = {
  context: () => null,
  productId: null, // the product whose meetings are loaded
  meetings: [], // newest first: { meetingId, title, at, globalPosition }
  meetingsLoaded: null, // the promise of loading them
  point: null, // { meetingId } or { at: ISO instant }
  shownVersion: null, // the "now" version on screen
  requested: null, // the point the URL named when the page loaded
  request: 0,
};

/** The title a meeting's sentence quotes (pm (Product Manager) held sync meeting "Title" with …). */
function meetingTitle(sentence) {
  const quoted = /held sync meeting "(.*)"(?: with [^"]*)?$/.exec(sentence || '');
  return quoted ? quoted[1] : sentence;
}

/** A Date as the value of a datetime-local input (local time, minutes). */
function localInputValue(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:`
    + `${pad(date.getMinutes())}`;
}

function setStatus(text, isError) {
  byId('history-status').textContent = text;
  byId('history-status').classList.toggle('error', Boolean(isError));
}

function fillMeetings() {
  const options = state.meetings.map((meeting) => el('option', { value: meeting.meetingId },
    `${formatTime(meeting.at)} — ${meeting.title}`));
  options.push(el('option', { value: CUSTOM }, state.meetings.length ? 'A date and time…' : 'No sync meeting yet'));
  byId('history-meeting').replaceChildren(...options);
}

async function loadMeetings(current) {
  const entries = await fetchDecisionsAfter(current.credentials, current.productId, null, { type: MEETING_TYPE });
  if (state.productId !== current.productId) {
    return; // another product was picked meanwhile
  }
  state.meetings = entries.map((entry) => ({
    meetingId: entry.itemId, title: meetingTitle(entry.sentence), at: entry.timestamp,
    globalPosition: entry.globalPosition,
  })).reverse();
  fillMeetings();
}

/** The point the page's URL named when it loaded (a meeting id or an instant; once), else the last sync meeting. */
function initialPoint() {
  const since = state.requested;
  state.requested = null;
  if (since && state.meetings.some((meeting) => meeting.meetingId === since)) {
    return { meetingId: since };
  }
  if (since && !Number.isNaN(Date.parse(since))) {
    return { at: new Date(since).toISOString() };
  }
  return state.meetings.length ? { meetingId: state.meetings[0].meetingId } : null;
}

function describePoint(point) {
  const meeting = point.meetingId && state.meetings.find((m) => m.meetingId === point.meetingId);
  return meeting ? `sync meeting “${meeting.title}” (${formatTime(meeting.at)})` : formatTime(point.at);
}

function showPointInForm(point) {
  byId('history-meeting').value = point && point.meetingId ? point.meetingId : CUSTOM;
  const meeting = point && point.meetingId && state.meetings.find((m) => m.meetingId === point.meetingId);
  const at = meeting ? meeting.at : point && point.at;
  byId('history-at').value = at ? localInputValue(new Date(at)) : '';
  byId('history-at').max = localInputValue(new Date());
}

function markerBadges(markers) {
  return markers.map((m) => el('span', {
    class: `marker marker-${m.kind}`, title: m.title, 'data-testid': 'marker', 'data-kind': m.kind,
  }, m.text));
}

const markClasses = (markers) => markers.map((m) => `mark-${m.kind}`).join(' ');

function roadmapCard(side, { item, markers }) {
  return el('li', {
    class: `card compare-item ${markClasses(markers)}`, 'data-testid': 'history-roadmap-item',
    'data-item-id': item.id, 'data-side': side,
  },
  el('span', { class: 'title' }, itemButton(item.id, item.title)),
  el('span', { class: 'badges' }, el('span', { class: 'badge status' }, words(item.status)),
    ...markerBadges(markers)));
}

function roadmapCell(side, place, entries) {
  return el('td', { 'data-testid': `history-roadmap-${side}-${place}` },
    el('ul', { class: 'cards' }, entries.length === 0 ? [el('li', { class: 'empty' }, '–')]
      : entries.map((entry) => roadmapCard(side, entry))));
}

function renderRoadmap(comparison) {
  const rows = HORIZONS.filter((place) => place !== 'DROPPED'
    || comparison.then.DROPPED.length + comparison.now.DROPPED.length > 0)
    .map((place) => el('tr', { class: `horizon-row horizon-${place.toLowerCase()}` },
      el('th', { scope: 'row' }, words(place)),
      roadmapCell('then', place, comparison.then[place]),
      roadmapCell('now', place, comparison.now[place])));
  byId('history-roadmap-rows').replaceChildren(...rows);
}

function backlogRow(side, { item, markers }) {
  return el('li', {
    class: `backlog-item compare-item ${markClasses(markers)}`, 'data-testid': 'history-backlog-item',
    'data-item-id': item.id, 'data-rank': item.rank, 'data-side': side,
  },
  el('span', { class: 'rank' }, item.rank),
  el('span', { class: 'title' }, itemButton(item.id, item.title)),
  el('span', { class: 'badges' }, ...markerBadges(markers)));
}

function backlogList(id, side, entries, more) {
  const items = entries.length === 0 ? [el('li', { class: 'empty' }, 'The backlog was empty')]
    : entries.map((entry) => backlogRow(side, entry));
  if (more > 0) {
    items.push(el('li', { class: 'more' }, `and ${more} more`));
  }
  byId(id).replaceChildren(...items);
}

function renderComparison(point, then, now, changes) {
  const label = describePoint(point);
  byId('history-then-heading').textContent = `Then: ${label}`;
  byId('history-now-heading').textContent = `Now (last decision ${formatTime(now.updatedAt)})`;
  renderRoadmap(compareRoadmap(then, now));
  const backlog = compareBacklog(then, now, changes);
  backlogList('history-backlog-then', 'then', backlog.then, backlog.thenMore);
  backlogList('history-backlog-now', 'now', backlog.now, backlog.nowMore);
  byId('history-changes').replaceChildren(...renderChanges(changes));
  const count = changes.eventCount === 1 ? '1 decision' : `${changes.eventCount} decisions`;
  setStatus(`${count} since ${label}.`);
  byId('history-result').hidden = false;
}

const pause = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/**
 * The changes from a point up to a global position. The history index is its own processor and may be a moment
 * behind the live dashboard; while its answer ends before the position, ask again (a few times).
 */
async function changesUpTo(current, from, position) {
  for (let attempt = 1; ; attempt += 1) {
    const changes = await fetchChanges(current.credentials, current.productId, from, position);
    if (changes.to.lastPosition >= position || attempt === 10) {
      return changes;
    }
    await pause(200 * attempt);
  }
}

/** Loads the plan then, the plan now and the changes in between for a point, and shows them. */
async function compare(point) {
  const current = state.context();
  if (!current || !point) {
    return;
  }
  state.request += 1;
  const request = state.request;
  state.point = point;
  setUrlParams({ since: point.meetingId || point.at });
  showPointInForm(point);
  byId('history-stale').hidden = true;
  setStatus(`Loading the plan as of ${describePoint(point)}…`);
  byId('history-result').setAttribute('aria-busy', 'true');
  try {
    const now = await fetchDashboard(current.credentials, current.productId);
    const meeting = point.meetingId && state.meetings.find((m) => m.meetingId === point.meetingId);
    const [then, changes] = await Promise.all([
      fetchDashboardAt(current.credentials, current.productId,
        meeting ? { position: meeting.globalPosition } : { asOf: point.at }),
      changesUpTo(current, point.meetingId || point.at, now.lastGlobalPosition),
    ]);
    if (request === state.request) {
      state.shownVersion = now.version;
      renderComparison(point, then, now, changes);
    }
  } catch (error) {
    if (request === state.request) {
      byId('history-result').hidden = true;
      setStatus(error instanceof ApiError && error.status === 404
        ? `The product did not exist yet at ${describePoint(point)}.` : `Cannot load the history: ${error.message}`,
      true);
    }
  } finally {
    if (request === state.request) {
      byId('history-result').removeAttribute('aria-busy');
    }
  }
}

/**
 * Shows the view for the product on screen: loads its sync meetings when the product is new to the view (or when
 * reload is asked for), then compares with the chosen point, by default the last sync meeting.
 */
export async function showHistory({ reload = false } = {}) {
  const current = state.context();
  if (!current || !current.productId) {
    return;
  }
  if (reload || state.productId !== current.productId || !state.meetingsLoaded) {
    if (state.productId !== current.productId) {
      state.point = null;
      byId('history-result').hidden = true;
    }
    state.productId = current.productId;
    setStatus('Loading the sync meetings…');
    state.meetingsLoaded = loadMeetings(current);
  }
  try {
    await state.meetingsLoaded; // shared by calls that come while it loads
  } catch (error) {
    state.meetingsLoaded = null;
    setStatus(`Cannot load the sync meetings: ${error.message}`, true);
    return;
  }
  if (state.productId !== current.productId) {
    return; // another product was picked meanwhile
  }
  const point = state.point || initialPoint();
  if (point) {
    await compare(point);
  } else {
    showPointInForm(null);
    setStatus('No sync meeting has been held yet: pick a date and time to compare with.');
  }
}

/** Leaves the view: its point leaves the URL (the view keeps it for when it comes back). */
export function hideHistory() {
  setUrlParams({ since: null });
}

/** Forgets the product (another product was picked, or sign-out). */
export function resetHistory() {
  state.productId = null;
  state.point = null;
  state.meetings = [];
  state.meetingsLoaded = null;
  state.shownVersion = null;
  state.request += 1;
  byId('history-stale').hidden = true;
}

/** A new live dashboard version arrived: offer to refresh the comparison when "now" has moved on. */
export function liveVersion(version) {
  if (state.shownVersion !== null && version > state.shownVersion) {
    byId('history-stale').hidden = false;
  }
}

function onFormSubmit(event) {
  event.preventDefault();
  const meetingId = byId('history-meeting').value;
  if (meetingId !== CUSTOM) {
    compare({ meetingId });
  } else if (byId('history-at').value) {
    compare({ at: new Date(byId('history-at').value).toISOString() });
  } else {
    setStatus('Pick a sync meeting, or a date and time.', true);
    byId('history-at').focus();
  }
}

/** Wires the form; getContext() answers { credentials, productId } or null. */
export function initHistory(getContext) {
  state.context = getContext;
  state.requested = urlParam('since');
  byId('history-form').addEventListener('submit', onFormSubmit);
  byId('history-meeting').addEventListener('change', (event) => {
    if (event.target.value === CUSTOM) {
      byId('history-at').focus();
    } else {
      compare({ meetingId: event.target.value });
    }
  });
  byId('history-at').addEventListener('input', () => { byId('history-meeting').value = CUSTOM; });
  byId('history-refresh').addEventListener('click', () => showHistory({ reload: true }));
}
