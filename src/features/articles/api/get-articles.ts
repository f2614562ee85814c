import { useCallback, useMemo } from 'react';
import { queryOptions, useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AppConfig, SourceConfig } from '../../../types/config.ts';
import type { ArticleSummary } from '../../../types/article.ts';
import type { SourceLoadResult } from '../../../sources/source-adapter.ts';
import { byNewest } from '../../../lib/article-order.ts';
import { loadSourceList } from '../../../sources/registry.ts';
import { useConfig } from '../../../lib/config-context.ts';

/** Feeds change every few minutes at most; within that, navigation renders from cache. */
export const LIST_STALE_TIME = 2 * 60_000;

/** The article list of one configured source (all its pages, `next_url` followed). */
export function sourceArticlesQueryOptions(source: SourceConfig, timeoutMs: number) {
  // The key holds every input. The configuration does not change while the app runs, so the
  // source's settings and the timeout never split the cache in practice; they are there so a key
  // always names exactly what its data was loaded with.
  return queryOptions({
    queryKey: ['articles', 'list', { source, timeoutMs }] as const,
    queryFn: ({ signal }) => loadSourceList(source, { signal, timeoutMs }),
    staleTime: LIST_STALE_TIME,
  });
}

export interface SourceFailure {
  source: SourceConfig;
  error: Error;
  stale: boolean;
  /** When the articles still shown were loaded (ms since the epoch), for a stale source. */
  updatedAt?: number;
}

export interface ArticlesState {
  /** Every source's articles merged, newest first. Empty while loading. */
  articles: ArticleSummary[];
  /** True until every source has answered once (successfully or not). */
  isPending: boolean;
  /**
   * Sources whose last load failed, with their error. `stale`: the source still has articles
   * from an earlier load (a background refresh failed), and they are still shown.
   */
  failures: SourceFailure[];
  /** A source with nothing to show yet whose first attempts failed and is being retried. */
  retrying?: { source: SourceConfig; error: Error; attempt: number };
  /** Results of the sources that loaded (skipped counts, partial errors). */
  results: SourceLoadResult[];
  /** A background refetch is running. */
  isFetching: boolean;
  /** Retry the failed sources. */
  retry: () => void;
  /** Changes when any source's data changes: the search index is rebuilt only when it does. */
  version: string;
}

/** All configured sources merged. One failing source degrades to a notice; the others still show. */
export function useArticles(): ArticlesState {
  const config = useConfig();
  const queryClient = useQueryClient();
  const queries = useMemo(
    () => config.sources.map((s) => sourceArticlesQueryOptions(s, config.requestTimeoutMs)),
    [config],
  );
  // A stable combine: TanStack Query re-runs it, and compares its result deeply with the last
  // one (structural sharing, thousands of articles), only when a query's state changes. An inline
  // function would do both on every render of every component that lists articles, and the
  // search page re-renders at every keystroke.
  const combine = useCallback(
    (results: SourceQuery[]) =>
      combineSources(
        config,
        results.map((q, i) => withRetryState(q, queryClient, queries[i]?.queryKey)),
      ),
    [config, queryClient, queries],
  );
  return useQueries({ queries, combine });
}

/**
 * An observer that mounts while its query is between retries (the prerendered page keeps the
 * screen until the app is ready, while main.tsx's prefetch already retries) first reports a
 * fresh fetch: failureCount 0, until the next attempt fails. The query itself knows better.
 */
function withRetryState<Q extends SourceQuery>(q: Q, queryClient: QueryClient, queryKey: readonly unknown[] | undefined): Q {
  if (q.failureReason || !q.isFetching || !queryKey) return q;
  const state = queryClient.getQueryState(queryKey);
  if (!state?.fetchFailureReason || state.fetchStatus !== 'fetching') return q;
  return { ...q, failureReason: state.fetchFailureReason as Error, failureCount: state.fetchFailureCount };
}

type SourceQuery = {
  data?: SourceLoadResult;
  error: Error | null;
  failureReason: Error | null;
  failureCount: number;
  isPending: boolean;
  isFetching: boolean;
  dataUpdatedAt: number;
  refetch: () => unknown;
};

function combineSources(config: AppConfig, queries: SourceQuery[]): ArticlesState {
  const results = queries.flatMap((q) => (q.data ? [q.data] : []));
  const merged = results.length === 1 ? (results[0]?.articles ?? []) : mergeSources(results);
  return {
    articles: merged,
    isPending: queries.some((q) => q.isPending && q.isFetching) || queries.every((q) => q.isPending),
    failures: queries.flatMap((q, i) => {
      const source = config.sources[i];
      if (!q.error || !source) return [];
      return [{ source, error: q.error, stale: q.data !== undefined, updatedAt: q.data ? q.dataUpdatedAt : undefined }];
    }),
    retrying: queries.flatMap((q, i) => {
      const source = config.sources[i];
      return source && q.isPending && q.isFetching && q.failureReason ? [{ source, error: q.failureReason, attempt: q.failureCount + 1 }] : [];
    })[0],
    results,
    isFetching: queries.some((q) => q.isFetching),
    retry: () => queries.forEach((q) => (q.error ? q.refetch() : undefined)),
    version: results.map((r) => versionOf(r.articles)).join('-'),
  };
}

const versions = new WeakMap<object, number>();
let nextVersion = 1;

/**
 * A number per distinct article list. TanStack Query's structural sharing keeps the same array
 * when a refetch brings identical data, so the search index is rebuilt only when articles change.
 */
function versionOf(articles: ArticleSummary[]): number {
  let v = versions.get(articles);
  if (v === undefined) versions.set(articles, (v = nextVersion++));
  return v;
}

/** Several sources: merge newest first; the same story from two feeds (same canonical URL) shows once. */
export function mergeSources(results: SourceLoadResult[]): ArticleSummary[] {
  const seenIds = new Set<string>();
  const seenUrls = new Set<string>();
  const out: ArticleSummary[] = [];
  for (const a of results.flatMap((r) => r.articles).sort(byNewest)) {
    if (seenIds.has(a.id) || (a.url && seenUrls.has(a.url))) continue;
    seenIds.add(a.id);
    if (a.url) seenUrls.add(a.url);
    out.push(a);
  }
  return out;
}
