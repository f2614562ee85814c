/*
 * The production server's request handler: health, feeds and sitemaps, the built files, and
 * every other GET rendered as a page of the app from the live sources. Stateless apart from its
 * caches, so scaling out is more identical instances behind a CDN (docs/deployment.md).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentSecurityPolicy, DEFAULT_FRAME_ANCESTORS } from '../build/security-headers.mjs';
import * as entry from '../src/entry-server.tsx';
import type { ServerEnv } from './env.ts';
import { acceptedEncodings, etagMatches } from './http-util.ts';
import { createPages, encoded, PageUnavailable, type PageResponse } from './pages.ts';
import { createSourceFetch, fetchContext } from './source-fetch.ts';
import type { Site, SiteView } from './site.ts';
import { createStaticFiles } from './static-files.ts';
import { createListCache } from './list-cache.ts';
import { feedDocument, isFeedPath } from './feed-routes.ts';
import type { CacheStatus } from './cache/swr-cache.ts';

export interface AccessLogLine {
  time: string;
  method: string;
  path: string;
  status: number;
  bytes: number;
  ms: number;
  cache: CacheStatus | '-';
}

export function createApp({ env, site, log }: { env: ServerEnv; site: Site; log: (line: object) => void }) {
  const ttlMs = env.ttlSeconds * 1000;
  const cacheOptions = {
    ttlMs,
    staleWhileRevalidateMs: env.staleWhileRevalidateSeconds * 1000,
    staleIfErrorMs: env.staleIfErrorSeconds * 1000,
  };
  // The memory bound, shared: the sources' answers, their parsed lists, the rendered pages.
  const sources = createSourceFetch({ distDir: env.distDir, maxBytes: env.cacheMaxBytes / 4, ...cacheOptions });
  const lists = createListCache({ maxBytes: env.cacheMaxBytes / 4, ...cacheOptions });
  const pages = createPages({
    site,
    loadList: lists.load,
    maxBytes: env.cacheMaxBytes / 2,
    ...cacheOptions,
    onBackgroundError: (key, error) => log({ event: 'refresh-failed', key, error: error instanceof Error ? error.message : String(error) }),
  });
  const files = createStaticFiles(env.distDir);
  const started = Date.now();
  let draining = false;

  /** Cache-Control for a rendered answer: shared caches (a CDN, nginx) keep it like the server does. */
  const sharedCaching = `public, max-age=0, s-maxage=${env.ttlSeconds}, stale-while-revalidate=${env.staleWhileRevalidateSeconds}, stale-if-error=${env.staleIfErrorSeconds}`;

  function securityHeadersFor(view: SiteView): Record<string, string> {
    const others = [...new Set(view.config.sources.map((s) => new URL(s.url).origin))].filter((o) => o !== view.origin);
    const http = others.filter((o) => o.startsWith('http:'));
    return {
      'Content-Security-Policy': contentSecurityPolicy({
        frameAncestors: process.env.CSP_FRAME_ANCESTORS || DEFAULT_FRAME_ANCESTORS,
        sourceOrigins: http.join(' '),
        allowWasm: view.config.sources.some((s) => s.type === 'archive'),
        connectOrigins: others,
      }),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    };
  }

  /** The origin the reader sees: siteUrl's when configured, else the request's (behind a proxy, its forwarded host). */
  function originOf(req: IncomingMessage): string {
    const configured = site.publicOrigin();
    if (configured) return configured;
    const forwardedProto = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim();
    const proto = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : 'http';
    const host = String(req.headers['x-forwarded-host'] ?? req.headers.host ?? 'localhost').split(',')[0]!.trim();
    // A Host that is not a host name (an attack, a broken client) must not become a URL.
    return /^[a-z0-9.-]+(:\d+)?$|^\[[0-9a-f:.]+\](:\d+)?$/i.test(host) ? `${proto}://${host.toLowerCase()}` : `${proto}://localhost`;
  }

  function send(req: IncomingMessage, res: ServerResponse, page: PageResponse, headers: Record<string, string>): void {
    res.statusCode = page.status;
    res.setHeader('Content-Type', page.type);
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    if (page.location) res.setHeader('Location', page.location);
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    const [body, encoding] = page.br && accepted.has('br') ? [page.br, 'br'] : page.gzip && accepted.has('gzip') ? [page.gzip, 'gzip'] : [page.body, undefined];
    const etag = encoding ? page.etag.replace(/"$/, `-${encoding}"`) : page.etag;
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('ETag', etag);
    if (page.status === 200 && etagMatches(req.headers['if-none-match'], etag)) {
      res.statusCode = 304;
      res.end();
      return;
    }
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', body.byteLength);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function cacheControlFor(status: number): string {
    if (status === 200 || status === 301) return sharedCaching;
    if (status === 404) return `public, max-age=0, s-maxage=${Math.min(env.ttlSeconds, 60)}`;
    return 'no-store';
  }

  function healthz(res: ServerResponse): PageResponse {
    const upstream = sources.health();
    const sourcesReport = site.sources().map((s) => {
      const h = s.url.startsWith('http') ? upstream.find((u) => u.origin === new URL(s.url).origin) : undefined;
      return { id: s.id, type: s.type, url: s.url, lastSuccess: h?.lastSuccess ?? null, lastError: h?.lastError ?? null, lastErrorMessage: h?.lastErrorMessage ?? null };
    });
    const failing = sourcesReport.some((s) => s.lastError && (!s.lastSuccess || s.lastError > s.lastSuccess));
    const body = {
      status: draining ? 'draining' : failing ? 'degraded' : 'ok',
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      sources: sourcesReport,
      cache: { sources: sources.cache.stats(), lists: lists.cache.stats(), pages: pages.cache.stats() },
      memory: { rssBytes: process.memoryUsage().rss },
    };
    res.setHeader('Cache-Control', 'no-store');
    // Degraded still serves (stale pages): only a draining instance asks the balancer to stop sending.
    return encoded(draining ? 503 : 200, 'application/json; charset=utf-8', `${JSON.stringify(body, null, 2)}\n`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<CacheStatus | '-'> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.setHeader('Allow', 'GET, HEAD');
      res.end('Method not allowed\n');
      return '-';
    }
    let url: URL;
    try {
      url = new URL(`http://x${req.url?.startsWith('/') ? '' : '/'}${req.url ?? '/'}`);
    } catch {
      res.statusCode = 400;
      res.end('Bad request\n');
      return '-';
    }
    const path = url.pathname;
    if (path === '/healthz') {
      send(req, res, healthz(res), { 'Cache-Control': 'no-store' });
      return '-';
    }
    const origin = originOf(req);
    const view = site.view(origin);
    if (path === '/config.json') {
      // The browser must read the configuration the server renders from, which may be another
      // file than dist/'s (NEWS_CONFIG) and changes on reload.
      const config = encoded(200, 'application/json; charset=utf-8', site.configText());
      send(req, res, config, { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
      return '-';
    }
    if (isFeedPath(path)) {
      const result = await pages.cache.get(`${origin} ${path}`, () =>
        fetchContext.run({ siteOrigin: view.origin }, () => feedDocument(path, view, entry, lists.load)),
      );
      send(req, res, result.value, { 'Cache-Control': cacheControlFor(result.value.status), 'X-Cache': result.status, 'X-Content-Type-Options': 'nosniff' });
      return result.status;
    }
    // Files have an extension; index.html is the front page, rendered like any page.
    if (/\.[a-z0-9]+$/i.test(path) && path !== '/index.html') {
      if (files.serve(req, res, path, securityHeadersFor(view))) return '-';
      const notFound = encoded(404, 'text/plain; charset=utf-8', 'Not found\n');
      send(req, res, notFound, { 'Cache-Control': cacheControlFor(404), 'X-Content-Type-Options': 'nosniff' });
      return '-';
    }
    const headers = securityHeadersFor(view);
    try {
      const { page, status, age } = await pages.get(origin, path === '/index.html' ? '/' : path, url.search);
      send(req, res, page, { ...headers, 'Cache-Control': cacheControlFor(page.status), 'X-Cache': status, Age: String(age) });
      return status;
    } catch (error) {
      if (error instanceof PageUnavailable) {
        send(req, res, error.page, { ...headers, 'Cache-Control': 'no-store', 'Retry-After': '30', 'X-Cache': 'MISS' });
        return 'MISS';
      }
      throw error;
    }
  }

  async function handler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const t0 = performance.now();
    let cache: CacheStatus | '-' = '-';
    let bytes = 0;
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    // Count what goes out (the body, compressed or not), for the access log.
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk && typeof chunk !== 'function') bytes += Buffer.byteLength(chunk as Buffer);
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk && typeof chunk !== 'function') bytes += Buffer.byteLength(chunk as Buffer);
      return (end as (...a: unknown[]) => ServerResponse)(chunk, ...rest);
    }) as typeof res.end;
    if (env.accessLog) {
      res.once('finish', () => {
        const line: AccessLogLine = {
          time: new Date().toISOString(),
          method: req.method ?? '-',
          path: req.url ?? '-',
          status: res.statusCode,
          bytes,
          ms: Math.round((performance.now() - t0) * 10) / 10,
          cache,
        };
        log(line);
      });
    }
    try {
      cache = await handle(req, res);
    } catch (error) {
      log({ event: 'error', path: req.url, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      if (!res.headersSent) {
        const page = encoded(500, 'text/plain; charset=utf-8', 'Something went wrong on our side. Please try again in a moment.\n');
        send(req, res, page, { 'Cache-Control': 'no-store' });
      } else res.destroy();
    }
  }

  return {
    handler,
    sources,
    pages,
    setDraining: () => {
      draining = true;
    },
  };
}
