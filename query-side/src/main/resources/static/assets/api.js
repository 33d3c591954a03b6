// REST access to the query API with HTTP Basic credentials kept in sessionStorage (this tab only).

const KEY = 'tandem.credentials';

export function savedCredentials() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY));
    return saved && saved.username && saved.password ? saved : null;
  } catch {
    return null;
  }
}

export function saveCredentials(credentials) {
  sessionStorage.setItem(KEY, JSON.stringify(credentials));
}

export function forgetCredentials() {
  sessionStorage.removeItem(KEY);
}

/** The Authorization header value for the credentials (UTF-8 safe). */
export function authorization({ username, password }) {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  bytes.forEach((b) => { binary += String.fromCharCode(b); });
  return `Basic ${btoa(binary)}`;
}

/** A failed request: the HTTP status and the problem document, when there was one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** The problem document of a failed response, when it has one. */
async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return null; // not a problem document
  }
}

/** A request to the API with the stored credentials; throws ApiError unless the answer is 2xx. */
async function send(path, credentials, { method = 'GET', accept = 'application/json' } = {}) {
  // credentials: 'omit' keeps the browser from showing its own password prompt on a 401
  const response = await fetch(path, {
    method,
    headers: { Authorization: authorization(credentials), Accept: accept },
    credentials: 'omit',
    cache: 'no-store',
  });
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  return response;
}

async function getJson(path, credentials) {
  return (await send(path, credentials)).json();
}

const productPath = (productId) => `/api/products/${encodeURIComponent(productId)}`;

/** Query parameters without the empty ones. */
function query(params) {
  const result = new URLSearchParams();
  Object.entries(params).forEach(([name, value]) => {
    if (value !== null && value !== undefined && value !== '') {
      result.set(name, String(value));
    }
  });
  return result;
}

export function fetchProducts(credentials) {
  return getJson('/api/products', credentials);
}

export function fetchDashboard(credentials, productId) {
  return getJson(`${productPath(productId)}/dashboard`, credentials);
}

/**
 * Every decision after a global position (null: from the start) that matches the filters, following the cursor page
 * by page (oldest first, at most 10 000).
 */
export async function fetchDecisionsAfter(credentials, productId, after, filters = {}) {
  const entries = [];
  let cursor = after;
  for (let page = 0; page < 20; page += 1) {
    const params = query({ ...filters, limit: 500, after: cursor });
    const result = await getJson(`${productPath(productId)}/decisions?${params}`, credentials);
    entries.push(...result.entries);
    if (result.nextAfter === null || result.nextAfter === undefined) {
      break;
    }
    cursor = result.nextAfter;
  }
  return entries;
}

/** The dashboard as it was at a point: { asOf: ISO instant } or { position: global position }. */
export function fetchDashboardAt(credentials, productId, point) {
  return getJson(`${productPath(productId)}/dashboard?${query(point)}`, credentials);
}

/**
 * What changed from a point (sync meeting id, ISO instant or global position; exclusive) to another (inclusive; null:
 * now).
 */
export function fetchChanges(credentials, productId, from, to) {
  return getJson(`${productPath(productId)}/changes?${query({ from, to })}`, credentials);
}

/** Every decision about one item, oldest first. */
export function fetchTimeline(credentials, productId, itemId) {
  return getJson(`${productPath(productId)}/items/${encodeURIComponent(itemId)}/timeline`, credentials);
}

/** One page of the decision log: filters {actor, role, type, item, from, to}, cursor after, page size limit. */
export function fetchDecisionPage(credentials, productId, filters, after, limit) {
  return getJson(`${productPath(productId)}/decisions?${query({ ...filters, after, limit })}`, credentials);
}

/** The file name a Content-Disposition header gives, or the fallback. */
export function attachmentName(disposition, fallback) {
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition || '');
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // malformed: try the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(disposition || '');
  return plain ? (plain[1] ?? plain[2]).trim() : fallback;
}

/** The decision log export (format csv or jsonl) with the filters: { blob, filename }. */
export async function fetchDecisionExport(credentials, productId, format, filters) {
  const response = await send(`${productPath(productId)}/decisions/export?${query({ ...filters, format })}`,
    credentials, { accept: format === 'csv' ? 'text/csv' : 'application/x-ndjson' });
  const blob = await response.blob();
  const filename = attachmentName(response.headers.get('Content-Disposition'), `tandem-decisions.${format}`);
  return { blob, filename };
}

/** The query side's event processors and their rebuilds (admins only: 401/403/404 otherwise). */
export function fetchProcessors(credentials) {
  return getJson('/api/admin/processors', credentials);
}

/** Starts rebuilding a processor's read model (202); 409 while it is already rebuilding. */
export async function rebuildProcessor(credentials, name) {
  await send(`/api/admin/processors/${encodeURIComponent(name)}/rebuild`, credentials, { method: 'POST' });
}
