/** The `?page=` number from the URL, defaulting to 1 for anything that is not a positive integer. */
export function pageFromSearch(params: URLSearchParams): number {
  const n = Number(params.get('page'));
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** The same URL with `page` replaced (page 1 drops the parameter, so `/` stays canonical). */
export function withPage(pathname: string, params: URLSearchParams, page: number): string {
  const next = new URLSearchParams(params);
  if (page <= 1) next.delete('page');
  else next.set('page', String(page));
  const qs = next.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}
