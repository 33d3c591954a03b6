// The page: sign in, pick a product, follow its dashboard live (catching up on decisions after a reconnect), and
// switch between the Live, History and Audit views; any item opens its timeline.

import {
  ApiError, fetchDashboard, fetchProducts, forgetCredentials, saveCredentials, savedCredentials,
} from './api.js';
import { hideReadModels, initReadModels, showReadModels } from './admin.js';
import {
  filterByItem, hideAudit, initAudit, resetAudit, showAudit, suggestFilters,
} from './audit.js';
import { DecisionFeed } from './feed.js';
import {
  hideHistory, initHistory, liveVersion, resetHistory, showHistory,
} from './history.js';
import { openLive } from './live.js';
import {
  el, renderAlerts, renderDashboard, renderPresence, renderStatus,
} from './render.js';
import { closeTimeline, initTimeline } from './timeline.js';
import { renderTrend, resetTrend } from './trend.js';
import { setUrlParams, urlParam } from './url.js';
import {
  currentView, initViews, refreshViewLinks, showView,
} from './views.js';

const PRODUCT_KEY = 'tandem.product';

const state = {
  credentials: null,
  live: null,
  productId: null,
  view: null, // the live dashboard
  wantedView: 'live', // the view the URL asked for, shown once a product is open
  alerts: [],
  feed: new DecisionFeed(),
};

const byId = (id) => document.getElementById(id);
const show = (id, visible) => { byId(id).hidden = !visible; };
const alertKey = (alert) => `${alert.code}/${alert.itemId || ''}`;

/** What the views need: who is signed in, the product on screen, and item titles from its live dashboard. */
function context() {
  if (!state.credentials) {
    return null;
  }
  return { credentials: state.credentials, productId: state.productId, titleOf };
}

function titleOf(itemId) {
  const view = state.view;
  if (!view) {
    return null;
  }
  const items = [...['now', 'next', 'later', 'dropped'].flatMap((key) => view.roadmap[key] || []),
    ...(view.backlog || []), ...(view.objectives || [])];
  const found = items.find((item) => item.id === itemId);
  return found ? found.title : null;
}

function showSignIn(message) {
  show('sign-in', true);
  show('views', false);
  show('view-tabs', false);
  show('no-products', false);
  show('product-bar', false);
  show('sign-out', false);
  show('wall-toggle', false);
  byId('signed-in-as').textContent = '';
  byId('presence').textContent = '';
  byId('sign-in-error').textContent = message || '';
  show('sign-in-error', Boolean(message));
  byId('username').focus();
}

function resetProduct(productId) {
  state.productId = productId;
  state.view = null;
  state.alerts = [];
  state.feed.reset(productId);
  renderPresence({ watchers: [] });
  closeTimeline();
  resetHistory();
  resetAudit();
}

/** A view was shown (by its tab, or at start): load what it needs. */
function onViewShown(view) {
  show('wall-toggle', view === 'live');
  if (view !== 'history') {
    hideHistory();
  }
  if (view !== 'audit') {
    hideAudit();
    hideReadModels();
  }
  if (view === 'history') {
    showHistory();
  } else if (view === 'audit') {
    showAudit(state.view);
    showReadModels();
  }
}

function applyDashboard(view) {
  if (view.productId !== state.productId || (state.view && view.version <= state.view.version)) {
    return; // another product's, or older than what is shown (a push and the subscribe answer may cross)
  }
  state.view = view;
  state.alerts = view.alerts || [];
  renderDashboard(view);
  renderTrend(view.trend || []);
  state.feed.add(view.recentDecisions || []);
  liveVersion(view.version);
  if (currentView() === 'audit') {
    suggestFilters(view);
  }
}

function applyAlert(notice) {
  if (notice.productId !== state.productId) {
    return;
  }
  const others = state.alerts.filter((alert) => alertKey(alert) !== alertKey(notice.alert));
  state.alerts = notice.state === 'STARTED' ? [notice.alert, ...others] : others;
  renderAlerts(state.alerts);
}

/** After a (re)connect: the decisions missed meanwhile; the dashboard itself comes again with the subscription. */
async function catchUp() {
  try {
    await state.feed.catchUp(state.credentials);
  } catch (error) {
    renderStatus('live', `Catching up failed: ${error.message}`);
  }
}

function updateUrl() {
  setUrlParams({
    product: state.productId,
    wall: document.documentElement.classList.contains('wall') ? '1' : null,
  });
  refreshViewLinks();
}

async function selectProduct(productId) {
  resetProduct(productId);
  sessionStorage.setItem(PRODUCT_KEY, productId);
  byId('product-picker').value = productId;
  updateUrl();
  show('views', true);
  showView(currentView() || state.wantedView);
  state.live.watch(productId);
  try {
    applyDashboard(await fetchDashboard(state.credentials, productId));
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) {
      renderStatus('error', error.message);
    } // 404: not built yet; it arrives on the dashboard topic
  }
}

function fillPicker(products) {
  byId('product-picker').replaceChildren(...products.map((product) => el('option', { value: product.productId },
    `${product.name} (${[...product.roles].map((role) => role.toLowerCase().replaceAll('_', ' ')).join(', ')})`)));
}

async function signIn(credentials, remembered) {
  let products;
  try {
    products = await fetchProducts(credentials);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      forgetCredentials();
      showSignIn(remembered ? '' : 'Wrong user or password.');
    } else {
      showSignIn(`The server cannot be reached: ${error.message}`);
    }
    return;
  }
  saveCredentials(credentials);
  state.credentials = credentials;
  show('sign-in', false);
  show('sign-out', true);
  show('wall-toggle', true);
  byId('signed-in-as').textContent = `Signed in as ${credentials.username}`;
  if (products.length === 0) {
    show('no-products', true);
    return;
  }
  fillPicker(products);
  show('product-bar', true);
  show('view-tabs', true);
  state.live = openLive(credentials, {
    onStatus: renderStatus,
    onConnected: catchUp,
    onAuthFailed: () => signOut('Your sign-in is no longer valid.'),
    dashboard: applyDashboard,
    decisions: (entry) => state.feed.add([entry]),
    alerts: applyAlert,
    presence: (presence) => { if (presence.productId === state.productId) renderPresence(presence); },
  });
  const wanted = urlParam('product') || sessionStorage.getItem(PRODUCT_KEY);
  const chosen = products.find((product) => product.productId === wanted) || products[0];
  await selectProduct(chosen.productId);
}

function signOut(message) {
  if (state.live) {
    state.live.close();
    state.live = null;
  }
  forgetCredentials();
  state.credentials = null;
  hideReadModels();
  resetProduct(null);
  renderStatus('offline');
  showSignIn(message);
}

function toggleWall() {
  document.documentElement.classList.toggle('wall');
  updateUrl();
  resetTrend();
  if (state.view) {
    renderTrend(state.view.trend || []);
  }
}

function start() {
  if (urlParam('wall') === '1') {
    document.documentElement.classList.add('wall');
  }
  state.wantedView = initViews(onViewShown);
  initTimeline(context, (itemId) => {
    filterByItem(itemId);
    showView('audit');
  });
  initHistory(context);
  initAudit(context);
  initReadModels(context);
  byId('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    signIn({ username: byId('username').value.trim(), password: byId('password').value }, false);
    byId('password').value = '';
  });
  byId('product-picker').addEventListener('change', (event) => selectProduct(event.target.value));
  byId('sign-out').addEventListener('click', () => signOut(''));
  byId('wall-toggle').addEventListener('click', toggleWall);
  const saved = savedCredentials();
  if (saved) {
    signIn(saved, true);
  } else {
    showSignIn('');
  }
}

// module scripts run after the deferred library scripts, so StompJs and Chart are loaded here
start();
