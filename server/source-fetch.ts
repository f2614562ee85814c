/*
 * The server's `fetch`, installed as the global one so the app's own source adapters
 * (src/sources) read through it unchanged. Every GET of a source is answered from an
 * in-process cache (server/cache/swr-cache.ts): fresh copies at once, stale ones at once while
 * one background request refreshes them, a stale copy when the source fails (stale-if-error),
 * and one upstream request however many renders ask for the same URL at the same moment
 * (single-flight). Files of the site itself (a feed in dist/data/, a relative source URL) are
 * read from disk, never over the network.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { SwrCache, type CacheStatus } from './cache/swr-cache.ts';

/** A response as the cache keeps it: everything a source adapter reads. */
export interface ResponseSnapshot {
  url: string;
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Uint8Array<ArrayBuffer>;
}

/** What a render asks of the source fetches it makes, carried through async calls. */
export interface FetchContext {
  /** The origin the site is served at for this request: URLs on it are files in dist/. */
  siteOrigin: string;
  /** Wait for a fresh copy instead of answering a stale one (a page being refreshed in the background). */
  fresh?: boolean;
  /** The worst cache status seen by this render's source fetches. */
  worst?: CacheStatus;
}

export const fetchContext = new AsyncLocalStorage<FetchContext>();

/** A source answered with an error status: no copy of it is kept, a stale one is served instead. */
class UpstreamError extends Error {
  constructor(readonly snapshot: ResponseSnapshot) {
    super(`${snapshot.url}: ${snapshot.status} ${snapshot.statusText}`);
  }
}

/** Headers that describe one hop, not the document. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'set-cookie', 'content-encoding', 'content-length']);

const MAX_BODY_BYTES = 50 * 1024 * 1024;

export interface SourceHealth {
  origin: string;
  lastSuccess?: string;
  lastError?: string;
  lastErrorMessage?: string;
  requests: number;
}

export interface SourceFetchOptions {
  distDir: string;
  ttlMs: number;
  staleWhileRevalidateMs: number;
  staleIfErrorMs: number;
  maxBytes: number;
  /** Abort an upstream request after this long (the app's own timeout still applies to each caller). */
  upstreamTimeoutMs?: number;
  realFetch?: typeof fetch;
  onUpstream?: (url: string, outcome: { status?: number; ms: number; error?: string }) => void;
}

export function createSourceFetch(options: SourceFetchOptions) {
  const realFetch = options.realFetch ?? globalThis.fetch.bind(globalThis);
  const health = new Map<string, SourceHealth>();
  const cache = new SwrCache<ResponseSnapshot>({
    maxBytes: options.maxBytes,
    ttlMs: options.ttlMs,
    staleWhileRevalidateMs: options.staleWhileRevalidateMs,
    staleIfErrorMs: options.staleIfErrorMs,
    sizeOf: (s) => s.body.byteLength + 512,
  });

  function note(url: string, error?: unknown) {
    const origin = new URL(url).origin;
    const h = health.get(origin) ?? { origin, requests: 0 };
    h.requests++;
    if (error === undefined) h.lastSuccess = new Date().toISOString();
    else {
      h.lastError = new Date().toISOString();
      h.lastErrorMessage = error instanceof Error ? error.message : String(error);
    }
    health.set(origin, h);
  }

  async function upstream(url: string, accept: string | null): Promise<ResponseSnapshot> {
    const started = performance.now();
    try {
      const response = await realFetch(url, {
        headers: { accept: accept ?? '*/*', 'user-agent': 'news-reader-server' },
        signal: AbortSignal.timeout(options.upstreamTimeoutMs ?? 15_000),
        redirect: 'follow',
      });
      const body = new Uint8Array(await response.arrayBuffer());
      if (body.byteLength > MAX_BODY_BYTES) throw new Error(`${url}: larger than ${MAX_BODY_BYTES} bytes`);
      const snapshot: ResponseSnapshot = {
        url: response.url || url,
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers].filter(([name]) => !HOP_BY_HOP.has(name)),
        body,
      };
      options.onUpstream?.(url, { status: response.status, ms: performance.now() - started });
      // 5xx and 429: the source is in trouble; a stale copy is better than its error page.
      if (response.status >= 500 || response.status === 429) throw new UpstreamError(snapshot);
      note(url);
      return snapshot;
    } catch (error) {
      if (!(error instanceof UpstreamError)) options.onUpstream?.(url, { ms: performance.now() - started, error: String(error) });
      note(url, error);
      throw error;
    }
  }

  /** The site's own files (a bundled feed): dist/ does not change while the server runs. */
  const distFiles = new Map<string, Promise<Buffer>>();

  async function fromDist(url: URL): Promise<Response> {
    const file = resolve(options.distDir, decodeURIComponent(url.pathname).replace(/^\/+/, ''));
    if (!file.startsWith(options.distDir + sep)) return new Response('not found', { status: 404 });
    try {
      let read = distFiles.get(file);
      if (!read) {
        read = readFile(file);
        read.catch(() => distFiles.delete(file));
        if (distFiles.size < 1000) distFiles.set(file, read);
      }
      const body = await read;
      const type = file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
      return new Response(new Uint8Array(body), { status: 200, headers: { 'content-type': type } });
    } catch {
      return new Response('not found', { status: 404 });
    }
  }

  const toResponse = (s: ResponseSnapshot): Response => {
    const response = new Response(s.body.byteLength && s.status !== 204 && s.status !== 304 ? s.body : null, {
      status: s.status,
      statusText: s.statusText,
      headers: s.headers,
    });
    Object.defineProperty(response, 'url', { value: s.url });
    return response;
  };

  const RANK: Record<CacheStatus, number> = { HIT: 0, MISS: 1, STALE: 2 };

  const sourceFetch: typeof fetch = async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request ? request.url : String(input));
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const context = fetchContext.getStore();
    if (context && url.origin === context.siteOrigin) return fromDist(url);
    if (method !== 'GET' || (url.protocol !== 'http:' && url.protocol !== 'https:')) return realFetch(input, init);
    const accept = new Headers(init?.headers ?? request?.headers).get('accept');
    const signal = init?.signal ?? request?.signal ?? undefined;
    const lookup = cache.get(url.href, () => upstream(url.href, accept), { allowStale: !context?.fresh });
    const abort = signal
      ? new Promise<never>((_, reject) => {
          if (signal.aborted) reject(signal.reason);
          signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        })
      : undefined;
    try {
      const result = await (abort ? Promise.race([lookup, abort]) : lookup);
      if (context && RANK[result.status] > RANK[context.worst ?? 'HIT']) context.worst = result.status;
      return toResponse(result.value);
    } catch (error) {
      if (error instanceof UpstreamError) return toResponse(error.snapshot);
      throw error;
    }
  };

  return {
    fetch: sourceFetch,
    cache,
    health: () => [...health.values()],
    clear: () => cache.clear(),
  };
}

export type SourceFetch = ReturnType<typeof createSourceFetch>;
