import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * The data a server-rendered page was drawn with, carried in the page (a JSON data block, which
 * the CSP lets through as it never runs) so the browser hydrates with the very same data instead
 * of fetching it again first: no request before the page comes alive, and no mismatch. Written by
 * src/entry-server.tsx (`serverState`); a few lines instead of the query library's `hydrate`, which
 * would not fit the first screen's budget.
 */
export const SERVER_STATE_ID = 'news-state';

export interface ServerQuery {
  key: QueryKey;
  data: unknown;
  /** When the server read it: the client refetches once that is older than the query's staleTime. */
  updatedAt: number;
}

/** Seed `client` from the page's data block (removed once read). */
export function adoptServerState(client: QueryClient): void {
  const block = document.getElementById(SERVER_STATE_ID);
  try {
    for (const q of JSON.parse(block?.textContent || '[]') as ServerQuery[])
      client.setQueryData(q.key, q.data, { updatedAt: q.updatedAt });
  } catch {
    // A broken block: the app fetches what it needs, as without a server.
  }
  block?.remove();
}
