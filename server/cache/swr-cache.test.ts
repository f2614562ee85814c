// The DOM-free test environment cannot be chosen here yet: tests/setup.ts assumes a DOM for every file.
import { describe, expect, it, vi } from 'vitest';
import { SwrCache, type SwrCacheOptions } from './swr-cache.ts';

const SECOND = 1000;
const TTL = 60 * SECOND;
const SWR = 10 * 60 * SECOND;
const SIE = 24 * 60 * 60 * SECOND;

/** A cache on a clock the test moves by hand; values weigh their length. */
function setup(options: Partial<SwrCacheOptions<string>> = {}) {
  const clock = { t: 1_000_000 };
  const onBackgroundError = vi.fn<(key: string, error: unknown) => void>();
  const cache = new SwrCache<string>({
    maxBytes: 1000,
    ttlMs: TTL,
    staleWhileRevalidateMs: SWR,
    staleIfErrorMs: SIE,
    sizeOf: (value) => value.length,
    now: () => clock.t,
    onBackgroundError,
    ...options,
  });
  return { cache, clock, onBackgroundError };
}

/** A load the test resolves or rejects when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets started loads and their callbacks run (a turn of the event loop, not a wait for time). */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const down = new Error('WordPress is down');
const failing = () => Promise.reject(down);

describe('SwrCache: freshness', () => {
  it('loads on a miss and answers HIT while fresh, with the age in whole seconds', async () => {
    const { cache, clock } = setup();
    const load = vi.fn(() => Promise.resolve('page v1'));
    const first = await cache.get('/a', load);
    expect(first).toMatchObject({ value: 'page v1', status: 'MISS', age: 0, storedAt: 1_000_000 });
    expect(first.error).toBeUndefined();

    clock.t += TTL - 1;
    const hit = await cache.get('/a', load);
    expect(hit).toMatchObject({ value: 'page v1', status: 'HIT', age: 59, storedAt: 1_000_000 });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('at the end of the TTL answers the stale value at once and refreshes it once in the background', async () => {
    const { cache, clock } = setup();
    await cache.get('/a', () => Promise.resolve('v1'));
    clock.t += TTL;
    const refresh = deferred<string>();
    const load = vi.fn(() => refresh.promise);

    const answers = await Promise.all(Array.from({ length: 20 }, () => cache.get('/a', load)));
    expect(answers.map((a) => `${a.status} ${a.value}`)).toEqual(Array(20).fill('STALE v1'));
    expect(answers[0]?.error).toBeUndefined();
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(cache.stats().inFlight).toBe(1);

    clock.t += 5 * SECOND;
    refresh.resolve('v2');
    await settle();
    expect(cache.stats().inFlight).toBe(0);
    const after = await cache.get('/a', load);
    expect(after).toMatchObject({
      value: 'v2',
      status: 'HIT',
      age: 0,
      storedAt: 1_000_000 + TTL + 5 * SECOND,
    });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keeps the old value when a background refresh fails, and says so once', async () => {
    const { cache, clock, onBackgroundError } = setup({ errorBackoffMs: 2 * SECOND });
    await cache.get('/a', () => Promise.resolve('v1'));
    clock.t += TTL + SECOND;
    const load = vi.fn(failing);

    await Promise.all([cache.get('/a', load), cache.get('/a', load), cache.get('/a', load)]);
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(onBackgroundError).toHaveBeenCalledTimes(1);
    expect(onBackgroundError).toHaveBeenCalledWith('/a', down);

    // Within the backoff no new refresh is tried; the old value is still answered.
    clock.t += SECOND;
    expect(await cache.get('/a', load)).toMatchObject({ value: 'v1', status: 'STALE', age: 62 });
    await settle();
    expect(load).toHaveBeenCalledTimes(1);

    // After it, the next stale answer tries again.
    clock.t += SECOND;
    const recover = vi.fn(() => Promise.resolve('v2'));
    expect(await cache.get('/a', recover)).toMatchObject({ value: 'v1', status: 'STALE' });
    await settle();
    expect(recover).toHaveBeenCalledTimes(1);
    expect(await cache.get('/a', recover)).toMatchObject({ value: 'v2', status: 'HIT' });
  });

  it('a per-value TTL, fixed or chosen by the loaded value, makes that value stale sooner', async () => {
    const { cache, clock } = setup();
    const ttlMs = (page: string) => (page.startsWith('404') ? 5 * SECOND : TTL);
    await cache.get('/missing', () => Promise.resolve('404 page'), { ttlMs });
    await cache.get('/a', () => Promise.resolve('page'), { ttlMs });
    await cache.get('/short', () => Promise.resolve('page'), { ttlMs: 5 * SECOND });
    const reload = vi.fn(() => Promise.resolve('reloaded'));
    clock.t += 5 * SECOND - 1;
    expect((await cache.get('/missing', reload)).status).toBe('HIT');
    clock.t += 1;
    expect((await cache.get('/missing', failing)).status).toBe('STALE');
    expect((await cache.get('/short', failing)).status).toBe('STALE');
    expect((await cache.get('/a', reload)).status).toBe('HIT');
    expect(reload).not.toHaveBeenCalled();
    await expect(cache.get('/x', () => Promise.resolve('v'), { ttlMs: -1 })).rejects.toThrow(RangeError);
  });

  it("counts the stale-while-revalidate window from the value's own TTL", async () => {
    const { cache, clock } = setup({ errorBackoffMs: 0 });
    await cache.get('/short', () => Promise.resolve('v1'), { ttlMs: 5 * SECOND });
    await cache.get('/long', () => Promise.resolve('v1'));
    clock.t += 5 * SECOND + SWR;
    const reload = () => Promise.resolve('v2');
    expect(await cache.get('/short', reload)).toMatchObject({ value: 'v2', status: 'MISS' });
    expect(await cache.get('/long', reload)).toMatchObject({ value: 'v1', status: 'STALE' });
  });
});

describe('SwrCache: stale-if-error', () => {
  it('after the stale-while-revalidate window waits for a fresh value', async () => {
    const { cache, clock } = setup();
    await cache.get('/a', () => Promise.resolve('v1'));
    clock.t += TTL + SWR;
    const load = vi.fn(() => Promise.resolve('v2'));
    expect(await cache.get('/a', load)).toMatchObject({ value: 'v2', status: 'MISS', age: 0 });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('answers the last good value with the error when that load fails, and stops asking during the backoff', async () => {
    const { cache, clock, onBackgroundError } = setup({ errorBackoffMs: 2 * SECOND });
    await cache.get('/a', () => Promise.resolve('last good'));
    clock.t += TTL + SWR + SECOND;
    const load = vi.fn(failing);

    const answer = await cache.get('/a', load);
    expect(answer).toMatchObject({
      value: 'last good',
      status: 'STALE',
      error: down,
      age: (TTL + SWR + SECOND) / SECOND,
    });
    expect(onBackgroundError).not.toHaveBeenCalled();

    clock.t += SECOND;
    expect(await cache.get('/a', load)).toMatchObject({ value: 'last good', status: 'STALE', error: down });
    expect(load).toHaveBeenCalledTimes(1);

    clock.t += SECOND;
    expect(await cache.get('/a', load)).toMatchObject({ value: 'last good', status: 'STALE', error: down });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('ends at TTL + staleIfErrorMs: then a failure is thrown', async () => {
    const { cache, clock } = setup({ errorBackoffMs: 0 });
    await cache.get('/a', () => Promise.resolve('last good'));
    clock.t += TTL + SIE - 1;
    expect((await cache.get('/a', failing)).value).toBe('last good');
    clock.t += 1;
    await expect(cache.get('/a', failing)).rejects.toBe(down);
    expect(cache.peek('/a')).toBeUndefined();
    expect(cache.stats().entries).toBe(0);
  });

  it('gives no fallback past the stale-while-revalidate window when staleIfErrorMs is not longer', async () => {
    const { cache, clock } = setup({ staleIfErrorMs: SWR, errorBackoffMs: 0 });
    await cache.get('/a', () => Promise.resolve('v1'));
    clock.t += TTL + SWR - 1;
    expect((await cache.get('/a', failing)).status).toBe('STALE');
    await settle();
    clock.t += 1;
    await expect(cache.get('/a', failing)).rejects.toBe(down);
  });
});

describe('SwrCache: single-flight', () => {
  it('100 simultaneous misses for one key make one load and all get the same value', async () => {
    const { cache } = setup();
    const page = deferred<string>();
    const load = vi.fn(() => page.promise);
    const gets = Array.from({ length: 100 }, () => cache.get('/a', load));
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(cache.stats().inFlight).toBe(1);
    page.resolve('the page');
    const answers = await Promise.all(gets);
    expect(new Set(answers.map((a) => `${a.status} ${a.value}`))).toEqual(new Set(['MISS the page']));
    expect(cache.stats()).toMatchObject({ loads: 1, misses: 100, inFlight: 0, entries: 1 });
  });

  it('100 simultaneous misses share one failure too, even when the load throws before returning a promise', async () => {
    const { cache } = setup();
    const load = vi.fn((): Promise<string> => {
      throw down;
    });
    const results = await Promise.allSettled(Array.from({ length: 100 }, () => cache.get('/a', load)));
    expect(load).toHaveBeenCalledTimes(1);
    expect(results.every((r) => r.status === 'rejected' && r.reason === down)).toBe(true);
    expect(cache.stats()).toMatchObject({ loads: 1, errors: 1, entries: 0, inFlight: 0 });
  });

  it('keeps different keys apart', async () => {
    const { cache } = setup();
    const [a, b] = await Promise.all([
      cache.get('/a', () => Promise.resolve('A')),
      cache.get('/b', () => Promise.resolve('B')),
    ]);
    expect([a.value, b.value]).toEqual(['A', 'B']);
    expect(cache.stats().loads).toBe(2);
  });
});

describe('SwrCache: errors are not cached', () => {
  it('a miss within the backoff fails fast with the same error; after it the key is loaded again', async () => {
    const { cache, clock } = setup({ errorBackoffMs: 2 * SECOND });
    await expect(cache.get('/a', failing)).rejects.toBe(down);
    const load = vi.fn(() => Promise.resolve('back'));
    clock.t += 2 * SECOND - 1;
    await expect(cache.get('/a', load)).rejects.toBe(down);
    expect(load).not.toHaveBeenCalled();
    clock.t += 1;
    expect(await cache.get('/a', load)).toMatchObject({ value: 'back', status: 'MISS' });
    expect(await cache.get('/a', load)).toMatchObject({ value: 'back', status: 'HIT' });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('backs off for 2 seconds by default, and not at all with errorBackoffMs 0', async () => {
    const byDefault = setup({ errorBackoffMs: undefined });
    await expect(byDefault.cache.get('/a', failing)).rejects.toBe(down);
    byDefault.clock.t += 1999;
    await expect(byDefault.cache.get('/a', () => Promise.resolve('x'))).rejects.toBe(down);
    byDefault.clock.t += 1;
    expect((await byDefault.cache.get('/a', () => Promise.resolve('x'))).value).toBe('x');

    const never = setup({ errorBackoffMs: 0 });
    await expect(never.cache.get('/a', failing)).rejects.toBe(down);
    expect((await never.cache.get('/a', () => Promise.resolve('y'))).value).toBe('y');
  });

  it('a failure of one key does not hold back another', async () => {
    const { cache } = setup();
    await expect(cache.get('/a', failing)).rejects.toBe(down);
    expect((await cache.get('/b', () => Promise.resolve('B'))).value).toBe('B');
  });
});

describe('SwrCache: bounded by bytes', () => {
  it('evicts the least recently used values first and never holds more than maxBytes', async () => {
    const { cache } = setup({ maxBytes: 10 });
    await cache.get('/a', () => Promise.resolve('aaaa'));
    await cache.get('/b', () => Promise.resolve('bbbb'));
    await cache.get('/a', failing); // a HIT: /a is now more recent than /b
    await cache.get('/c', () => Promise.resolve('cccc'));
    expect(cache.peek('/b')).toBeUndefined();
    expect(cache.peek('/a')?.value).toBe('aaaa');
    expect(cache.peek('/c')?.value).toBe('cccc');
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 8, maxBytes: 10, evictions: 1 });

    await cache.get('/d', () => Promise.resolve('dddddddd'));
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 8, evictions: 3 });
  });

  it('answers a value larger than maxBytes without storing it', async () => {
    const { cache } = setup({ maxBytes: 10 });
    await cache.get('/small', () => Promise.resolve('ssss'));
    const load = vi.fn(() => Promise.resolve('x'.repeat(11)));
    expect(await cache.get('/big', load)).toMatchObject({ value: 'x'.repeat(11), status: 'MISS' });
    expect(await cache.get('/big', load)).toMatchObject({ status: 'MISS' });
    expect(load).toHaveBeenCalledTimes(2);
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 4, evictions: 0 });
    expect(cache.peek('/small')?.value).toBe('ssss');
  });
});

describe('SwrCache: peek, delete, clear, stats', () => {
  it('peek neither loads nor counts as a use', async () => {
    const { cache, clock } = setup({ maxBytes: 8 });
    expect(cache.peek('/a')).toBeUndefined();
    await cache.get('/a', () => Promise.resolve('aaaa'));
    await cache.get('/b', () => Promise.resolve('bbbb'));
    expect(cache.peek('/a')).toMatchObject({ value: 'aaaa', status: 'HIT' });
    await cache.get('/c', () => Promise.resolve('cccc'));
    expect(cache.peek('/a')).toBeUndefined();
    clock.t += TTL;
    expect(cache.peek('/c')).toMatchObject({ status: 'STALE', age: 60 });
    expect(cache.stats()).toMatchObject({ hits: 0, loads: 3 });
  });

  it('a delete during a load keeps that load from storing its (older) value', async () => {
    const { cache } = setup();
    const slow = deferred<string>();
    const pending = cache.get('/a', () => slow.promise);
    await settle();
    expect(cache.delete('/a')).toBe(false); // nothing stored yet, but the load is forgotten
    expect(cache.stats().inFlight).toBe(0);
    expect((await cache.get('/a', () => Promise.resolve('after purge'))).value).toBe('after purge');
    slow.resolve('before purge');
    expect((await pending).value).toBe('before purge');
    expect(await cache.get('/a', failing)).toMatchObject({ value: 'after purge', status: 'HIT' });
    expect(cache.delete('/a')).toBe(true);
    expect(cache.peek('/a')).toBeUndefined();
  });

  it('delete forgets a remembered failure', async () => {
    const { cache } = setup();
    await expect(cache.get('/a', failing)).rejects.toBe(down);
    cache.delete('/a');
    expect((await cache.get('/a', () => Promise.resolve('ok'))).value).toBe('ok');
  });

  it('clear empties the store and counts each answer by its status', async () => {
    const { cache, clock } = setup({ errorBackoffMs: 0 });
    await cache.get('/a', () => Promise.resolve('aaaa')); // miss
    await cache.get('/a', failing); // hit
    clock.t += TTL;
    await cache.get('/a', failing); // stale, background error
    await settle();
    await expect(cache.get('/b', failing)).rejects.toBe(down); // miss
    expect(cache.stats()).toEqual({
      entries: 1,
      bytes: 4,
      maxBytes: 1000,
      hits: 1,
      stale: 1,
      misses: 2,
      loads: 3,
      errors: 2,
      evictions: 0,
      inFlight: 0,
    });
    cache.clear();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
    expect(cache.peek('/a')).toBeUndefined();
  });

  it('refuses options that make no sense', () => {
    const base = { maxBytes: 10, ttlMs: 1, staleWhileRevalidateMs: 0, staleIfErrorMs: 0, sizeOf: () => 1 };
    expect(() => new SwrCache({ ...base, maxBytes: 0 })).toThrow(RangeError);
    expect(() => new SwrCache({ ...base, ttlMs: -1 })).toThrow(RangeError);
    expect(() => new SwrCache({ ...base, staleIfErrorMs: Number.NaN })).toThrow(RangeError);
    expect(() => new SwrCache({ ...base, errorBackoffMs: -5 })).toThrow(RangeError);
  });
});

describe('SwrCache: allowStale false (a page refreshing its sources)', () => {
  it('waits for a fresh value inside the stale-while-revalidate window', async () => {
    const { cache, clock } = setup();
    await cache.get('/feed', () => Promise.resolve('v1'));
    clock.t += TTL + SECOND;
    const fresh = await cache.get('/feed', () => Promise.resolve('v2'), { allowStale: false });
    expect(fresh).toMatchObject({ value: 'v2', status: 'MISS' });
    expect((await cache.get('/feed', failing)).value).toBe('v2');
  });

  it('still answers the stale value when that load fails, and a fresh value is answered as HIT', async () => {
    const { cache, clock } = setup({ staleIfErrorMs: 0 });
    await cache.get('/feed', () => Promise.resolve('v1'));
    expect(await cache.get('/feed', failing, { allowStale: false })).toMatchObject({ value: 'v1', status: 'HIT' });
    clock.t += TTL + SECOND;
    const answer = await cache.get('/feed', failing, { allowStale: false });
    expect(answer).toMatchObject({ value: 'v1', status: 'STALE', error: down });
  });
});
