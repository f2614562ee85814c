import { useMemo } from 'react';
import { useConfig } from '../../../lib/config-context.ts';
import type { ArticleSummary } from '../../../types/article.ts';
import type { SourceConfig } from '../../../types/config.ts';
import type { SearchHit, SearchOptions, SearchResult } from '../engine/types.ts';
import { useSearchResults } from './search-queries.ts';
import { searchesOnServer, useSourceSearch } from './search-source.ts';

/** A hit with the article it stands for. */
export interface ArticleHit extends SearchHit {
  article: ArticleSummary;
}

/** A result whose hits carry their articles; hits whose article is unknown are left out. */
export interface ArticleSearchResult extends Omit<SearchResult, 'hits'> {
  hits: ArticleHit[];
}

export interface ArticleSearchInput {
  /** The loaded articles and their version (useArticles). */
  articles: ArticleSummary[];
  version: string;
  query: string;
  options: SearchOptions;
  /** `?source=`: search this source's articles only. */
  sourceId?: string;
  /**
   * Let a source that searches on the server (WordPress, an archive) answer over its whole
   * archive, instead of the articles loaded here. The header's overlay keeps to what is loaded.
   */
  server?: { page: number; older: number };
  enabled?: boolean;
}

/**
 * Search, wherever it runs: the local index over the loaded articles, or the server of the chosen
 * source (or of the only source) when it searches there. Hits come joined to their articles.
 */
export function useArticleSearch({ articles, version, query, options, sourceId, server, enabled = true }: ArticleSearchInput) {
  const config = useConfig();
  const chosen = config.sources.find((s) => s.id === sourceId);
  const serverSource: SourceConfig | undefined = !server
    ? undefined
    : searchesOnServer(chosen)
      ? chosen
      : config.sources.length === 1 && searchesOnServer(config.sources[0])
        ? config.sources[0]
        : undefined;
  const localArticles = useMemo(
    () => (chosen ? articles.filter((a) => a.sourceId === chosen.id) : articles),
    [articles, chosen],
  );
  const local = useSearchResults(
    localArticles,
    chosen ? `${version}:${chosen.id}` : version,
    query,
    options,
    enabled && !serverSource,
  );
  const remote = useSourceSearch({
    source: enabled ? serverSource : undefined,
    query,
    page: server?.page ?? 1,
    pageSize: config.pageSize,
    timeoutMs: config.requestTimeoutMs,
    depth: (server?.older ?? 0) + 1,
  });
  const remotePage = remote.data?.page;
  const byId = useMemo(
    () => new Map([...articles, ...(remotePage?.articles ?? [])].map((a) => [a.id, a])),
    [articles, remotePage],
  );
  const result = serverSource ? remote.data?.result : local.data;
  const data = useMemo(() => (result ? joinArticles(result, byId) : undefined), [result, byId]);
  const state = serverSource
    ? { ...remote, isPending: remote.isPending && remote.isFetching }
    : local;
  return {
    data,
    error: state.error,
    isPending: state.isPending,
    isPlaceholderData: state.isPlaceholderData,
    refetch: state.refetch,
    /** The `?source=` source, if any. */
    chosen,
    /** The source searched on the server, if any. */
    serverSource,
    /** What a server search covered; undefined until its first answer. */
    scope: remotePage?.scope,
    serverAnswered: Boolean(remotePage),
  };
}

/** Pairs each hit with its article (the engine and servers return ids). */
export function joinArticles(result: SearchResult, byId: Map<string, ArticleSummary>): ArticleSearchResult {
  const hits = result.hits.flatMap((hit) => {
    const article = byId.get(hit.id);
    return article ? [{ ...hit, article }] : [];
  });
  return { ...result, hits };
}

