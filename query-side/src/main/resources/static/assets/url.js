// The page's state in its URL query (?product=…&view=…&wall=1&since=…), so that a link or a reload returns there.

/** The value of a query parameter of the page's URL, or null. */
export function urlParam(name) {
  return new URLSearchParams(window.location.search).get(name);
}

/** Sets (or, for null, removes) query parameters of the page's URL without a reload or a history entry. */
export function setUrlParams(changes) {
  const params = new URLSearchParams(window.location.search);
  Object.entries(changes).forEach(([name, value]) => {
    if (value === null || value === undefined || value === '') {
      params.delete(name);
    } else {
      params.set(name, String(value));
    }
  });
  const search = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
}

/** The page's URL with other query parameters (for links between views). */
export function urlWith(changes) {
  const params = new URLSearchParams(window.location.search);
  Object.entries(changes).forEach(([name, value]) => params.set(name, String(value)));
  return `${window.location.pathname}?${params}`;
}
