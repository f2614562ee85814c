import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { articleQueryOptions } from '../../features/articles/api/get-article.ts';
import { useConfig } from '../../lib/config-context.ts';
import { useReaderRoot } from '../../lib/root-context.ts';
import { preloadArticleRoute, preloadCategoryRoute } from '../lazy-routes.ts';

/** The router path a link leads to (`/articles/…`), or null for links that leave the reader. */
function routePathOf(link: HTMLAnchorElement, basename: string): string | null {
  const raw = link.getAttribute('href') ?? '';
  if (raw.startsWith('#/')) return raw.slice(1); // hash routing
  if (link.origin !== location.origin || !link.pathname.startsWith(basename)) return null;
  return link.pathname.slice(basename.length);
}

/**
 * One delegated listener instead of a handler on every link: when the pointer rests on, or focus
 * reaches, a link to an article, warm the article's query and its route code (for a section
 * link, the section page's code), so the click
 * renders at once. It listens on the reader's root: the document, or an embedded reader's shadow
 * root (events from inside a shadow root reach the document retargeted to the host element).
 */
export function useLinkPrefetch(): void {
  const client = useQueryClient();
  const config = useConfig();
  const { node, basename } = useReaderRoot();
  useEffect(() => {
    const onIntent = (event: Event) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement)) return;
      const path = routePathOf(link, basename) ?? '';
      if (path.startsWith('/category/')) void preloadCategoryRoute();
      const match = /^\/articles\/([^/?#]+)/.exec(path);
      if (!match?.[1]) return;
      preloadArticleRoute();
      void client.prefetchQuery(articleQueryOptions(config, decodeURIComponent(match[1])));
    };
    node.addEventListener('pointerover', onIntent, { passive: true });
    node.addEventListener('focusin', onIntent);
    node.addEventListener('touchstart', onIntent, { passive: true });
    return () => {
      node.removeEventListener('pointerover', onIntent);
      node.removeEventListener('focusin', onIntent);
      node.removeEventListener('touchstart', onIntent);
    };
  }, [client, config, node, basename]);
}
