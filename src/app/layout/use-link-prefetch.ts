import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { articleQueryOptions } from '../../features/articles/api/get-article.ts';
import { useConfig } from '../../lib/config-context.ts';
import { preloadArticleRoute } from '../routes/lazy-routes.ts';

/**
 * One delegated listener instead of a handler on every link: when the pointer rests on, or focus
 * reaches, a link to an article, warm the article's query and its route code, so the click
 * renders at once.
 */
export function useLinkPrefetch(): void {
  const client = useQueryClient();
  const config = useConfig();
  useEffect(() => {
    const base = new URL(import.meta.env.BASE_URL, location.origin).pathname.replace(/\/$/, '');
    const onIntent = (event: Event) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || link.origin !== location.origin) return;
      const match = /^\/articles\/([^/]+)/.exec(link.pathname.slice(base.length));
      if (!match?.[1]) return;
      preloadArticleRoute();
      void client.prefetchQuery(articleQueryOptions(config, decodeURIComponent(match[1])));
    };
    document.addEventListener('pointerover', onIntent, { passive: true });
    document.addEventListener('focusin', onIntent);
    document.addEventListener('touchstart', onIntent, { passive: true });
    return () => {
      document.removeEventListener('pointerover', onIntent);
      document.removeEventListener('focusin', onIntent);
      document.removeEventListener('touchstart', onIntent);
    };
  }, [client, config]);
}
