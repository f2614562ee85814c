/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';
import { prerenderPages, servePrerenderedPages } from './scripts/prerender.ts';
import { securityHeaders } from './scripts/security-headers.mjs';
import { reactRouterProduction } from './scripts/react-router-production.ts';

/**
 * Start downloading the configured feeds with the page instead of after the JS has run:
 * `<link rel="preload" as="fetch">` for each source in public/config.json at build time.
 * If an operator later points config.json elsewhere, the preload is a wasted request, nothing
 * worse; the app always fetches what config.json says.
 */
function preloadConfiguredFeeds(): Plugin {
  let base = '/';
  return {
    name: 'news:preload-feeds',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler() {
        let sources: { url?: unknown }[] = [];
        try {
          const config = JSON.parse(readFileSync('public/config.json', 'utf8')) as { sources?: { url?: unknown }[] };
          sources = config.sources ?? [];
        } catch {
          return [];
        }
        return sources
          .map((s) => s.url)
          .filter((url): url is string => typeof url === 'string' && !/^[a-z]+:/i.test(url))
          .map((url) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'fetch', crossorigin: 'anonymous', href: new URL(url, `http://x${base}`).pathname },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

/**
 * index.html's script is src/boot.ts, which imports main.tsx only after the first frame: give the
 * page a modulepreload for main.tsx's chunk and every chunk it imports statically, so the app's
 * JavaScript still downloads (and compiles) from the start, in parallel with the stylesheet.
 */
function preloadApp(): Plugin {
  let base = '/';
  return {
    name: 'news:preload-app',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, filename }) {
        if (!bundle || !filename.endsWith('index.html')) return [];
        const main = Object.values(bundle).find(
          (c) => c.type === 'chunk' && c.isEntry && c.facadeModuleId?.endsWith('/src/main.tsx'),
        );
        if (!main) throw new Error('news:preload-app: no chunk for src/main.tsx');
        const files = new Set<string>();
        const visit = (file: string) => {
          const chunk = bundle[file];
          if (files.has(file) || chunk?.type !== 'chunk') return;
          files.add(file);
          chunk.imports.forEach(visit);
        };
        visit(main.fileName);
        // Vite has already written a modulepreload for what the boot itself imports.
        return [...files]
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => ({
            tag: 'link',
            // Marked for scripts/prerender.ts, which lowers their priority where the HTML is the page.
            attrs: { rel: 'modulepreload', crossorigin: true, 'data-app-preload': true, href: `${base}${file}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

/** public/config.json as built: the manifest's name and language come from it. */
function siteConfig(): { siteName?: string; description?: string; locale?: string } {
  try {
    return JSON.parse(readFileSync('public/config.json', 'utf8')) as {
      siteName?: string;
      description?: string;
      locale?: string;
    };
  } catch {
    return {};
  }
}

const site = siteConfig();
const MASTHEAD = '#0b2e5e';
const DAY = 24 * 60 * 60;

/**
 * Offline and installable (vite-plugin-pwa, Workbox generateSW). Precache: the app shell
 * (shell.html, JS, CSS, icons, locale chunks). Runtime: JSON (config.json and feed pages)
 * network-first, so a reader online always gets the latest news and offline gets the last copy;
 * pictures cache-first. Only 200 responses are ever stored. registerType 'prompt': a new
 * deployment waits for the reader's "Reload" (src/app/pwa/service-worker.ts).
 */
const pwa = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  // The glob below already lists the icons and the manifest.
  includeManifestIcons: false,
  manifest: {
    name: site.siteName ?? 'News reader',
    short_name: site.siteName && site.siteName.length <= 12 ? site.siteName : 'News',
    description: site.description ?? '',
    lang: site.locale ?? 'en',
    start_url: '.',
    scope: '.',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: MASTHEAD,
    categories: ['news'],
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
    // Prerendered pages are for first visits and crawlers; the shell serves every URL offline.
    // Feeds, config and the sample pictures are data: cached at run time, as the reader uses them.
    globIgnores: ['index.html', 'articles/**', 'data/**', 'config.json', 'manifest.webmanifest', '**/*.map'],
    navigateFallback: 'shell.html',
    // `?retry=N` is how a page asks again for code whose download failed (src/lib/retryable-import.ts):
    // the precached file answers it.
    ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^retry$/],
    navigateFallbackDenylist: [/\.[a-z0-9]+$/i],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    // The worker runs under the same CSP as the page (Trusted Types): importScripts() of a separate
    // workbox runtime file would be refused, so the runtime is bundled into sw.js.
    inlineWorkboxRuntime: true,
    runtimeCaching: [
      {
        urlPattern: ({ request, url }) =>
          request.method === 'GET' && request.destination === '' && url.pathname.endsWith('.json'),
        handler: 'NetworkFirst',
        options: {
          cacheName: 'news-data',
          networkTimeoutSeconds: 6,
          cacheableResponse: { statuses: [200] },
          expiration: { maxEntries: 60, maxAgeSeconds: 30 * DAY },
          // NetworkFirst reads the cache only when the network failed or was too slow: say so on
          // the answer, so the page shows "Offline: showing saved articles" even where
          // navigator.onLine claims a connection (src/lib/connectivity.ts). Serialized into sw.js, so
          // the header is written out: it is connectivity.ts's SAVED_COPY_HEADER.
          plugins: [
            {
              cachedResponseWillBeUsed: async ({ cachedResponse }: { cachedResponse?: Response }) => {
                if (!cachedResponse) return cachedResponse;
                const headers = new Headers(cachedResponse.headers);
                headers.set('x-news-saved-copy', '1');
                return new Response(await cachedResponse.blob(), {
                  status: cachedResponse.status,
                  statusText: cachedResponse.statusText,
                  headers,
                });
              },
            },
          ],
        },
      },
      {
        urlPattern: ({ request, url }) =>
          request.method === 'GET' &&
          (request.destination === 'image' || /\.(?:avif|webp|png|jpe?g|gif|svg)$/i.test(url.pathname)),
        handler: 'CacheFirst',
        options: {
          cacheName: 'news-images',
          cacheableResponse: { statuses: [200] },
          expiration: { maxEntries: 400, maxAgeSeconds: 30 * DAY, purgeOnQuotaError: true },
        },
      },
    ],
  },
});

export default defineConfig(({ command }) => ({
  plugins: [react(), tailwindcss(), preloadConfiguredFeeds(), preloadApp(), prerenderPages(), servePrerenderedPages(), pwa],
  resolve: { alias: command === 'build' ? reactRouterProduction() : [] },
  build: {
    target: 'es2022',
    sourcemap: true,
    manifest: true,
    // embed.html: the reader with minimal chrome for <iframe> embedding (src/features/embed/iframe-main.tsx).
    rolldownOptions: {
      // main.tsx is an entry of its own: src/boot.ts (index.html's script) imports it after the first
      // frame, and as an entry its static imports stay the first screen's chunks ('$initial' below).
      input: { index: 'index.html', main: 'src/main.tsx', embed: 'embed.html' },
      output: {
        codeSplitting: {
          groups: [
            // What src/boot.ts needs before the first frame, in a file of its own: Vite's preload
            // helper and modulepreload polyfill, and the stylesheet. In the app's chunk, they would
            // make the boot import (and so run) the app before the page is first drawn.
            {
              name: 'boot',
              test: /vite\/(preload-helper|modulepreload-polyfill)|\/src\/index\.css$/,
              priority: 30,
            },
            // The framework in two files: they change only when a dependency does, so returning
            // readers keep them cached across deployments of the app's own code. React DOM is a
            // file of its own so that src/boot.ts can evaluate it in a task of its own.
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              priority: 21,
            },
            {
              name: 'framework',
              test: /node_modules[\\/](react-router|@tanstack[\\/](query-core|react-query))[\\/]/,
              priority: 20,
            },
            // The app code of the first screen in one file, not the eight small chunks that
            // automatic splitting cuts along the lines its two pages and lazy routes share: one
            // gzip stream compresses better, and a phone opens fewer connections.
            {
              name: 'app',
              tags: ['$initial'],
              // Not the entries themselves (boot.ts, main.tsx, the iframe page's), nor the stylesheet
              // boot.ts imports (its module in the app chunk would make boot.ts import the app), nor
              // embed-only code.
              test: (id: string) =>
                id.includes('/src/') &&
                !/\/src\/(boot\.ts|main\.tsx|index\.css)$/.test(id) &&
                !id.includes('/src/features/embed/'),
              priority: 10,
            },
          ],
        },
      },
    },
  },
  worker: { format: 'es' },
  // The built app runs under a strict CSP with Trusted Types (scripts/security-headers.mjs).
  // Not for `vite` (dev): its client injects inline scripts that the policy forbids.
  preview: { headers: securityHeaders() },
  test: {
    environment: 'jsdom',
    setupFiles: ['./tests/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    testTimeout: 20000,
  },
}));
