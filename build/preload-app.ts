import type { Plugin } from 'vite';
import { readSiteConfig } from './site-config.ts';

/**
 * index.html's script is src/boot.ts, which imports main.tsx only after the first frame: give the
 * page a modulepreload for main.tsx's chunk and every chunk it imports statically, so the app's
 * JavaScript still downloads (and compiles) from the start, in parallel with the stylesheet.
 * With a JSON Feed source in public/config.json, the feed reader's chunk too (src/sources/jsonfeed.ts
 * imports it when the feed is fetched; a page the app draws itself needs it at once).
 */
export function preloadApp(): Plugin {
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
        const readsJsonFeed = (readSiteConfig().sources ?? []).some(
          (s) => (s.type ?? 'jsonfeed') === 'jsonfeed',
        );
        const parser = Object.values(bundle).find(
          (c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/sources/jsonfeed-parse.ts'),
        );
        if (readsJsonFeed && parser) visit(parser.fileName);
        // Vite has already written a modulepreload for what the boot itself imports.
        return [...files]
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => ({
            tag: 'link',
            // Marked for documentFor (src/entry-server.tsx): lowered or dropped where the HTML is the page.
            attrs: {
              rel: 'modulepreload',
              crossorigin: true,
              'data-app-preload': true,
              href: `${base}${file}`,
            },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}
