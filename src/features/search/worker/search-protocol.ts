/**
 * Messages between search-client.ts and search.worker.ts, and the request handler the worker runs.
 * The handler is a plain function so tests can run the worker's logic without a Worker.
 */
import { buildSearchIndex } from '../engine/search-index.ts';
import type { SearchDoc, SearchIndex, SearchOptions, SearchResult } from '../engine/types.ts';

export type SearchRequest =
  | { type: 'build'; id: number; version: string; docs: SearchDoc[] }
  | { type: 'search'; id: number; query: string; options: SearchOptions };

export type SearchResponse =
  | { type: 'built'; id: number; version: string; size: number; tookMs: number }
  | { type: 'result'; id: number; result: SearchResult }
  | { type: 'error'; id: number; message: string };

/**
 * Holds one index (the latest build) and answers requests against it, one at a time in the order
 * they arrive: a build waits for its languages' stemmers to load, and the queries sent after it
 * wait for the build.
 */
export function createRequestHandler(): (request: SearchRequest) => Promise<SearchResponse> {
  let index: SearchIndex | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const handle = async (request: SearchRequest): Promise<SearchResponse> => {
    try {
      if (request.type === 'build') {
        const started = performance.now();
        index = await buildSearchIndex(request.docs);
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
  return (request) => {
    const response = queue.then(() => handle(request));
    queue = response;
    return response;
  };
}
