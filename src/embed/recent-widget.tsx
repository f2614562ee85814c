import { useMemo } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { AppConfig } from '../types/config.ts';
import type { ArticleSummary } from '../types/article.ts';
import { ConfigContext } from '../lib/config-context.ts';
import { I18nContext, createTranslator } from '../lib/i18n.ts';
import { RecentNewsList } from '../features/articles/components/recent-news-list.tsx';

interface RecentWidgetProps {
  config: AppConfig;
  queryClient: QueryClient;
  /** URL pattern of a story's link on the host, with `{id}`, `{slug}`, `{url}` filled in. */
  link: string;
  target?: string | undefined;
}

/** `<news-recent>`'s content: the Recent News list with plain links to the host's (or the reader's) pages. No router. */
export function RecentWidget({ config, queryClient, link, target }: RecentWidgetProps) {
  const t = useMemo(() => createTranslator(config.locale), [config.locale]);
  return (
    <ConfigContext value={config}>
      <I18nContext value={t}>
        <QueryClientProvider client={queryClient}>
          <RecentNewsList
            count={config.recentNewsCount}
            renderLink={(article, className) => (
              <a href={fillLink(link, article)} target={target} rel={target === '_blank' ? 'noopener' : undefined} className={className}>
                {article.headline}
              </a>
            )}
          />
        </QueryClientProvider>
      </I18nContext>
    </ConfigContext>
  );
}

/** `/news/{id}/{slug}` → `/news/lna-1/rice-harvest`; `{url}` is the publisher's URL (or the link without it). */
export function fillLink(pattern: string, article: Pick<ArticleSummary, 'id' | 'slug' | 'url'>): string {
  return pattern.replace(/\{(id|slug|url)\}/g, (_, name: 'id' | 'slug' | 'url') =>
    name === 'url' ? (article.url ?? '') : encodeURIComponent(article[name]),
  );
}
