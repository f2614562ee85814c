import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { SourceConfig } from '../../../types/config.ts';
import { capabilitiesOf } from '../../../sources/registry.ts';
import { prepareSourceSearch, searchSource } from '../../../sources/source-search.ts';
import type { SourcePage } from '../../../sources/source-adapter.ts';
import { retryableImport } from '../../../lib/retryable-import.ts';
import type { SearchResult } from '../engine/types.ts';

/** True when the source searches its whole archive on the server (WordPress, a static archive). */
export function searchesOnServer(source: SourceConfig | undefined): source is SourceConfig {
  return Boolean(source && capabilitiesOf(source).serverSearch);
}

export interface SourceSearchParams {
  source: SourceConfig;
  query: string;
  /** 1-based. */
  page: number;
  pageSize: number;
  timeoutMs: number;
  /** For an archive searched in parts: how many of its newest parts to search. */
  depth: number;
}

/** A server search's page, and its hits in the engine's result shape (highlighted here). */
export interface SourceSearchData {
  page: SourcePage;
  result: SearchResult;
}

const loadServerResults = retryableImport(() => import('./server-results.ts'));

/** One page of a server-side search of one source. */
export function sourceSearchQueryOptions(params: SourceSearchParams) {
  return queryOptions({
    queryKey: ['articles', 'search', params] as const,
    queryFn: async ({ signal }): Promise<SourceSearchData> => {
      const { segmentQuery, toSearchResult } = await loadServerResults();
      const { source, query, page, pageSize, timeoutMs, depth } = params;
      const segmented = await segmentQuery(query);
      const found = await searchSource(source, query, { page, perPage: pageSize, segmented, depth, signal, timeoutMs });
      return { page: found, result: toSearchResult(found, query) };
    },
    staleTime: 5 * 60_000,
  });
}

/**
 * Search a source on the server; the previous page stays on screen while the next one loads.
 * Without a source (none searches on the server) the query is disabled.
 */
export function useSourceSearch(params: Omit<SourceSearchParams, 'source'> & { source: SourceConfig | undefined }) {
  const { source } = params;
  useEffect(() => {
    if (!source) return;
    prepareSourceSearch(source);
    void loadServerResults().catch(() => {});
  }, [source]);
  return useQuery({
    ...sourceSearchQueryOptions({ ...params, source: source ?? PLACEHOLDER }),
    enabled: Boolean(source && params.query.trim()),
    placeholderData: keepPreviousData,
  });
}

/** Stands in while no server-searching source is chosen; the query is disabled then. */
const PLACEHOLDER: SourceConfig = { id: '', name: '', type: 'jsonfeed', url: 'about:blank', maxPages: 1 };
