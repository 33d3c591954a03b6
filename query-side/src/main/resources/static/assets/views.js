// The three views of a product: Live (the dashboard), History (the plan then and now) and Audit (the decision log).
// The tabs are links (?view=…), so a view can be bookmarked; a plain click switches without a reload.

import { setUrlParams, urlParam, urlWith } from './url.js';

const SECTIONS = { live: 'dashboard', history: 'history', audit: 'audit' };
export const VIEWS = Object.keys(SECTIONS);

let current = null;
let onShow = () => {};

const tabs = () => [...document.querySelectorAll('[data-view-tab]')];

function refreshLinks() {
  tabs().forEach((tab) => { tab.href = urlWith({ view: tab.dataset.viewTab }); });
}

/** The view on screen: live, history or audit. */
export function currentView() {
  return current;
}

/** Shows one view (an unknown name shows live), records it in the URL and tells the listener. */
export function showView(name) {
  const view = SECTIONS[name] ? name : 'live';
  current = view;
  Object.entries(SECTIONS).forEach(([key, id]) => { document.getElementById(id).hidden = key !== view; });
  tabs().forEach((tab) => {
    if (tab.dataset.viewTab === view) {
      tab.setAttribute('aria-current', 'page');
    } else {
      tab.removeAttribute('aria-current');
    }
  });
  setUrlParams({ view: view === 'live' ? null : view });
  refreshLinks();
  onShow(view);
}

/** Wires the tabs; listener(view) runs whenever a view is shown. Returns the view the URL asks for. */
export function initViews(listener) {
  onShow = listener;
  tabs().forEach((tab) => tab.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return; // let the browser open it elsewhere
    }
    event.preventDefault();
    showView(tab.dataset.viewTab);
  }));
  refreshLinks();
  return SECTIONS[urlParam('view')] ? urlParam('view') : 'live';
}

/** Keeps the tab links in step with the rest of the URL (e.g. after the product changed). */
export { refreshLinks as refreshViewLinks };
