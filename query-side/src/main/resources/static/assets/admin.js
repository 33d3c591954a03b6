// The "Read models" panel for administrators: the query side's event processors, their rebuilds with progress, and a
// button to rebuild one. Shown only when GET /api/admin/processors answers; hidden without a word on 401/403/404.
// While a rebuild runs, the panel polls every second.

import { ApiError, fetchProcessors, rebuildProcessor } from './api.js';
import { el } from './render.js';

const byId = (id) => document.getElementById(id);
const POLL_MS = 1000;
const HIDDEN_ON = [401, 403, 404];

const state = {
  context: () => null, active: false, timer: null, request: 0, keepError: false,
};

function setStatus(text, isError) {
  byId('read-models-status').textContent = text;
  byId('read-models-status').classList.toggle('error', Boolean(isError));
}

function progress(rebuild) {
  if (!rebuild) {
    return el('td', { colspan: 3, class: 'muted' }, 'not rebuilt since start');
  }
  const { processed = 0, total = 0 } = rebuild;
  const percent = total > 0 ? Math.min(100, Math.round((processed / total) * 100)) : 100;
  const speed = rebuild.eventsPerSecond === null || rebuild.eventsPerSecond === undefined ? ''
    : `${Math.round(rebuild.eventsPerSecond)} events/s`;
  const eta = rebuild.state === 'REBUILDING' && rebuild.etaSeconds !== null && rebuild.etaSeconds !== undefined
    ? `about ${Math.max(1, rebuild.etaSeconds)} s left` : '';
  return [
    el('td', {}, el('span', { class: `rebuild-state rebuild-${(rebuild.state || '').toLowerCase()}` }, rebuild.state),
      rebuild.error ? el('span', { class: 'error' }, ` ${rebuild.error}`) : null),
    el('td', {}, el('progress', {
      max: total > 0 ? total : 1, value: total > 0 ? processed : 1, 'aria-label': `${percent} % rebuilt`,
    }), ` ${processed} / ${total}`),
    el('td', {}, [speed, eta].filter(Boolean).join(', ')),
  ];
}

function renderRow(processor) {
  const rebuilding = processor.rebuild && processor.rebuild.state === 'REBUILDING';
  return el('tr', { 'data-testid': 'read-model', 'data-name': processor.name },
    el('th', { scope: 'row' }, processor.name,
      processor.generation !== undefined ? el('span', { class: 'muted' }, ` · generation ${processor.generation}`) : null),
    el('td', {}, processor.running ? 'running' : 'stopped',
      processor.error ? el('span', { class: 'error' }, ' · in error') : null),
    el('td', {}, processor.replaying ? 'replaying' : '–'),
    progress(processor.rebuild),
    el('td', {}, el('button', {
      type: 'button', class: 'quiet', 'data-rebuild': processor.name, disabled: rebuilding,
      'aria-label': `Rebuild ${processor.name}`,
    }, 'Rebuild')));
}

/** One line for the folded panel: "4 processors, all running", "1 rebuilding (40 %)", … */
function summary(processors) {
  const rebuilding = processors.filter((p) => p.rebuild && p.rebuild.state === 'REBUILDING');
  const failed = processors.filter((p) => p.rebuild && p.rebuild.state === 'FAILED');
  const troubled = processors.filter((p) => !p.running || p.error);
  const parts = rebuilding.map((p) => `${p.name} rebuilding (${p.rebuild.total > 0
    ? Math.min(100, Math.round((p.rebuild.processed / p.rebuild.total) * 100)) : 100} %)`);
  if (failed.length) {
    parts.push(`${failed.map((p) => p.name).join(', ')}: rebuild failed`);
  }
  if (troubled.length) {
    parts.push(`${troubled.map((p) => p.name).join(', ')}: stopped or in error`);
  }
  return parts.length ? parts.join(' · ') : `${processors.length} processors, all running`;
}

function schedule(processors) {
  clearTimeout(state.timer);
  state.timer = null;
  if (state.active && processors.some((p) => p.rebuild && p.rebuild.state === 'REBUILDING')) {
    state.timer = setTimeout(refresh, POLL_MS);
  }
}

/** Loads the processors and shows them; hides the panel for callers who may not see it. */
async function refresh() {
  const current = state.context();
  if (!current || !state.active) {
    return;
  }
  state.request += 1;
  const request = state.request;
  try {
    const processors = await fetchProcessors(current.credentials);
    if (request !== state.request || !state.active) {
      return;
    }
    byId('read-models-rows').replaceChildren(...processors.map(renderRow));
    byId('read-models-summary').textContent = summary(processors);
    if (processors.some((p) => p.rebuild && p.rebuild.state === 'REBUILDING')) {
      byId('read-models-details').open = true; // show the progress
    }
    byId('read-models').hidden = false;
    if (byId('read-models-status').classList.contains('error') && !state.keepError) {
      setStatus('');
    }
    state.keepError = false;
    schedule(processors);
  } catch (error) {
    if (request !== state.request) {
      return;
    }
    if (error instanceof ApiError && HIDDEN_ON.includes(error.status)) {
      byId('read-models').hidden = true;
    } else if (!byId('read-models').hidden && state.active) {
      setStatus(`Cannot read the processors: ${error.message}`, true);
      clearTimeout(state.timer);
      state.timer = setTimeout(refresh, POLL_MS * 5);
    }
  }
}

async function rebuild(name, button) {
  const current = state.context();
  if (!current) {
    return;
  }
  button.disabled = true;
  try {
    await rebuildProcessor(current.credentials, name);
    setStatus(`Rebuilding ${name}; the current read model keeps serving until the new one has caught up.`);
  } catch (error) {
    setStatus(error.problem && error.problem.detail ? error.problem.detail : `Cannot rebuild ${name}: ${error.message}`,
      true);
    state.keepError = true; // the refresh below must not wipe the answer

  }
  await refresh();
}

/** The panel is on screen: load it (and poll while a rebuild runs). */
export function showReadModels() {
  state.active = true;
  refresh();
}

/** The panel is off screen (or signed out): stop polling. */
export function hideReadModels() {
  state.active = false;
  clearTimeout(state.timer);
  state.timer = null;
  state.request += 1;
}

/** Wires the rebuild buttons; getContext() answers { credentials } or null. */
export function initReadModels(getContext) {
  state.context = getContext;
  byId('read-models-rows').addEventListener('click', (event) => {
    const button = event.target.closest('[data-rebuild]');
    if (button) {
      rebuild(button.dataset.rebuild, button);
    }
  });
}
