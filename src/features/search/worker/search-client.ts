/**
 * The app's door to search: builds the index in a Web Worker (or on the main thread for small
 * corpora, < 300 articles, and where Worker does not exist, as in jsdom tests) and answers queries
 * asynchronously.
 *
 * - Queries sent before or during a build wait for it, then run against the new index.
 * - Latest query wins, per "lane": a newer query in the same lane supersedes an older one that is
 *   still queued (never sent) or running (its response is dropped); the older promise rejects with
 *   an AbortError (see isAbortError). By default the lane is the options object, so the header's
 *   suggestions and the search page, which use different options, do not cancel each other.
 * - Queries run one at a time per lane, so fast typing costs the worker one query per response,
 *   not one per keystroke.
 */
import type { SearchDoc, SearchIndex, SearchOptions, SearchResult } from '../engine/types.ts';
import type { SearchRequest, SearchResponse } from './search-protocol.ts';
import searchWorkerUrl from './search.worker.ts?worker&url';
import { trustedScriptUrl } from '../../../lib/trusted-types.ts';
import { retryableImport } from '../../../lib/retryable-import.ts';

/** What the client needs of a Worker (a test can pass a fake). */
export interface WorkerLike {
  postMessage(message: SearchRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<SearchResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface SearchClientOptions {
  /** Starts the worker; default: search.worker.ts as a module worker. */
  createWorker?: () => WorkerLike;
  /** Corpora smaller than this are indexed on the main thread (default 300 documents). */
  workerThreshold?: number;
}

export interface SearchControl {
  /** Aborting rejects the search with an AbortError (TanStack Query passes one to queryFn). */
  signal?: AbortSignal;
  /** Queries in the same lane supersede each other; default: derived from the options. */
  lane?: string;
}

export interface SearchClient {
  /** Indexes `docs` unless `version` is already built or building. Resolves when searchable. */
  build(docs: readonly SearchDoc[], version: string): Promise<void>;
  search(query: string, options?: SearchOptions, control?: SearchControl): Promise<SearchResult>;
  /** Where the current index lives, for diagnostics. */
  readonly mode: 'none' | 'main' | 'worker';
  /** Stops the worker and rejects pending searches. */
  dispose(): void;
}

/** True for the rejection of a superseded or aborted search: not an error to show. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

function abortError(message: string): Error {
  const error = new Error(message);
  error.name = 'AbortError';
  return error;
}

const DEFAULT_WORKER_THRESHOLD = 300;

/** The engine (index and tokenizer) loads on the main thread only when the worker is not used. */
const loadEngine = retryableImport(() => import('../engine/search-index.ts'));

function defaultCreateWorker(): WorkerLike {
  // The Worker constructor is a Trusted Types sink: the URL goes through the app's policy.
  return new Worker(trustedScriptUrl(searchWorkerUrl), {
    type: 'module',
  }) as unknown as WorkerLike;
}

/** Only the fields the index reads: articles carry HTML, images and more that the worker needn't copy. */
function toSearchDoc(doc: SearchDoc): SearchDoc {
  const out: SearchDoc = { id: doc.id, headline: doc.headline, tags: doc.tags, bodyText: doc.bodyText };
  if (doc.standfirst !== undefined) out.standfirst = doc.standfirst;
  if (doc.category) out.category = { name: doc.category.name, slug: doc.category.slug };
  if (doc.language !== undefined) out.language = doc.language;
  if (doc.datePublished !== undefined) out.datePublished = doc.datePublished;
  return out;
}

/** A stable key for an options object (key order does not matter). */
function laneOf(options: SearchOptions): string {
  const entries = Object.entries(options).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

interface PendingSearch {
  id: number;
  query: string;
  options: SearchOptions;
  lane: string;
  resolve: (result: SearchResult) => void;
  reject: (error: unknown) => void;
  /** Superseded or aborted: its answer, if any, is dropped. */
  stale: boolean;
}

interface Lane {
  queued?: PendingSearch;
  active?: PendingSearch;
}

interface PendingBuild {
  resolve: () => void;
  reject: (error: unknown) => void;
}

export function createSearchClient(options: SearchClientOptions = {}): SearchClient {
  const threshold = options.workerThreshold ?? DEFAULT_WORKER_THRESHOLD;
  const createWorker =
    options.createWorker ?? (typeof Worker === 'undefined' ? undefined : defaultCreateWorker);

  let version: string | undefined;
  let docs: SearchDoc[] = [];
  let building = false;
  /** Increments per build; a build's completion only takes effect if it is still the latest. */
  let buildSeq = 0;
  let ready: Promise<void> = Promise.resolve();
  let mode: 'none' | 'main' | 'worker' = 'none';
  let mainIndex: SearchIndex | undefined;
  let worker: WorkerLike | undefined;
  let workerFailed = false;
  let nextId = 1;
  const lanes = new Map<string, Lane>();
  const inFlight = new Map<number, PendingSearch>();
  const pendingBuilds = new Map<number, PendingBuild>();

  function laneFor(key: string): Lane {
    let lane = lanes.get(key);
    if (!lane) lanes.set(key, (lane = {}));
    return lane;
  }

  function settle(p: PendingSearch, outcome: { result: SearchResult } | { error: unknown }): void {
    const lane = laneFor(p.lane);
    if (lane.active === p) lane.active = undefined;
    if (p.stale) p.reject(abortError('Search superseded'));
    else if ('result' in outcome) p.resolve(outcome.result);
    else p.reject(outcome.error);
    pump(p.lane);
    if (!lane.active && !lane.queued) lanes.delete(p.lane);
  }

  function dispatch(p: PendingSearch): void {
    if (mode === 'worker' && worker) {
      inFlight.set(p.id, p);
      worker.postMessage({ type: 'search', id: p.id, query: p.query, options: p.options });
      return;
    }
    // Main thread: still asynchronous, so callers see the same contract either way.
    queueMicrotask(() => {
      if (!mainIndex) {
        settle(p, { error: new Error('The search index is not built') });
        return;
      }
      try {
        settle(p, { result: mainIndex.search(p.query, p.options) });
      } catch (error) {
        settle(p, { error });
      }
    });
  }

  /** Sends the lane's queued query if the lane is idle and an index is ready. */
  function pump(key: string): void {
    const lane = laneFor(key);
    if (lane.active || !lane.queued || building || version === undefined) return;
    lane.active = lane.queued;
    lane.queued = undefined;
    dispatch(lane.active);
  }

  function pumpAll(): void {
    for (const key of lanes.keys()) pump(key);
  }

  function buildOnMain(input: SearchDoc[], seq: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      // A task, not a microtask: let the caller's render finish first.
      setTimeout(() => {
        loadEngine()
          .then(({ createSearchIndex }) => {
            // A newer build has started meanwhile: skip the work.
            if (seq !== buildSeq) {
              resolve();
              return;
            }
            mainIndex = createSearchIndex(input);
            mode = 'main';
            resolve();
          }, reject)
          .catch(reject);
      }, 0);
    });
  }

  function onWorkerMessage(event: MessageEvent<SearchResponse>): void {
    const message = event.data;
    if (message.type === 'built' || (message.type === 'error' && pendingBuilds.has(message.id))) {
      const build = pendingBuilds.get(message.id);
      pendingBuilds.delete(message.id);
      if (message.type === 'built') build?.resolve();
      else build?.reject(new Error(message.message));
      return;
    }
    const p = inFlight.get(message.id);
    if (!p) return;
    inFlight.delete(message.id);
    if (message.type === 'result') settle(p, { result: message.result });
    else settle(p, { error: new Error(message.message) });
  }

  /** The worker died or never loaded: carry on in the main thread with the same documents. */
  function onWorkerError(): void {
    workerFailed = true;
    worker?.terminate();
    worker = undefined;
    const builds = [...pendingBuilds.values()];
    pendingBuilds.clear();
    const searches = [...inFlight.values()];
    inFlight.clear();
    loadEngine()
      .then(({ createSearchIndex }) => {
        mainIndex = createSearchIndex(docs);
        mode = 'main';
        builds.forEach((b) => b.resolve());
        searches.forEach(dispatch);
      })
      .catch((error: unknown) => {
        builds.forEach((b) => b.reject(error));
        searches.forEach((p) => settle(p, { error }));
      });
  }

  function ensureWorker(): WorkerLike | undefined {
    if (worker || workerFailed || !createWorker) return worker;
    try {
      worker = createWorker();
      worker.onmessage = onWorkerMessage;
      worker.onerror = (event) => {
        event.preventDefault?.();
        onWorkerError();
      };
    } catch {
      workerFailed = true;
      worker = undefined;
    }
    return worker;
  }

  function buildInWorker(
    w: WorkerLike,
    input: SearchDoc[],
    buildVersion: string,
    seq: number,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const id = nextId++;
      pendingBuilds.set(id, {
        resolve: () => {
          // Unless a newer build started, or onWorkerError moved us to the main thread meanwhile.
          if (worker === w && seq === buildSeq) {
            mode = 'worker';
            mainIndex = undefined;
          }
          resolve();
        },
        reject,
      });
      w.postMessage({ type: 'build', id, version: buildVersion, docs: input });
    });
  }

  return {
    get mode() {
      return mode;
    },

    build(input, nextVersion) {
      if (nextVersion === version) return ready;
      version = nextVersion;
      docs = input.map(toSearchDoc);
      building = true;
      const seq = ++buildSeq;
      const w = docs.length >= threshold ? ensureWorker() : undefined;
      const thisBuild = (w ? buildInWorker(w, docs, nextVersion, seq) : buildOnMain(docs, seq)).finally(
        () => {
          // Only the latest build releases the waiting queries.
          if (seq === buildSeq) {
            building = false;
            pumpAll();
          }
        },
      );
      // Callers may fire and forget; queued searches then fail with the error, so it is not lost.
      thisBuild.catch((error: unknown) => console.warn('Search index build failed', error));
      ready = thisBuild;
      return thisBuild;
    },

    search(query, searchOptions = {}, control = {}) {
      return new Promise<SearchResult>((resolve, reject) => {
        const key = control.lane ?? laneOf(searchOptions);
        const lane = laneFor(key);
        const p: PendingSearch = {
          id: nextId++,
          query,
          options: searchOptions,
          lane: key,
          resolve,
          reject,
          stale: false,
        };
        const { signal } = control;
        if (signal?.aborted) {
          reject(abortError('Search aborted'));
          return;
        }
        signal?.addEventListener(
          'abort',
          () => {
            p.stale = true;
            if (lane.queued === p) {
              lane.queued = undefined;
              reject(abortError('Search aborted'));
            }
          },
          { once: true },
        );
        if (lane.queued) {
          lane.queued.stale = true;
          lane.queued.reject(abortError('Search superseded'));
        }
        if (lane.active) lane.active.stale = true;
        lane.queued = p;
        pump(key);
      });
    },

    dispose() {
      worker?.terminate();
      worker = undefined;
      for (const lane of lanes.values()) {
        lane.queued?.reject(abortError('Search client disposed'));
        lane.queued = undefined;
      }
      for (const p of inFlight.values()) p.reject(abortError('Search client disposed'));
      inFlight.clear();
      for (const b of pendingBuilds.values()) b.reject(abortError('Search client disposed'));
      pendingBuilds.clear();
      mode = 'none';
    },
  };
}

const clients = new WeakMap<object, SearchClient>();

/**
 * The search client of one article cache (one per QueryClient): one index per reader, kept
 * across navigation. Two embedded readers of different feeds on one page each get their own, so
 * neither rebuilds the other's index. In the browser every corpus is indexed in the worker: even
 * 40 articles cost a 400 ms main-thread task under Lighthouse's 4x CPU throttling (Intl.Segmenter
 * loads its Lao and Thai dictionaries on first use), exactly the blocking this module avoids.
 */
export function getSearchClient(owner: object): SearchClient {
  let client = clients.get(owner);
  if (!client) clients.set(owner, (client = createSearchClient({ workerThreshold: 0 })));
  return client;
}
