import { Suspense, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useConfig } from '../../lib/config-context.ts';
import { useT } from '../../lib/i18n.ts';
import { useArticles } from '../../features/articles/api/get-articles.ts';
import { ArticleList } from '../../features/articles/components/article-list.tsx';
import { ArticleListSkeleton } from '../../components/article-list-skeleton.tsx';
import { pagesOnServer, useSourcePage } from '../../features/articles/api/get-source-pages.ts';
import { Pagination } from '../../components/pagination.tsx';
import type { SourceConfig } from '../../types/config.ts';
import { SourceFilter } from '../../features/articles/components/source-filter.tsx';
import { pageFromSearch, sourceFromSearch, withPage, withSource } from './page-param.ts';
import { DocumentMeta } from '../../components/document-meta.tsx';
import { ArticleFeed } from '../lazy-routes.ts';

/** `/`: the latest stories, newest first, paged (`?page=2`). */
export function HomeRoute() {
  const config = useConfig();
  const t = useT();
  const [params] = useSearchParams();
  const page = pageFromSearch(params);
  const state = useArticles();
  const source = sourceFromSearch(params, config.sources.map((s) => s.id));
  // A source the server pages (an archive, WordPress) is read page by page as the reader scrolls.
  const chosen = config.sources.find((s) => s.id === source) ?? (config.sources.length === 1 ? config.sources[0] : undefined);
  const pagedSource = pagesOnServer(chosen) ? chosen : undefined;
  const articles = useMemo(
    () => (source ? state.articles.filter((a) => a.sourceId === source) : state.articles),
    [state.articles, source],
  );
  const title = page > 1 ? `${t('latestNews')} · ${t('page', { page })} · ${config.siteName}` : config.siteName;
  return (
    <>
      <DocumentMeta>
        <title>{title}</title>
        {config.description ? <meta name="description" content={config.description} /> : null}
      </DocumentMeta>
      <h1 tabIndex={-1} className="mb-4 font-serif text-2xl font-bold focus:outline-none">
        {t('latestNews')}
        {page > 1 ? <span className="ms-2 text-base font-normal text-muted">{` ${t('page', { page })}`}</span> : null}
      </h1>
      <SourceFilter current={source} hrefFor={(id) => withSource('/', params, id)} />
      {pagedSource && page > 1 ? (
        <ServerPage source={pagedSource} page={page} params={params} />
      ) : pagedSource ? (
        <Suspense fallback={<ArticleListSkeleton label={t('loading')} rows={6} />}>
          <ArticleFeed source={pagedSource} timeoutMs={config.requestTimeoutMs} />
        </Suspense>
      ) : (
        <ArticleList
          articles={articles}
          state={state}
          page={page}
          pageSize={config.pageSize}
          hrefForPage={(p) => withPage('/', params, p)}
          emptyText={t('emptyFeed')}
          withLead
        />
      )}
    </>
  );
}

/** `/?page=N` of a source the server pages: that page as the server lists it, with links to the pages around it. */
function ServerPage({ source, page, params }: { source: SourceConfig; page: number; params: URLSearchParams }) {
  const config = useConfig();
  const t = useT();
  const query = useSourcePage(source, page, config.requestTimeoutMs);
  return (
    <>
      <ArticleList
        articles={query.data?.articles ?? []}
        state={{
          isPending: query.isPending,
          failures: query.error ? [{ source, error: query.error, stale: false }] : [],
          retry: () => void query.refetch(),
          results: [],
        }}
        page={1}
        pageSize={query.data?.articles.length || config.pageSize}
        hrefForPage={() => ''}
        emptyText={t('emptyFeed')}
      />
      <Pagination
        page={page}
        totalPages={query.data?.totalPages ?? (query.data?.hasMore ? page + 1 : page)}
        hrefFor={(p) => withPage('/', params, p)}
      />
    </>
  );
}
