/*
 * HTML pages rendered from the live sources, cached as whole responses (the body and its brotli
 * and gzip encodings, made once per render rather than once per request). A page is fresh for
 * the TTL; after that it is answered stale at once while one background render refreshes it,
 * and its sources are then read fresh (not from their own stale copies), so a story published in
 * the CMS is on the page within the TTL plus one refresh. When the sources fail, the last good
 * page is answered (stale-if-error); with nothing cached, the page says so with status 503.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import * as entry from '../src/entry-server.tsx';
import type { ListLoader } from '../src/entry-server.tsx';
import { SwrCache, type CacheStatus } from './cache/swr-cache.ts';
import { fetchContext } from './source-fetch.ts';
import type { Site } from './site.ts';

export interface PageResponse {
  status: number;
  location?: string;
  type: string;
  body: Buffer;
  br?: Buffer;
  gzip?: Buffer;
  etag: string;
  /** Sources that failed while this page was rendered. */
  failures: { sourceId: string; message: string }[];
}

/**
 * zlib's synchronous calls answer a view on their 16 KB output chunk: kept in a cache, a 5 KB
 * page would hold the whole chunk (measured: 105 MB of Buffers behind a 32 MB page cache). A
 * copy of exactly the bytes lets the chunk go and keeps the cache's byte count true.
 */
const own = (view: Buffer): Buffer => (view.byteLength < view.buffer.byteLength ? Buffer.from(view) : view);

/** Compress once, at render time: every cache hit then costs a lookup and a write. */
export function encoded(
  status: number,
  type: string,
  text: string,
  location?: string,
  failures: PageResponse['failures'] = [],
): PageResponse {
  const body = Buffer.from(text);
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
  const big = body.byteLength > 1024;
  return {
    status,
    location,
    type,
    body,
    br: big
      ? own(
          brotliCompressSync(body, {
            params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.byteLength },
          }),
        )
      : undefined,
    gzip: big ? own(gzipSync(body, { level: 6 })) : undefined,
    etag,
    failures,
  };
}

/** The page could not be drawn from the sources: served only when no earlier copy exists. */
export class PageUnavailable extends Error {
  constructor(readonly page: PageResponse) {
    super(`rendering failed with ${page.status}`);
  }
}

export interface PageCacheOptions {
  site: Site;
  loadList: ListLoader;
  maxBytes: number;
  ttlMs: number;
  staleWhileRevalidateMs: number;
  staleIfErrorMs: number;
  onBackgroundError?: (key: string, error: unknown) => void;
}

export function createPages(options: PageCacheOptions) {
  const { site } = options;
  const cache = new SwrCache<PageResponse>({
    maxBytes: options.maxBytes,
    ttlMs: options.ttlMs,
    staleWhileRevalidateMs: options.staleWhileRevalidateMs,
    staleIfErrorMs: options.staleIfErrorMs,
    sizeOf: (p) => p.body.byteLength + (p.br?.byteLength ?? 0) + (p.gzip?.byteLength ?? 0) + 256,
    onBackgroundError: options.onBackgroundError,
  });
  let generation = site.generation();
  // Per view: a reloaded config makes new views, and these go with the old ones.
  const preloads = new WeakMap<object, Promise<string[]>>();
  const preloadsOf = (view: { config: entry.AppConfig }) => {
    let p = preloads.get(view);
    if (!p) preloads.set(view, (p = entry.sourcePreloads(view.config)));
    return p;
  };

  async function render(
    origin: string,
    pathname: string,
    search: string,
    fresh: boolean,
  ): Promise<PageResponse> {
    const view = site.view(origin);
    const rendered = await fetchContext.run({ siteOrigin: view.origin, fresh }, () =>
      entry.renderRoute({
        config: view.config,
        configUrl: view.configUrl,
        locale: view.locale,
        pathname,
        search,
        loadList: options.loadList,
      }),
    );
    if (rendered.redirect)
      return encoded(
        301,
        'text/plain; charset=utf-8',
        `Moved to ${rendered.redirect}\n`,
        rendered.redirect,
        rendered.failures,
      );
    const html = entry.documentFor(site.template(), rendered.html ?? '', {
      dataPreloads: await preloadsOf(view),
      state: rendered.state,
      appPreloads: false,
      locale: view.locale,
      path: entry.viewPath(pathname, search),
      sourcesKey: view.sourcesKey,
    });
    const page = encoded(rendered.status, 'text/html; charset=utf-8', html, undefined, rendered.failures);
    if (rendered.status >= 500) throw new PageUnavailable(page);
    return page;
  }

  /** The page for one view, from the cache when it can be. */
  async function get(
    origin: string,
    pathname: string,
    search: string,
  ): Promise<{ page: PageResponse; status: CacheStatus; age: number }> {
    if (site.generation() !== generation) {
      generation = site.generation();
      cache.clear();
    }
    const key = `${origin} ${entry.viewPath(pathname, search)}`;
    // A miss renders with whatever the source cache holds; a refresh of a stale page must read
    // the sources fresh, or it would store their stale copies as a fresh page.
    const result = await cache.get(key, () =>
      render(origin, pathname, search, cache.peek(key) !== undefined),
    );
    return { page: result.value, status: result.status, age: result.age };
  }

  return { get, cache, render };
}
