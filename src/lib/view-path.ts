/** Query parameters that name a campaign or a click, not what the page shows. */
const TRACKING = /^(utm_|fbclid$|gclid$)/;

/**
 * The view a URL shows: its path and the query parameters that change the page (`?page=3`,
 * `?q=…`), without campaign tags. A server-rendered page is marked with it, and the browser
 * adopts the HTML only for the same view (main.tsx); the server caches pages by it.
 */
export function viewPath(pathname: string, search: string): string {
  const params = new URLSearchParams([...new URLSearchParams(search)].filter(([key]) => !TRACKING.test(key)));
  params.sort();
  const query = params.toString();
  return `${pathname || '/'}${query ? `?${query}` : ''}`;
}
