/*
 * Each source's parsed list, kept between renders. The source fetch cache (source-fetch.ts)
 * spares the network; this spares the work after it: parsing and checking a whole feed (every
 * item validated, URLs resolved, text extracted) was most of a page render's time (profiled with
 * `node --cpu-prof`: docs/performance.md). Same windows as the other caches; a page refreshing in
 * the background asks for a fresh list (its fetch context says so).
 */
import * as entry from '../src/entry-server.tsx';
import type { ListLoader, SourceLoadResult } from '../src/entry-server.tsx';
import { SwrCache } from './cache/swr-cache.ts';
import { fetchContext } from './source-fetch.ts';

/** A list's weight: its text, which is nearly all of it (UTF-16 in memory: two bytes a character). */
function sizeOfList(result: SourceLoadResult): number {
  let chars = 0;
  for (const a of result.articles) {
    chars += a.headline.length + a.bodyText.length + (a.untrustedBodyHtml?.length ?? 0) + (a.standfirst?.length ?? 0) + 400;
  }
  return chars * 2;
}

export function createListCache(options: { maxBytes: number; ttlMs: number; staleWhileRevalidateMs: number; staleIfErrorMs: number }) {
  const cache = new SwrCache<SourceLoadResult>({ ...options, sizeOf: sizeOfList });
  const load: ListLoader = async (source, timeoutMs) => {
    const context = fetchContext.getStore();
    // Same-origin sources resolve against the request's origin: it is part of what was loaded.
    const key = `${context?.siteOrigin ?? ''} ${JSON.stringify(source)} ${timeoutMs}`;
    const result = await cache.get(key, () => entry.loadSourceList(source, { timeoutMs }), { allowStale: !context?.fresh });
    return result.value;
  };
  return { load, cache };
}
