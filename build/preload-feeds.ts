import type { Plugin } from 'vite';
import { readSiteConfig } from './site-config.ts';

/**
 * Start downloading the configured feeds with the page instead of after the JS has run:
 * `<link rel="preload" as="fetch">` for each same-site source in public/config.json at build time.
 * If an operator later points config.json elsewhere, the preload is a wasted request, nothing
 * worse; the app always fetches what config.json says.
 */
export function preloadConfiguredFeeds(): Plugin {
  let base = '/';
  return {
    name: 'news:preload-feeds',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler() {
        return (readSiteConfig().sources ?? [])
          .map((s) => s.url)
          .filter((url): url is string => typeof url === 'string' && !/^[a-z]+:/i.test(url))
          .map((url) => ({
            tag: 'link',
            attrs: {
              rel: 'preload',
              as: 'fetch',
              crossorigin: 'anonymous',
              // Marked for documentFor (src/entry-server.tsx): the server replaces them with its live sources'.
              'data-feed-preload': true,
              href: new URL(url, `http://x${base}`).pathname,
            },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}
