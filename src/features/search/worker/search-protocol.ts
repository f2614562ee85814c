/**
 * Messages between search-client.ts and search.worker.ts, and the request handler the worker runs.
 * The handler is a plain function so tests can run the worker's logic without a Worker.
 */
import { createSearchIndex } from '../engine/search-index.ts';
import type { SearchDoc, SearchIndex, SearchOptions, SearchResult } from '../engine/types.ts';

export type SearchRequest =
  | { type: 'build'; id: number; version: string; docs: SearchDoc[] }
  | { type: 'search'; id: number; query: string; options: SearchOptions };

export type SearchResponse =
  | { type: 'built'; id: number; version: string; size: number; tookMs: number }
  | { type: 'result'; id: number; result: SearchResult }
  | { type: 'error'; id: number; message: string };

/** Holds one index (the latest build) and answers requests against it. */
export function createRequestHandler(): (request: SearchRequest) => SearchResponse {
  let index: SearchIndex | undefined;
  return (request) => {
    try {
      if (request.type === 'build') {
        const started = performance.now();
        index = createSearchIndex(request.docs);
        return {
          type: 'built',
          id: request.id,
          version: request.version,
          size: index.size,
          tookMs: performance.now() - started,
        };
      }
      if (!index) return { type: 'error', id: request.id, message: 'search before build' };
      return { type: 'result', id: request.id, result: index.search(request.query, request.options) };
    } catch (error) {
      return {
        type: 'error',
        id: request.id,
        message: error instanceof Error ? error.message : String(error),
      };
    }
  };
}
