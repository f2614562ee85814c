/*
 * dist/ as a production host serves it: hashed assets cached for a year, the files that name
 * them (service worker, config, manifest, HTML) revalidated on every use, the brotli or gzip copy
 * written at build time (build/precompress.ts) chosen by Accept-Encoding, and ETag/304. The
 * directory does not change while the server runs (a deployment starts a new process), so each
 * file's metadata is read once and small files are kept in memory.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { acceptedEncodings, etagMatches } from './http-util.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** Kept in memory when at most this large; larger files are streamed from disk. */
const MEMORY_LIMIT = 512 * 1024;

interface Variant {
  file: string;
  size: number;
  etag: string;
  body?: Buffer;
}

interface StaticFile {
  type: string;
  cacheControl: string;
  variants: { identity: Variant; br?: Variant; gzip?: Variant };
}

/** How long a browser or CDN may keep a file, by what it is. */
export function cacheControlFor(path: string): string {
  // Vite names every file under assets/ by its content hash: it never changes.
  if (path.startsWith('/assets/') || path.startsWith('/embed/assets/')) return 'public, max-age=31536000, immutable';
  // These name the others (the worker and the HTML list the hashed files; config.json and feeds
  // are data): a deployment must reach every reader at once.
  if (/\.(html|json|webmanifest|js|mjs|txt|xml)$/.test(path) || path.startsWith('/pagefind/')) return 'no-cache';
  return 'public, max-age=86400';
}

export function createStaticFiles(distDir: string) {
  const root = resolve(distDir);
  const known = new Map<string, StaticFile | null>();

  function variant(file: string, tag: string): Variant | undefined {
    if (!existsSync(file)) return undefined;
    const st = statSync(file);
    if (!st.isFile()) return undefined;
    return {
      file,
      size: st.size,
      etag: `"${st.size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}${tag}"`,
      body: st.size <= MEMORY_LIMIT ? readFileSync(file) : undefined,
    };
  }

  function lookup(path: string): StaticFile | null {
    const cached = known.get(path);
    if (cached !== undefined) return cached;
    let file: string;
    try {
      file = resolve(root, decodeURIComponent(path).replace(/^\/+/, ''));
    } catch {
      return null; // a malformed escape
    }
    let found: StaticFile | null = null;
    const identity = file.startsWith(root + sep) ? variant(file, '') : undefined;
    if (identity) {
      found = {
        type: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        cacheControl: cacheControlFor(path),
        variants: { identity, br: variant(`${file}.br`, '-br'), gzip: variant(`${file}.gz`, '-gz') },
      };
    }
    // Bounded: only paths that exist are remembered beyond a few thousand misses.
    if (found || known.size < 10_000) known.set(path, found);
    return found;
  }

  /** Answer the request from dist/ when `path` names a file there; false when it does not. */
  function serve(req: IncomingMessage, res: ServerResponse, path: string, headers: Record<string, string>): boolean {
    const found = lookup(path);
    if (!found) return false;
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    const { identity, br, gzip } = found.variants;
    const [v, encoding] = br && accepted.has('br') ? [br, 'br'] : gzip && accepted.has('gzip') ? [gzip, 'gzip'] : [identity, undefined];
    res.setHeader('Content-Type', found.type);
    res.setHeader('Cache-Control', found.cacheControl);
    res.setHeader('ETag', v.etag);
    if (br || gzip) res.setHeader('Vary', 'Accept-Encoding');
    if (found.type.startsWith('text/html')) for (const [k, value] of Object.entries(headers)) res.setHeader(k, value);
    else res.setHeader('X-Content-Type-Options', 'nosniff');
    if (etagMatches(req.headers['if-none-match'], v.etag)) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', v.size);
    res.statusCode = 200;
    if (req.method === 'HEAD') res.end();
    else if (v.body) res.end(v.body);
    else createReadStream(v.file).pipe(res);
    return true;
  }

  return { serve, lookup };
}
