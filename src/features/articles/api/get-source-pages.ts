import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { SourceConfig } from '../../../types/config.ts';
import { capabilitiesOf, loadSourceCategory, loadSourcePage } from '../../../sources/registry.ts';
import type { SourcePage } from '../../../sources/source-adapter.ts';
import { LIST_STALE_TIME, sourceArticlesQueryOptions } from './get-articles.ts';

/**
 * True when the server pages this source's list (an archive, a WordPress site): the reader then
 * downloads page by page as the reader scrolls, never the whole list.
 */
export function pagesOnServer(source: SourceConfig | undefined): source is SourceConfig {
  return Boolean(source && capabilitiesOf(source).paging);
}

/** True when the server lists one category's articles for this source. */
export function listsCategoriesOnServer(source: SourceConfig | undefined): source is SourceConfig {
  return Boolean(source && capabilitiesOf(source).categories);
}

interface FeedPage extends SourcePage {
  /** How many server pages this entry holds (the first holds what the list query read). */
  pagesCovered: number;
}

/**
 * A server-paged source's latest articles, one page per `fetchNextPage`. The first entry is the
 * source's list query (already loaded for Recent News and search), so the front page downloads
 * it once; later entries continue with the server page after it.
 */
export function sourcePagesQueryOptions(source: SourceConfig, timeoutMs: number) {
  return infiniteQueryOptions({
    queryKey: ['articles', 'pages', { source, timeoutMs }] as const,
    queryFn: async ({ pageParam, signal, client }): Promise<FeedPage> => {
      if (pageParam === 1) {
        const list = await client.ensureQueryData(sourceArticlesQueryOptions(source, timeoutMs));
        const hasMore = list.nextUrl !== undefined || (list.total !== undefined && list.articles.length < list.total);
        return { articles: list.articles, total: list.total, hasMore, pagesCovered: Math.max(1, list.pages) };
      }
      return { ...(await loadSourcePage(source, pageParam, { signal, timeoutMs })), pagesCovered: 1 };
    },
    initialPageParam: 1,
    getNextPageParam: (last, _all, lastParam) => (last.hasMore ? lastParam + last.pagesCovered : undefined),
    staleTime: LIST_STALE_TIME,
  });
}

/** Pages of a server-paged source, for an endless (virtualized) list. */
export function useSourcePages(source: SourceConfig, timeoutMs: number) {
  return useInfiniteQuery(sourcePagesQueryOptions(source, timeoutMs));
}

/**
 * Page N of a server-paged source's latest articles, as its server pages them: what `/?page=N`
 * shows, so every page of the front page is a real link (readers without JavaScript, crawlers).
 */
export function sourcePageQueryOptions(source: SourceConfig, page: number, timeoutMs: number) {
  return queryOptions({
    queryKey: ['articles', 'page', { source, page, timeoutMs }] as const,
    queryFn: ({ signal }) => loadSourcePage(source, page, { signal, timeoutMs }),
    staleTime: LIST_STALE_TIME,
  });
}

export function useSourcePage(source: SourceConfig, page: number, timeoutMs: number) {
  return useQuery(sourcePageQueryOptions(source, page, timeoutMs));
}

/** One page of one category, as the source's server lists it. Undefined data: no such category. */
export function sourceCategoryQueryOptions(source: SourceConfig, slug: string, page: number, timeoutMs: number) {
  return queryOptions({
    queryKey: ['articles', 'category', { source, slug, page, timeoutMs }] as const,
    queryFn: async ({ signal }) => (await loadSourceCategory(source, slug, { page, signal, timeoutMs })) ?? null,
    staleTime: LIST_STALE_TIME,
  });
}

/** A category page from the server. */
export function useSourceCategory(source: SourceConfig, slug: string, page: number, timeoutMs: number) {
  return useQuery(sourceCategoryQueryOptions(source, slug, page, timeoutMs));
}
