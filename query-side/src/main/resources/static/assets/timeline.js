// The timeline of one item in a dialog: every decision about it, oldest first (GET …/items/{itemId}/timeline).
// Any element with data-open-timeline="<itemId>" opens it (the item titles on the live dashboard, in the history view
// and in the audit log); data-item-title names the item when the element's text does not.

import { fetchTimeline } from './api.js';
import {
  beforeAfter, el, formatTime, roleName,
} from './render.js';

const byId = (id) => document.getElementById(id);

let context = () => null;
let shown = 0; // which request the dialog shows; an older answer is dropped
let shownItem = null;

function renderEntry(entry, itemId) {
  const values = beforeAfter(entry.before, entry.after);
  const change = values ? el('span', { class: 'change-values', 'data-testid': 'timeline-change' }, values) : null;
  return el('li', {
    class: `timeline-entry${entry.itemId === itemId ? '' : ' related'}`,
    'data-testid': 'timeline-entry', 'data-type': entry.type, 'data-global-position': entry.globalPosition,
  },
  el('time', { datetime: entry.timestamp }, formatTime(entry.timestamp)),
  el('span', { class: 'who' }, el('span', { class: 'actor' }, entry.actor || 'someone'),
    entry.role ? ` · ${roleName(entry.role)}` : ''),
  el('span', { class: 'sentence' }, entry.sentence),
  change,
  entry.rationale ? el('q', { class: 'rationale', 'data-testid': 'timeline-rationale' }, entry.rationale) : null);
}

function setStatus(text) {
  byId('timeline-status').textContent = text;
}

/** Opens the dialog for an item and loads its timeline. */
export async function openTimeline(itemId, title) {
  const current = context();
  if (!current || !current.productId) {
    return;
  }
  shown += 1;
  shownItem = itemId;
  const request = shown;
  const name = title || current.titleOf(itemId) || `item ${itemId}`;
  byId('timeline-title').textContent = `Timeline: ${name}`;
  byId('timeline-entries').replaceChildren();
  setStatus('Loading…');
  const dialog = byId('timeline');
  if (!dialog.open) {
    dialog.showModal();
  }
  try {
    const entries = await fetchTimeline(current.credentials, current.productId, itemId);
    if (request !== shown) {
      return;
    }
    byId('timeline-entries').replaceChildren(...entries.map((entry) => renderEntry(entry, itemId)));
    setStatus(entries.length === 1 ? '1 decision, oldest first' : `${entries.length} decisions, oldest first`);
  } catch (error) {
    if (request === shown) {
      setStatus(error.status === 404 ? 'Nothing is known about this item.' : `Cannot load the timeline: ${error.message}`);
    }
  }
}

/**
 * Wires the dialog; getContext() answers { credentials, productId, titleOf(itemId) } or null when signed out;
 * showInAudit(itemId) opens the audit log filtered to the item.
 */
export function initTimeline(getContext, showInAudit) {
  context = getContext;
  byId('timeline-audit').addEventListener('click', () => {
    const itemId = shownItem;
    byId('timeline').close();
    showInAudit(itemId);
  });
  document.addEventListener('click', (event) => {
    const trigger = event.target.closest('[data-open-timeline]');
    if (trigger) {
      event.preventDefault();
      openTimeline(trigger.dataset.openTimeline, trigger.dataset.itemTitle || trigger.textContent.trim());
    }
  });
  byId('timeline-close').addEventListener('click', () => byId('timeline').close());
  byId('timeline').addEventListener('click', (event) => {
    if (event.target === byId('timeline')) {
      byId('timeline').close(); // a click on the backdrop
    }
  });
}

/** Closes the dialog (sign-out, product change). */
export function closeTimeline() {
  shown += 1;
  if (byId('timeline').open) {
    byId('timeline').close();
  }
}
