/**
 * The app's door to search: builds the index in a Web Worker (or on the main thread for small
 * corpora, < 300 articles, and where Worker does not exist, as in jsdom tests) and answers queries
 * asynchronously.
 *
 * - Queries sent before or during a build wait for it, then run against the new index.
 * - Latest query wins, per lane (search-lanes.ts). By default the lane is the options object, so
 *   the header's suggestions and the search page, which use different options, do not cancel
 *   each other.
 */
import type { SearchDoc, SearchIndex, SearchOptions, SearchResult } from '../engine/types.ts';
import type { SearchRequest, SearchResponse } from './search-protocol.ts';
import { abortError, laneOf, SearchLanes, type Outcome, type PendingSearch } from './search-lanes.ts';
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

interface PendingBuild {
  resolve: () => void;
  reject: (error: unknown) => void;
}

class WorkerSearchClient implements SearchClient {
  private where: 'none' | 'main' | 'worker' = 'none';
  private version: string | undefined;
  private docs: SearchDoc[] = [];
  private building = false;
  /** Increments per build; a build's completion only takes effect if it is still the latest. */
  private buildSeq = 0;
  private ready: Promise<void> = Promise.resolve();
  private mainIndex: SearchIndex | undefined;
  private worker: WorkerLike | undefined;
  private workerFailed = false;
  private nextId = 1;
  private readonly inFlight = new Map<number, PendingSearch>();
  private readonly pendingBuilds = new Map<number, PendingBuild>();
  private readonly lanes = new SearchLanes(
    () => !this.building && this.version !== undefined,
    (p) => this.dispatch(p),
  );

  constructor(
    private readonly threshold: number,
    private readonly createWorker: (() => WorkerLike) | undefined,
  ) {}

  get mode(): 'none' | 'main' | 'worker' {
    return this.where;
  }

  build(input: readonly SearchDoc[], nextVersion: string): Promise<void> {
    if (nextVersion === this.version) return this.ready;
    this.version = nextVersion;
    this.docs = input.map(toSearchDoc);
    this.building = true;
    const seq = ++this.buildSeq;
    const w = this.docs.length >= this.threshold ? this.ensureWorker() : undefined;
    const started = w ? this.buildInWorker(w, this.docs, nextVersion, seq) : this.buildOnMain(this.docs, seq);
    const thisBuild = started.finally(() => {
      // Only the latest build releases the waiting queries.
      if (seq === this.buildSeq) {
        this.building = false;
        this.lanes.pumpAll();
      }
    });
    // Callers may fire and forget; queued searches then fail with the error, so it is not lost.
    thisBuild.catch((error: unknown) => console.warn('Search index build failed', error));
    this.ready = thisBuild;
    return thisBuild;
  }

  search(query: string, options: SearchOptions = {}, control: SearchControl = {}): Promise<SearchResult> {
    return new Promise<SearchResult>((resolve, reject) => {
      const lane = control.lane ?? laneOf(options);
      const p: PendingSearch = { id: this.nextId++, query, options, lane, resolve, reject, stale: false };
      this.lanes.enqueue(p, control.signal);
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.lanes.rejectQueued('Search client disposed');
    for (const p of this.inFlight.values()) p.reject(abortError('Search client disposed'));
    this.inFlight.clear();
    for (const b of this.pendingBuilds.values()) b.reject(abortError('Search client disposed'));
    this.pendingBuilds.clear();
    this.where = 'none';
  }

  private settle(p: PendingSearch, outcome: Outcome): void {
    this.lanes.settle(p, outcome);
  }

  private dispatch(p: PendingSearch): void {
    if (this.where === 'worker' && this.worker) {
      this.inFlight.set(p.id, p);
      this.worker.postMessage({ type: 'search', id: p.id, query: p.query, options: p.options });
      return;
    }
    // Main thread: still asynchronous, so callers see the same contract either way.
    queueMicrotask(() => {
      if (!this.mainIndex) {
        this.settle(p, { error: new Error('The search index is not built') });
        return;
      }
      try {
        this.settle(p, { result: this.mainIndex.search(p.query, p.options) });
      } catch (error) {
        this.settle(p, { error });
      }
    });
  }

  private buildOnMain(input: SearchDoc[], seq: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      // A task, not a microtask: let the caller's render finish first.
      setTimeout(() => {
        loadEngine()
          .then(async ({ buildSearchIndex }) => {
            // A newer build has started meanwhile: skip the work.
            if (seq !== this.buildSeq) {
              resolve();
              return;
            }
            const built = await buildSearchIndex(input);
            if (seq === this.buildSeq) {
              this.mainIndex = built;
              this.where = 'main';
            }
            resolve();
          }, reject)
          .catch(reject);
      }, 0);
    });
  }

  private buildInWorker(w: WorkerLike, input: SearchDoc[], buildVersion: string, seq: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const id = this.nextId++;
      this.pendingBuilds.set(id, {
        resolve: () => {
          // Unless a newer build started, or onWorkerError moved us to the main thread meanwhile.
          if (this.worker === w && seq === this.buildSeq) {
            this.where = 'worker';
            this.mainIndex = undefined;
          }
          resolve();
        },
        reject,
      });
      w.postMessage({ type: 'build', id, version: buildVersion, docs: input });
    });
  }

  private ensureWorker(): WorkerLike | undefined {
    if (this.worker || this.workerFailed || !this.createWorker) return this.worker;
    try {
      const worker = this.createWorker();
      worker.onmessage = (event) => this.onWorkerMessage(event);
      worker.onerror = (event) => {
        event.preventDefault?.();
        this.onWorkerError();
      };
      this.worker = worker;
    } catch {
      this.workerFailed = true;
      this.worker = undefined;
    }
    return this.worker;
  }

  private onWorkerMessage(event: MessageEvent<SearchResponse>): void {
    const message = event.data;
    if (message.type === 'built' || (message.type === 'error' && this.pendingBuilds.has(message.id))) {
      const build = this.pendingBuilds.get(message.id);
      this.pendingBuilds.delete(message.id);
      if (message.type === 'built') build?.resolve();
      else build?.reject(new Error(message.message));
      return;
    }
    const p = this.inFlight.get(message.id);
    if (!p) return;
    this.inFlight.delete(message.id);
    if (message.type === 'result') this.settle(p, { result: message.result });
    else this.settle(p, { error: new Error(message.message) });
  }

  /** The worker died or never loaded: carry on in the main thread with the same documents. */
  private onWorkerError(): void {
    this.workerFailed = true;
    this.worker?.terminate();
    this.worker = undefined;
    const builds = [...this.pendingBuilds.values()];
    this.pendingBuilds.clear();
    const searches = [...this.inFlight.values()];
    this.inFlight.clear();
    loadEngine()
      .then(({ buildSearchIndex }) => buildSearchIndex(this.docs))
      .then((built) => {
        this.mainIndex = built;
        this.where = 'main';
        builds.forEach((b) => b.resolve());
        searches.forEach((p) => this.dispatch(p));
      })
      .catch((error: unknown) => {
        builds.forEach((b) => b.reject(error));
        searches.forEach((p) => this.settle(p, { error }));
      });
  }
}

export function createSearchClient(options: SearchClientOptions = {}): SearchClient {
  const createWorker =
    options.createWorker ?? (typeof Worker === 'undefined' ? undefined : defaultCreateWorker);
  return new WorkerSearchClient(options.workerThreshold ?? DEFAULT_WORKER_THRESHOLD, createWorker);
}

const clients = new WeakMap<object, SearchClient>();

/**
 * The search client of one article cache (one per QueryClient): one index per reader, kept
 * across navigation. Two embedded readers of different feeds on one page each get their own, so
 * neither rebuilds the other's index. In the browser every corpus is indexed in the worker: even
 * a few dozen articles cost a long main-thread task on a slow phone (Intl.Segmenter loads its Lao
 * and Thai dictionaries on first use), exactly the blocking this module avoids.
 */
export function getSearchClient(owner: object): SearchClient {
  let client = clients.get(owner);
  if (!client) clients.set(owner, (client = createSearchClient({ workerThreshold: 0 })));
  return client;
}
