/**
 * The search Web Worker: builds the index and answers queries off the main thread, in the order
 * the requests arrive (a build blocks the queries sent after it, which is what we want: they wait
 * for the new index). Started by search-client.ts.
 */
import { createRequestHandler } from './search-protocol.ts';
import type { SearchRequest, SearchResponse } from './search-protocol.ts';

/** The part of the worker global scope we use (the app's TS lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(message: SearchResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SearchRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;
const handle = createRequestHandler();

scope.addEventListener('message', (event) => {
  void handle(event.data).then((response) => scope.postMessage(response));
});
