import type { PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { SEARCH_LANGUAGE_CHUNK_PREFIX } from './chunks.ts';
import { readSiteConfig } from './site-config.ts';

const MASTHEAD = '#0b2e5e';
const DAY = 24 * 60 * 60;

/**
 * Offline and installable (vite-plugin-pwa, Workbox generateSW). Precache: the app shell
 * (shell.html, JS, CSS, icons, locale chunks), not the search's language chunks (stemmers,
 * Zawgyi: cached when used). Runtime: data (config.json and every source's requests: feeds, a
 * WordPress site's REST API, an archive's files) network-first, so a reader online always gets
 * the latest news and offline gets the last copy; pictures cache-first. Only
 * 200 responses are ever stored. registerType 'prompt': a new deployment waits for the reader's
 * "Reload" (src/app/pwa/service-worker.ts).
 */
export function pwa(): PluginOption {
  const site = readSiteConfig();
  return VitePWA({
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
      globIgnores: [
        'index.html',
        'articles/**',
        'data/**',
        'config.json',
        'manifest.webmanifest',
        '**/*.map',
        // Stemmers and the Zawgyi converter, one chunk per language: cached when the search
        // index first loads them (below), not all precached.
        `assets/${SEARCH_LANGUAGE_CHUNK_PREFIX}*`,
      ],
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
          // The reader's data: config.json and every source's requests, whatever their URLs look
          // like (a JSON Feed at any address, a WordPress site's REST API at `/wp-json/…` or
          // `?rest_route=…`, an archive's manifest, listing pages and article files), on this
          // origin or another. They all go through fetchJson (src/lib/http.ts), which asks for
          // JSON in its Accept header, and so does the offline warm-up: that is how they are
          // known here. The page's `<link rel="preload" as="fetch">` of config.json and of
          // same-site feeds (build/preload-feeds.ts) cannot set that header: those are known by
          // their `.json` name. Cross-origin answers are CORS responses (status 200, cacheable);
          // opaque ones never are.
          urlPattern: ({ request, url }) =>
            request.method === 'GET' &&
            request.destination === '' &&
            ((request.headers.get('accept') ?? '').includes('json') || url.pathname.endsWith('.json')),
          handler: 'NetworkFirst',
          options: {
            cacheName: 'news-data',
            networkTimeoutSeconds: 6,
            cacheableResponse: { statuses: [200] },
            // A paged source keeps one entry per listing page and per article read (saved for
            // reading offline, docs/decisions/041): room for a few weeks of reading.
            expiration: { maxEntries: 200, maxAgeSeconds: 30 * DAY },
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
          // The languages' search support the index loaded (build/chunks.ts): kept for offline
          // searching. Hashed file names, so cache-first is always right. Serialized into sw.js,
          // so the prefix is written out: it is SEARCH_LANGUAGE_CHUNK_PREFIX.
          urlPattern: ({ url }) => url.pathname.includes('/assets/search-lang-'),
          handler: 'CacheFirst',
          options: {
            cacheName: 'search-languages',
            cacheableResponse: { statuses: [200] },
            expiration: { maxEntries: 40, purgeOnQuotaError: true },
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
}
