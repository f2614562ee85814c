/*
 * The server's cache of source responses and rendered pages: byte-bounded LRU, TTL,
 * stale-while-revalidate, single-flight and stale-if-error, in one process. The windows are the
 * ones HTTP's Cache-Control names (RFC 5861), counted from the moment a value turns stale:
 *
 *   age < ttl                        HIT: answered from the cache.
 *   ttl ≤ age < ttl + swr            STALE: answered at once; one refresh runs in the background.
 *   ttl + swr ≤ age < ttl + sie      the request waits for a fresh load; if that fails, the old
 *                                    value is answered (STALE, with `error`): the CMS is down,
 *                                    readers still get the last good page.
 *   beyond both                      a miss: load, or throw what the load threw.
 *
 * Errors are never cached as values. A failed load is remembered for `errorBackoffMs` so that a
 * down CMS gets one request per key per backoff instead of one per reader; meanwhile misses fail
 * fast and stale values are answered without a new attempt.
 *
 * Why lru-cache is not under this: docs/decisions/064-server-cache.md.
 */
import { ByteLru } from './byte-lru.ts';

export type CacheStatus = 'HIT' | 'STALE' | 'MISS';

export interface CacheResult<T> {
  value: T;
  status: CacheStatus;
  /** Whole seconds since the value was loaded, as HTTP's `Age` header wants them. */
  age: number;
  /** When the value was loaded, in milliseconds on the cache's clock. */
  storedAt: number;
  /** Set when the value is answered because a load failed (stale-if-error): that failure. */
  error?: unknown;
}

export interface SwrCacheOptions<T> {
  /** Upper bound of the sum of `sizeOf` over the stored values. */
  maxBytes: number;
  /** How long a value is fresh; `get` can shorten or lengthen it per value. */
  ttlMs: number;
  /** How long after turning stale a value is answered at once while it is refreshed. */
  staleWhileRevalidateMs: number;
  /** How long after turning stale a value is answered when its refresh fails. */
  staleIfErrorMs: number;
  /** A value's weight in bytes (for pages and JSON bodies, their UTF-8 length). */
  sizeOf: (value: T) => number;
  /** The clock, in milliseconds; tests move it by hand. Default `Date.now`. */
  now?: () => number;
  /** How long after a failed load the key is not loaded again (misses fail fast). Default 2000; 0 turns it off. */
  errorBackoffMs?: number;
  /** Hears of background refreshes that failed; the stale value stays and is answered meanwhile. */
  onBackgroundError?: (key: string, error: unknown) => void;
}

export interface GetOptions<T> {
  /**
   * This value's freshness instead of the cache's `ttlMs`; a function of the loaded value when
   * only the value can tell (a rendered 404 page is kept for less time than an article).
   */
  ttlMs?: number | ((value: T) => number);
  /**
   * false: a stale value within the stale-while-revalidate window is not answered at once; the
   * caller waits for a fresh load (and still gets the stale value if that fails). For a page
   * being refreshed in the background, whose sources must not answer it with their own stale
   * copies. Default true.
   */
  allowStale?: boolean;
}

type Ttl<T> = number | ((value: T) => number);

export interface CacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  /** `get`s answered HIT. */
  hits: number;
  /** `get`s answered STALE, with or without `error`. */
  stale: number;
  /** `get`s answered MISS, or rejected. */
  misses: number;
  /** Calls of a `load` function. */
  loads: number;
  /** Loads that failed. */
  errors: number;
  /** Values pushed out to make room (not deletes, expiries or replacements). */
  evictions: number;
  /** Loads under way. */
  inFlight: number;
}

interface Entry<T> {
  value: T;
  storedAt: number;
  ttlMs: number;
}

interface Failure {
  error: unknown;
  until: number;
}

const DEFAULT_ERROR_BACKOFF_MS = 2000;

function duration(name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`${name} must be a number of milliseconds ≥ 0, got ${value}`);
  }
  return value;
}

export class SwrCache<T> {
  readonly #store: ByteLru<Entry<T>>;
  readonly #inFlight = new Map<string, Promise<Entry<T>>>();
  /** In the order the failures happened, so the expired ones are always at the front. */
  readonly #failures = new Map<string, Failure>();
  readonly #ttlMs: number;
  readonly #swrMs: number;
  readonly #sieMs: number;
  readonly #errorBackoffMs: number;
  readonly #sizeOf: (value: T) => number;
  readonly #now: () => number;
  readonly #onBackgroundError: ((key: string, error: unknown) => void) | undefined;
  #hits = 0;
  #stale = 0;
  #misses = 0;
  #loads = 0;
  #errors = 0;
  #evictions = 0;

  constructor(options: SwrCacheOptions<T>) {
    this.#store = new ByteLru<Entry<T>>(options.maxBytes, () => this.#evictions++);
    this.#ttlMs = duration('ttlMs', options.ttlMs);
    this.#swrMs = duration('staleWhileRevalidateMs', options.staleWhileRevalidateMs);
    this.#sieMs = duration('staleIfErrorMs', options.staleIfErrorMs);
    this.#errorBackoffMs = duration('errorBackoffMs', options.errorBackoffMs ?? DEFAULT_ERROR_BACKOFF_MS);
    this.#sizeOf = options.sizeOf;
    this.#now = options.now ?? Date.now;
    this.#onBackgroundError = options.onBackgroundError;
  }

  /**
   * The value for `key`: from the cache when the windows above allow, else from `load`, which
   * concurrent callers for the same key share (single-flight: the first caller's `load` and
   * `ttlMs` are the ones used). Rejects with the load's error when there is nothing to fall back on.
   */
  async get(key: string, load: () => Promise<T>, options: GetOptions<T> = {}): Promise<CacheResult<T>> {
    const ttlMs = options.ttlMs ?? this.#ttlMs;
    if (typeof ttlMs === 'number') duration('ttlMs', ttlMs);
    const now = this.#now();
    const entry = this.#store.get(key);
    if (entry !== undefined) {
      const age = now - entry.storedAt;
      if (age < entry.ttlMs) {
        this.#hits++;
        return this.#result(entry, 'HIT', now);
      }
      if (age < entry.ttlMs + this.#swrMs && options.allowStale !== false) {
        this.#stale++;
        if (!this.#inFlight.has(key) && this.#failure(key, now) === undefined) {
          this.#refresh(key, load, ttlMs);
        }
        return this.#result(entry, 'STALE', now);
      }
      if (age < entry.ttlMs + Math.max(this.#sieMs, options.allowStale === false ? this.#swrMs : 0)) {
        const failure = this.#failure(key, now);
        if (failure !== undefined) {
          this.#stale++;
          return { ...this.#result(entry, 'STALE', now), error: failure.error };
        }
        try {
          const fresh = await this.#load(key, load, ttlMs);
          this.#misses++;
          return this.#result(fresh, 'MISS', this.#now());
        } catch (error) {
          this.#stale++;
          return { ...this.#result(entry, 'STALE', this.#now()), error };
        }
      }
      // Past every window: the value may not be answered any more, so it need not hold bytes.
      this.#store.delete(key);
    }
    this.#misses++;
    const failure = this.#failure(key, now);
    if (failure !== undefined) throw failure.error;
    return this.#result(await this.#load(key, load, ttlMs), 'MISS', this.#now());
  }

  /** What `get` would answer from the cache now, without loading or counting as a use. */
  peek(key: string): CacheResult<T> | undefined {
    const entry = this.#store.peek(key);
    if (entry === undefined) return undefined;
    const now = this.#now();
    const age = now - entry.storedAt;
    if (age >= entry.ttlMs + Math.max(this.#swrMs, this.#sieMs)) return undefined;
    return this.#result(entry, age < entry.ttlMs ? 'HIT' : 'STALE', now);
  }

  /**
   * Forgets the key: its value, its remembered failure, and any load under way, whose result is
   * then not stored, so that a purge after a publish is not undone by a load begun before it.
   */
  delete(key: string): boolean {
    this.#inFlight.delete(key);
    this.#failures.delete(key);
    return this.#store.delete(key);
  }

  clear(): void {
    this.#inFlight.clear();
    this.#failures.clear();
    this.#store.clear();
  }

  stats(): CacheStats {
    return {
      entries: this.#store.size,
      bytes: this.#store.bytes,
      maxBytes: this.#store.maxBytes,
      hits: this.#hits,
      stale: this.#stale,
      misses: this.#misses,
      loads: this.#loads,
      errors: this.#errors,
      evictions: this.#evictions,
      inFlight: this.#inFlight.size,
    };
  }

  #result(entry: Entry<T>, status: CacheStatus, now: number): CacheResult<T> {
    const age = Math.max(0, Math.floor((now - entry.storedAt) / 1000));
    return { value: entry.value, status, age, storedAt: entry.storedAt };
  }

  /** The key's load under way, or a new one. Only the key's current load may store or remember. */
  #load(key: string, load: () => Promise<T>, ttl: Ttl<T>): Promise<Entry<T>> {
    const pending = this.#inFlight.get(key);
    if (pending !== undefined) return pending;
    this.#loads++;
    const flight: Promise<Entry<T>> = Promise.resolve()
      .then(load)
      .then(
        (value) => {
          const ttlMs = duration('ttlMs', typeof ttl === 'number' ? ttl : ttl(value));
          const entry: Entry<T> = { value, storedAt: this.#now(), ttlMs };
          if (this.#inFlight.get(key) === flight) {
            this.#failures.delete(key);
            this.#store.set(key, entry, this.#sizeOf(value));
          }
          return entry;
        },
        (error: unknown) => {
          this.#errors++;
          if (this.#inFlight.get(key) === flight) this.#remember(key, error);
          throw error;
        },
      )
      .finally(() => {
        if (this.#inFlight.get(key) === flight) this.#inFlight.delete(key);
      });
    this.#inFlight.set(key, flight);
    return flight;
  }

  #refresh(key: string, load: () => Promise<T>, ttlMs: Ttl<T>): void {
    this.#load(key, load, ttlMs).catch((error: unknown) => this.#onBackgroundError?.(key, error));
  }

  #remember(key: string, error: unknown): void {
    const now = this.#now();
    this.#failures.delete(key);
    this.#failures.set(key, { error, until: now + this.#errorBackoffMs });
    // Dropping the expired failures from the front bounds the map by the keys that failed within
    // one backoff, however many distinct URLs a crawler makes fail.
    for (const [oldest, failure] of this.#failures) {
      if (failure.until > now) break;
      this.#failures.delete(oldest);
    }
  }

  /** The key's failure while its backoff lasts. */
  #failure(key: string, now: number): Failure | undefined {
    const failure = this.#failures.get(key);
    if (failure === undefined || now < failure.until) return failure;
    this.#failures.delete(key);
    return undefined;
  }
}
