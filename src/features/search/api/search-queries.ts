import { keepPreviousData, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ArticleSummary } from '../../../types/article.ts';
import type { SearchOptions } from '../engine/types.ts';
import { getSearchClient } from '../worker/search-client.ts';

/**
 * Results of one query against the current index. The key carries the corpus version, so a feed
 * update re-runs searches, and the query and filters, so back/forward renders from cache.
 */
export function searchResultsQueryOptions(version: string, query: string, options: SearchOptions) {
  return queryOptions({
    queryKey: ['search', 'results', version, query, options] as const,
    // One index per QueryClient, i.e. per reader: embedded readers of other feeds have their own.
    queryFn: ({ signal, client }) => getSearchClient(client).search(query, options, { signal }),
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    retry: false,
  });
}

/**
 * Keep the search index in step with the articles: built once per feed version (in a Web Worker
 * for large corpora), reused across navigation because the client lives as long as the page.
 */
export function useSearchIndex(articles: ArticleSummary[], version: string, enabled: boolean): void {
  const client = useQueryClient();
  useEffect(() => {
    if (enabled && articles.length > 0) void getSearchClient(client).build(articles, version);
  }, [client, articles, version, enabled]);
}

/** Search as you type: previous results stay on screen while the next query runs. */
export function useSearchResults(
  articles: ArticleSummary[],
  version: string,
  query: string,
  options: SearchOptions,
  enabled = true,
) {
  const ready = articles.length > 0;
  useSearchIndex(articles, version, enabled);
  return useQuery({
    ...searchResultsQueryOptions(version, query, options),
    enabled: enabled && ready && (query.trim().length > 0 || hasFilter(options)),
    placeholderData: keepPreviousData,
  });
}

function hasFilter(o: SearchOptions): boolean {
  return Boolean(o.category || o.tag || o.language || o.from || o.to);
}
