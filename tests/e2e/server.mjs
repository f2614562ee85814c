// Build and serve the production bundle for the browser tests and the Lighthouse bench.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { securityHeaders } from '../../build/security-headers.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(ROOT, 'dist');
export const SCREENSHOT_DIR = join(ROOT, 'tests/e2e/screenshots');

/** Inputs of the bundle: anything newer than dist/index.html means the build is stale. */
const BUILD_INPUTS = ['src', 'public', 'server', 'build', 'index.html', 'embed.html', 'vite.config.ts', 'vite.embed.config.ts', 'vite.server.config.ts', 'package.json', 'package-lock.json'];

function newest(path) {
  if (!existsSync(path)) return { path, mtimeMs: 0 };
  const st = statSync(path);
  if (!st.isDirectory()) return { path, mtimeMs: st.mtimeMs };
  let best = { path, mtimeMs: 0 };
  for (const entry of readdirSync(path)) {
    const n = newest(join(path, entry));
    if (n.mtimeMs > best.mtimeMs) best = n;
  }
  return best;
}

/** Why a build is needed, or null when dist/ is up to date. */
export function staleReason() {
  const index = join(DIST, 'index.html');
  if (!existsSync(index)) return 'dist/index.html is missing';
  if (!existsSync(join(DIST, 'embed/news-reader.js'))) return 'dist/embed/news-reader.js is missing';
  if (!existsSync(join(ROOT, 'dist-server/server.mjs'))) return 'dist-server/server.mjs is missing';
  const built = statSync(index).mtimeMs;
  for (const input of BUILD_INPUTS) {
    const n = newest(join(ROOT, input));
    if (n.mtimeMs > built) return `${n.path.slice(ROOT.length)} is newer than dist/index.html`;
  }
  return null;
}

/**
 * `npx vite build`, then the embed bundle into dist/embed/ (`vite build -c vite.embed.config.ts`)
 * and the production server into dist-server/ (`vite build -c vite.server.config.ts`, which also
 * precompresses dist/); no tsc: type checking is its own step. Throws when a build fails.
 */
export function viteBuild() {
  const started = Date.now();
  for (const args of [['vite', 'build'], ['vite', 'build', '-c', 'vite.embed.config.ts'], ['vite', 'build', '-c', 'vite.server.config.ts']]) {
    const r = spawnSync('npx', args, { cwd: ROOT, stdio: 'inherit', env: process.env });
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
  }
  console.log(`vite build took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Build when forced, when dist/ is missing or stale. Returns what was done, for the log.
 * @param {{ force?: boolean, skip?: boolean }} opts
 */
export function ensureBuild({ force = false, skip = false } = {}) {
  const reason = force ? 'forced' : staleReason();
  if (skip) {
    if (!existsSync(join(DIST, 'index.html'))) throw new Error('--no-build given but dist/index.html is missing');
    return 'skipped (--no-build)';
  }
  if (!reason) return 'dist/ is up to date';
  console.log(`Building the app (${reason})…`);
  viteBuild();
  return `built (${reason})`;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The production security headers as the tests' server sends them on `port`.
 * - A WordPress under test runs over plain http on loopback: the operator of such a site lists it
 *   in CSP_SOURCE_ORIGINS, and so do the tests.
 * - The embedding test frames embed.html from http://localhost:PORT into a portal page at
 *   http://127.0.0.1:PORT (another origin): the reader's operator lists that portal in
 *   frame-ancestors, as a real one lists its partners' portals.
 * @param {number | string} port
 * @param {Record<string, string>} [env] settings over the environment's (e.g. CSP_ALLOW_WASM)
 */
export function previewHeaders(port, env = {}) {
  const wordpress = process.env.WP_URL ? new URL(process.env.WP_URL).origin : '';
  return securityHeaders({
    ...process.env,
    ...env,
    CSP_SOURCE_ORIGINS: [process.env.CSP_SOURCE_ORIGINS, wordpress].filter(Boolean).join(' '),
    CSP_FRAME_ANCESTORS: process.env.CSP_FRAME_ANCESTORS || `'self' http://127.0.0.1:${port}`,
  });
}

/**
 * public/portal-demo.html plays the agency's portal, a page the reader's operator does not own:
 * it is served without the reader's policy, like most portals (whose own policy would not know
 * our Trusted Types policies), so it can frame the reader from http://localhost:PORT, the other
 * origin the embedding test uses, and run its forged-message probe. embed-csp.e2e.ts checks the
 * readers under a strict host policy separately.
 * @returns {import('vite').Plugin}
 */
function portalPolicy() {
  return {
    name: 'e2e:portal-policy',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] === '/portal-demo.html') {
          const setHeader = res.setHeader.bind(res);
          res.setHeader = (name, value) => (name.toLowerCase() === 'content-security-policy' ? res : setHeader(name, value));
        }
        next();
      });
    },
  };
}

/**
 * Serve dist/ with `vite preview` (SPA fallback to index.html, gzip/brotli like a real host) and
 * the production security headers (CSP with Trusted Types), so every browser test runs the app
 * as it is deployed. Fails at once if the headers are not on the page.
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startPreview() {
  const { preview } = await import('vite');
  const port = await freePort();
  const headers = previewHeaders(port);
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port, strictPort: true, open: false, headers },
    plugins: [portalPolicy()],
  });
  const url = `http://127.0.0.1:${port}`;
  const sent = (await fetch(`${url}/`)).headers.get('content-security-policy');
  if (sent !== headers['Content-Security-Policy']) {
    server.httpServer.close();
    throw new Error(`vite preview does not send the CSP header (got ${JSON.stringify(sent)})`);
  }
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.httpServer.close(() => resolve());
        server.httpServer.closeAllConnections?.();
      }),
  };
}
