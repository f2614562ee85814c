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

/** The `?source=` id from the URL when it names a configured source; otherwise all sources. */
export function sourceFromSearch(params: URLSearchParams, sourceIds: string[]): string | undefined {
  const id = params.get('source');
  return id && sourceIds.includes(id) ? id : undefined;
}

/** The same URL with `source` replaced (undefined drops it) and the page reset. */
export function withSource(pathname: string, params: URLSearchParams, source: string | undefined): string {
  const next = new URLSearchParams(params);
  next.delete('page');
  if (source) next.set('source', source);
  else next.delete('source');
  const qs = next.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}
