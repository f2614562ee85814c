import { useCallback, useDeferredValue, useMemo } from 'react';
import { useConfig } from '../../lib/config-context.ts';
import { useT } from '../../lib/i18n.ts';
import { useArticles } from '../../features/articles/api/get-articles.ts';
import { ArticleListSkeleton } from '../../components/article-list-skeleton.tsx';
import { FeedErrorView } from '../../components/feed-error.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { SourceFilter } from '../../features/articles/components/source-filter.tsx';
import { useArticleSearch } from '../../features/search/api/use-article-search.ts';
import { NoResults } from '../../features/search/components/no-results.tsx';
import { ResultList } from '../../features/search/components/result-list.tsx';
import { SearchFilters } from '../../features/search/components/search-filters.tsx';
import { SearchForm } from '../../features/search/components/search-form.tsx';
import { SearchScopeLine } from '../../features/search/components/search-scope-line.tsx';
import { useSearchPageState } from '../../features/search/components/use-search-page-state.ts';
import { DocumentMeta } from '../../components/document-meta.tsx';

const NO_FILTERS = { category: undefined, tag: undefined, lang: undefined, range: undefined, from: undefined, to: undefined };

/**
 * `/search?q=…&category=…&tag=…&lang=…&range=week|from=…&to=…&sort=newest&page=2`.
 * Results, facets with counts, highlighted headlines and snippets; all state in the URL.
 */
export function SearchRoute() {
  const config = useConfig();
  const t = useT();
  const articles = useArticles();
  const { urlState, state, options, go, form, onType, onSubmit, hrefWith } = useSearchPageState(config.pageSize);
  // `?source=` narrows to one source; a source that searches on the server (WordPress, an
  // archive) is searched there, over its whole archive.
  const results = useArticleSearch({
    articles: articles.articles,
    version: articles.version,
    query: state.q,
    options,
    sourceId: state.source,
    server: { page: state.page, older: state.older },
  });
  const { serverSource } = results;
  const categoryNames = useMemo(() => {
    const m = new Map<string, string>();
    for (const a of articles.articles) if (a.category) m.set(a.category.slug, a.category.name);
    return m;
  }, [articles.articles]);
  const pageHref = useCallback((page: number) => hrefWith({ page }), [hrefWith]);

  const title = state.q ? t('searchResultsFor', { query: state.q }) : t('searchResults');
  // Query results arrive through useSyncExternalStore, whose renders cannot be interrupted.
  // Rendering the result list from a deferred copy moves that work into a transition that React
  // time-slices, so typing never waits for a list of cards to render.
  const data = useDeferredValue(results.data);
  const stale = results.isPlaceholderData || data !== results.data;
  const hasFilters = Boolean(state.category || state.tag || state.lang || state.range || state.from || state.to);
  const searching = Boolean(state.q.trim()) || hasFilters;
  const totalPages = data ? Math.ceil(data.total / config.pageSize) : 0;

  return (
    <>
      <DocumentMeta>
        <title>{`${title} · ${config.siteName}`}</title>
        <meta name="robots" content="noindex" />
      </DocumentMeta>
      <h1 tabIndex={-1} className="font-serif text-2xl font-bold focus:outline-none md:text-3xl">
        {title}
      </h1>
      <SearchForm initial={urlState.q} onType={onType} onSubmit={onSubmit} ref={form} />
      {config.sources.length > 1 ? (
        <div className="mt-4">
          <SourceFilter current={results.chosen?.id} hrefFor={(id) => hrefWith({ page: 1, source: id })} />
        </div>
      ) : null}
      {serverSource && searching ? (
        <SearchScopeLine
          source={serverSource.name}
          scope={results.scope}
          known={results.serverAnswered}
          olderHref={hrefWith({ page: 1, older: state.older + 1 })}
        />
      ) : null}

      {searching && data && !serverSource ? (
        // The URL's state: the filters are always in it, and a query being typed is not theirs.
        <SearchFilters state={urlState} facets={data.facets} categoryNames={categoryNames} onChange={go} />
      ) : null}

      <p role="status" aria-live="polite" aria-atomic="true" className="mt-4 min-h-6 text-sm text-muted">
        {!searching
          ? t('searchHint')
          : data
            ? t.plural('results', data.total)
            : articles.isPending || results.isPending
              ? t('indexing')
              : ''}
      </p>

      {articles.failures[0] && articles.articles.length === 0 ? (
        <FeedErrorView
          error={articles.failures[0].error}
          sourceName={articles.failures[0].source.name}
          onRetry={articles.retry}
        />
      ) : results.error ? (
        <FeedErrorView error={results.error} onRetry={() => void results.refetch()} />
      ) : !searching ? null : !data ? (
        <ArticleListSkeleton label={t('indexing')} rows={4} />
      ) : data.total === 0 ? (
        <NoResults query={state.q} onClearFilters={hasFilters ? () => go(NO_FILTERS) : undefined} />
      ) : (
        // Dimmed while the next query's results are on their way. The dimming is on a wrapper,
        // outside the memoized list: its props stay the same in the urgent render that marks
        // the results stale, so the cards are not rendered again just to be dimmed.
        <div className={`will-change-[opacity] ${stale ? 'opacity-60' : ''}`}>
          <ResultList hits={data.hits} />
        </div>
      )}
      {data ? <Pagination page={state.page} totalPages={totalPages} hrefFor={pageHref} /> : null}
    </>
  );
}
