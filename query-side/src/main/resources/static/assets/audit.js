// The audit view: the decision log with filters (actor, role, type, item, from, to), "Load more" along the cursor,
// and downloads of the same selection as CSV or JSON lines. A plain link cannot send the Authorization header, so a
// download is fetched, kept as a Blob and saved through an object URL under the server's file name.

import { fetchDecisionExport, fetchDecisionPage } from './api.js';
import {
  beforeAfter, el, formatTime, itemButton, roleName,
} from './render.js';
import { setUrlParams, urlParam } from './url.js';

const byId = (id) => document.getElementById(id);
const PAGE_SIZE = 50;
const FILTERS = ['actor', 'role', 'type', 'item', 'from', 'to'];
const ROLES = ['PRODUCT_MANAGER', 'PRODUCT_OWNER', 'CONTRIBUTOR', 'VIEWER'];
const TYPES = [
  ['Product', ['ProductCreated', 'ProductVisionChanged', 'RoleGranted', 'RoleRevoked']],
  ['Objectives', ['ObjectiveDefined', 'ObjectiveRetired']],
  ['Roadmap', ['RoadmapItemPlanned', 'RoadmapItemRescheduled', 'RoadmapItemStatusChanged', 'RoadmapItemDropped']],
  ['Backlog', ['BacklogItemAdded', 'BacklogItemReprioritized', 'BacklogItemLinked', 'BacklogItemUnlinked',
    'BacklogItemCompleted', 'BacklogItemRemoved']],
  ['Feedback', ['FeedbackReceived', 'FeedbackTriaged', 'CustomerForgotten']],
  ['Records', ['DecisionRecorded', 'SyncMeetingHeld']],
];

const state = {
  context: () => null,
  productId: null,
  filters: {},
  nextAfter: null,
  shown: 0,
  request: 0,
};

/** RoadmapItemRescheduled → "Roadmap item rescheduled". */
export function typeName(type) {
  const spaced = (type || '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function fillChoices() {
  byId('audit-role').replaceChildren(el('option', { value: '' }, 'Any role'),
    ...ROLES.map((role) => el('option', { value: role }, roleName(role))));
  byId('audit-type').replaceChildren(el('option', { value: '' }, 'Any decision'),
    ...TYPES.map(([group, types]) => el('optgroup', { label: group },
      types.map((type) => el('option', { value: type }, typeName(type))))));
}

/** The items and people of the dashboard on screen as suggestions for the item and actor filters. */
export function suggestFilters(view) {
  const items = view ? [...['now', 'next', 'later', 'dropped'].flatMap((key) => view.roadmap[key] || []),
    ...(view.backlog || []), ...(view.objectives || [])] : [];
  byId('audit-items').replaceChildren(...items.map((item) => el('option', { value: item.id, label: item.title })));
  const people = view ? [...new Set([...view.people.productManagers, ...view.people.productOwners])] : [];
  byId('audit-actors').replaceChildren(...people.map((person) => el('option', { value: person })));
}

/** A date input's day in local time as an instant: its start, or for the upper bound the start of the next day. */
function dayBoundary(value, upper) {
  if (!value) {
    return null;
  }
  const [year, month, day] = value.split('-').map(Number);
  return new Date(year, month - 1, upper ? day + 1 : day).toISOString();
}

function formFilters() {
  const form = byId('audit-filters');
  const value = (name) => form.elements[name].value.trim();
  return { actor: value('actor'), role: value('role'), type: value('type'), item: value('item'),
    from: value('from'), to: value('to') };
}

/** The filters as the API takes them: dates become instants (the local day, "to" inclusive). */
function apiFilters(filters) {
  return { ...filters, from: dayBoundary(filters.from, false), to: dayBoundary(filters.to, true) };
}

function setStatus(text, isError) {
  byId('audit-status').textContent = text;
  byId('audit-status').classList.toggle('error', Boolean(isError));
}

/** A problem's message, with each invalid parameter (400 validation) named. */
function problemText(error) {
  const errors = error.problem && Array.isArray(error.problem.errors) ? error.problem.errors : [];
  return errors.length ? errors.map((e) => `${e.field} ${e.message}`).join('; ') : error.message;
}

function renderRow(entry, titleOf) {
  const title = entry.itemId ? titleOf(entry.itemId) : null;
  return el('tr', {
    'data-testid': 'audit-row', 'data-type': entry.type, 'data-actor': entry.actor, 'data-role': entry.role,
    'data-global-position': entry.globalPosition,
  },
  el('td', { class: 'num' }, entry.globalPosition),
  el('td', { class: 'when' }, el('time', { datetime: entry.timestamp }, formatTime(entry.timestamp))),
  el('td', {}, entry.actor || ''),
  el('td', {}, roleName(entry.role)),
  el('td', {}, typeName(entry.type)),
  el('td', { class: 'sentence' }, entry.sentence),
  el('td', { class: 'values' }, beforeAfter(entry.before, entry.after)),
  el('td', { class: 'rationale' }, entry.rationale || ''),
  el('td', {}, entry.itemId ? itemButton(entry.itemId, 'Timeline', {
    class: 'item-open quiet-link', 'data-item-title': title || '', 'aria-label': `Timeline of ${title || 'this item'}`,
  }) : ''));
}

function showCount() {
  const count = state.shown === 1 ? '1 decision' : `${state.shown} decisions`;
  if (state.shown === 0) {
    setStatus('No decision matches these filters.');
  } else {
    setStatus(state.nextAfter !== null ? `${count} shown, oldest first; more to load.` : `${count}, oldest first.`);
  }
  byId('audit-more').hidden = state.nextAfter === null;
}

/** Loads the first page for the filters (fresh) or the next page (more). */
async function load(more) {
  const current = state.context();
  if (!current || !current.productId) {
    return;
  }
  state.request += 1;
  const request = state.request;
  if (!more) {
    state.nextAfter = null;
    state.shown = 0;
    byId('audit-rows').replaceChildren();
  }
  setStatus('Loading…');
  byId('audit-more').disabled = true;
  try {
    const page = await fetchDecisionPage(current.credentials, current.productId, apiFilters(state.filters),
      more ? state.nextAfter : null, PAGE_SIZE);
    if (request !== state.request) {
      return;
    }
    byId('audit-rows').append(...page.entries.map((entry) => renderRow(entry, current.titleOf)));
    state.shown += page.entries.length;
    state.nextAfter = page.nextAfter ?? null;
    showCount();
  } catch (error) {
    if (request === state.request) {
      setStatus(`Cannot load the decisions: ${problemText(error)}`, true);
    }
  } finally {
    byId('audit-more').disabled = false;
  }
}

function applyFilters() {
  state.filters = formFilters();
  setUrlParams(state.filters);
  load(false);
}

/** Saves a Blob under a file name through a temporary object URL. */
function save(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function size(bytes) {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}

async function exportAs(format, button) {
  const current = state.context();
  if (!current || !current.productId) {
    return;
  }
  const status = byId('audit-download-status');
  button.disabled = true;
  status.textContent = `Preparing the ${format === 'csv' ? 'CSV' : 'JSON lines'} export…`;
  status.classList.remove('error');
  try {
    const { blob, filename } = await fetchDecisionExport(current.credentials, current.productId, format,
      apiFilters(state.filters)); // what the table shows: the applied filters
    save(blob, filename);
    status.textContent = `Downloaded ${filename} (${size(blob.size)}).`;
  } catch (error) {
    status.textContent = `Export failed: ${problemText(error)}`;
    status.classList.add('error');
  } finally {
    button.disabled = false;
  }
}

function filtersFromUrl() {
  const form = byId('audit-filters');
  FILTERS.forEach((name) => { form.elements[name].value = urlParam(name) || ''; });
}

/** Shows the view for the product on screen; a new product starts with the filters of the URL (or none). */
export function showAudit(view) {
  const current = state.context();
  if (!current || !current.productId) {
    return;
  }
  suggestFilters(view);
  if (state.productId !== current.productId) {
    state.productId = current.productId;
    state.filters = formFilters();
    setUrlParams(state.filters);
    load(false);
  } else {
    setUrlParams(state.filters);
  }
}

/** Sets the filters to every decision about one item; the view loads them when it is shown next. */
export function filterByItem(itemId) {
  const form = byId('audit-filters');
  FILTERS.forEach((name) => { form.elements[name].value = name === 'item' ? itemId : ''; });
  state.productId = null;
}

/** Leaves the view: its filters leave the URL (the form keeps them). */
export function hideAudit() {
  setUrlParams(Object.fromEntries(FILTERS.map((name) => [name, null])));
}

/**
 * Forgets the product (another product was picked, or sign-out): the next showing loads afresh. The item filter
 * names an item of the product the view showed, so it goes; the other filters apply to any product.
 */
export function resetAudit() {
  if (state.productId !== null) {
    byId('audit-filters').elements.item.value = '';
  }
  state.productId = null;
  state.request += 1;
}

/** Wires the form and the buttons; getContext() answers { credentials, productId, titleOf } or null. */
export function initAudit(getContext) {
  state.context = getContext;
  fillChoices();
  filtersFromUrl();
  const form = byId('audit-filters');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    applyFilters();
  });
  form.addEventListener('reset', () => setTimeout(applyFilters)); // after the form has cleared its fields
  byId('audit-more').addEventListener('click', () => load(true));
  byId('export-csv').addEventListener('click', (event) => exportAs('csv', event.currentTarget));
  byId('export-jsonl').addEventListener('click', (event) => exportAs('jsonl', event.currentTarget));
}
