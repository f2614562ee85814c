/*
 * Prerendering, as part of `vite build`: after the client bundle is written (and before
 * vite-plugin-pwa scans dist/ for its precache list), render `/` and every article of the
 * feeds that live in dist/ (with PRERENDER_LIVE=1 also of the live sources config.json names:
 * WordPress, remote feeds) to static HTML with react-dom/static, so link previews and crawlers
 * see real headlines, text, meta tags and JSON-LD. In the browser main.tsx hydrates the page
 * (hydrateRoot) once its data and code are there; what only the browser knows (relative dates,
 * the reader's time zone and display settings) is drawn right after hydration (useHydrated). A
 * page React cannot hydrate (the feed changed since the build) is drawn afresh, as React does.
 *
 *   dist/shell.html                          the SPA shell as Vite built it (service worker and
 *                                            host fallback for every other URL)
 *   dist/index.html                          `/`, prerendered
 *   dist/articles/<id>/<slug>/index.html     each article, prerendered
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { prepareSanitizer } from './sanitizer-window.ts';

/** Stands for the site's origin while rendering; replaced by `siteUrl`'s origin, or removed (root-relative URLs). */
const PLACEHOLDER_ORIGIN = 'http://prerender.invalid';
const SHELL = 'shell.html';

interface EntryServer {
  loadSite(
    rawConfig: unknown,
    configUrl: string,
  ): Promise<{
    config: { siteUrl?: string };
    locale: string;
    dir: string;
    paths: string[];
    sourcesKey: string;
  }>;
  renderPath(site: Awaited<ReturnType<EntryServer['loadSite']>>, path: string): Promise<string>;
  documentFor(template: string, rendered: string, page: { locale: string; path: string; sourcesKey: string }): string;
  APP_PRELOAD: string;
}

/** Build src/entry-server.tsx for Node with the app's own transforms (JSON, import.meta.glob…). */
async function buildEntryServer(root: string, base: string): Promise<EntryServer> {
  const outDir = join(root, 'node_modules/.cache/news-prerender');
  await build({
    configFile: false,
    root,
    base,
    logLevel: 'warn',
    plugins: [
      react(),
      {
        // The page never registers a service worker while being prerendered.
        name: 'prerender:no-service-worker',
        resolveId: (id) => (id === 'virtual:pwa-register' ? '\0pwa-register-stub' : undefined),
        load: (id) =>
          id === '\0pwa-register-stub' ? 'export const registerSW = () => async () => {};' : undefined,
      },
    ],
    build: {
      ssr: 'src/entry-server.tsx',
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      minify: false,
      rollupOptions: { output: { entryFileNames: 'entry-server.mjs' } },
    },
  });
  return (await import(
    `${pathToFileURL(join(outDir, 'entry-server.mjs')).href}?t=${Date.now()}`
  )) as EntryServer;
}

/**
 * The build's `fetch`: the site's own files come from dist/. Anything else is fetched only when
 * the build was asked to render from the live sources (`PRERENDER_LIVE=1`, for a site on static
 * hosting that rebuilds on a schedule); otherwise a build never depends on the network and a
 * remote source is simply not prerendered.
 */
function fetchFromDist(dist: string, base: string, live: typeof fetch | undefined): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const prefix = `${PLACEHOLDER_ORIGIN}${base}`;
    if (!url.href.startsWith(prefix)) {
      if (live) return live(input, init);
      throw new TypeError(`prerender reads only the site's own files, not ${url.href} (PRERENDER_LIVE=1 reads the live sources)`);
    }
    const file = resolve(dist, decodeURIComponent(url.pathname.slice(base.length)));
    if (!file.startsWith(dist + sep) || !existsSync(file)) return new Response('not found', { status: 404 });
    return new Response(readFileSync(file), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

/** The file a path is served from; undefined for a path that cannot be a safe file name. */
function fileFor(dist: string, path: string): string | undefined {
  if (path === '/') return join(dist, 'index.html');
  let segments: string[];
  try {
    segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined; // A malformed escape such as `%E0%A4%A`: no page of ours; the shell answers.
  }
  if (segments.some((s) => s === '.' || s === '..' || /[/\\\0]/.test(s) || Buffer.byteLength(s) > 240))
    return undefined;
  return join(dist, ...segments, 'index.html');
}

export async function prerenderSite({
  root,
  dist,
  base,
}: {
  root: string;
  dist: string;
  base: string;
}): Promise<void> {
  const started = Date.now();
  // shell.html, once written, is the untouched template: prerendering again (another config, the
  // live sources) starts from it rather than from an already prerendered index.html.
  const template = readFileSync(join(dist, existsSync(join(dist, SHELL)) ? SHELL : 'index.html'), 'utf8');
  // The shell is index.html as Vite built it: the app's modulepreloads keep their normal priority
  // there (it shows nothing until the app runs); rendered pages lower it (documentFor). The
  // production server fills the same file with the pages it renders.
  writeFileSync(join(dist, SHELL), template);

  const rawConfig = JSON.parse(readFileSync(join(dist, 'config.json'), 'utf8')) as { siteUrl?: string };
  const siteOrigin = rawConfig.siteUrl ? new URL(rawConfig.siteUrl).origin : '';
  await prepareSanitizer();
  const entry = await buildEntryServer(root, base);
  const realFetch = globalThis.fetch;
  const live = process.env.PRERENDER_LIVE === '1';
  if (live) console.log('prerender: rendering from the live sources (PRERENDER_LIVE=1)');
  globalThis.fetch = fetchFromDist(dist, base, live ? realFetch : undefined);
  let written = 0;
  try {
    const site = await entry.loadSite(
      { ...rawConfig, siteUrl: rawConfig.siteUrl ?? `${PLACEHOLDER_ORIGIN}${base}` },
      `${PLACEHOLDER_ORIGIN}${base}config.json`,
    );
    for (const path of site.paths) {
      const file = fileFor(dist, path);
      if (!file) {
        console.warn(`[prerender] skipped ${path}: not a safe file name`);
        continue;
      }
      const rendered = await entry.renderPath(site, path);
      const html = entry
        .documentFor(template, rendered, { locale: site.locale, path, sourcesKey: site.sourcesKey })
        .replaceAll(PLACEHOLDER_ORIGIN, siteOrigin);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, html);
      written++;
    }
  } finally {
    globalThis.fetch = realFetch;
    rmSync(join(root, 'node_modules/.cache/news-prerender'), { recursive: true, force: true });
  }
  console.log(`prerendered ${written} page(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The Vite plugin: prerender once the client build is on disk, before the service worker is generated. */
export function prerenderPages(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'news:prerender',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle: {
      order: 'pre',
      sequential: true,
      async handler() {
        if (config.build.ssr || process.env.NEWS_PRERENDER === '0') return;
        await prerenderSite({
          root: config.root,
          dist: resolve(config.root, config.build.outDir),
          base: config.base,
        });
      },
    },
  };
}

/**
 * `vite preview` like a production host: a prerendered page where there is one
 * (`<path>/index.html`), else the SPA shell for page URLs (nginx: `try_files $uri $uri/index.html /shell.html`).
 */
export function servePrerenderedPages(): Plugin {
  return {
    name: 'news:serve-prerendered',
    configurePreviewServer(server) {
      const dist = resolve(server.config.root, server.config.build.outDir);
      const base = server.config.base;
      server.middlewares.use((req, _res, next) => {
        if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url) return next();
        let url: URL;
        try {
          // `//host…` would parse as another host: the path is always ours.
          url = new URL(`http://x${req.url.startsWith('/') ? '' : '/'}${req.url}`);
        } catch {
          return next();
        }
        if (!url.pathname.startsWith(base) || /\.[a-z0-9]+$/i.test(url.pathname)) return next();
        const path = `/${url.pathname.slice(base.length)}`;
        const file = fileFor(dist, path.replace(/\/$/, '') || '/');
        if (file && existsSync(file))
          req.url = `${base}${file
            .slice(dist.length + 1)
            .split(sep)
            .map(encodeURIComponent)
            .join('/')}${url.search}`;
        else if (existsSync(join(dist, SHELL))) req.url = `${base}${SHELL}${url.search}`;
        next();
      });
    },
  };
}
