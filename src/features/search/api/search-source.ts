import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { SourceConfig } from '../../../types/config.ts';
import { useEffect } from 'react';
import { capabilitiesOf, prepareSourceSearch, searchSource } from '../../../sources/registry.ts';

/** True when the source searches its whole archive on the server (WordPress, a static archive). */
export function searchesOnServer(source: SourceConfig | undefined): source is SourceConfig {
  return Boolean(source && capabilitiesOf(source).serverSearch);
}

/**
 * One page of a server-side search of one source. `segmented` is the query as our tokenizer
 * splits it, for indexes that split on spaces only (the archive's Pagefind index); it is derived
 * from `query`, so it stays out of the key.
 */
export function sourceSearchQueryOptions(
  source: SourceConfig,
  query: string,
  page: number,
  pageSize: number,
  segmented: string,
  timeoutMs: number,
  depth = 1,
) {
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: ['articles', 'search', { source: source.id, query, page, pageSize, depth }] as const,
    queryFn: ({ signal }) => searchSource(source, query, { page, perPage: pageSize, segmented, depth, signal, timeoutMs }),
    staleTime: 5 * 60_000,
  });
}

/**
 * Search a source on the server; the previous page stays on screen while the next one loads.
 * `depth`: for an archive searched in parts, how many of its newest parts to search.
 */
export function useSourceSearch(
  source: SourceConfig | undefined,
  query: string,
  page: number,
  pageSize: number,
  segmented: string,
  timeoutMs: number,
  depth = 1,
) {
  useEffect(() => {
    if (source) prepareSourceSearch(source);
  }, [source]);
  return useQuery({
    ...sourceSearchQueryOptions(source ?? PLACEHOLDER, query, page, pageSize, segmented, timeoutMs, depth),
    enabled: Boolean(source && query.trim()),
    placeholderData: keepPreviousData,
  });
}

/** Stands in while no server-searching source is chosen; the query is disabled then. */
const PLACEHOLDER: SourceConfig = { id: '', name: '', type: 'jsonfeed', url: 'about:blank', maxPages: 1 };
