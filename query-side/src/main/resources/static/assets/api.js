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

async function getJson(path, credentials) {
  // credentials: 'omit' keeps the browser from showing its own password prompt on a 401
  const response = await fetch(path, {
    headers: { Authorization: authorization(credentials), Accept: 'application/json' },
    credentials: 'omit',
    cache: 'no-store',
  });
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      // not a problem document
    }
    throw new ApiError(response.status, problem);
  }
  return response.json();
}

export function fetchProducts(credentials) {
  return getJson('/api/products', credentials);
}

export function fetchDashboard(credentials, productId) {
  return getJson(`/api/products/${encodeURIComponent(productId)}/dashboard`, credentials);
}

/** Every decision after a global position, following the cursor page by page (oldest first). */
export async function fetchDecisionsAfter(credentials, productId, after) {
  const entries = [];
  let cursor = after;
  for (let page = 0; page < 20; page += 1) {
    const query = new URLSearchParams({ limit: '500' });
    if (cursor !== null && cursor !== undefined) {
      query.set('after', String(cursor));
    }
    const result = await getJson(`/api/products/${encodeURIComponent(productId)}/decisions?${query}`, credentials);
    entries.push(...result.entries);
    if (result.nextAfter === null || result.nextAfter === undefined) {
      break;
    }
    cursor = result.nextAfter;
  }
  return entries;
}
