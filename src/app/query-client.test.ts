import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from './query-client.ts';
import { FeedError, type FeedErrorKind } from '../lib/errors.ts';

const URL = 'https://news.example/data/feed.json';

/** Run one query with the app's client under fake timers; report attempts and when they started. */
async function attempts(error: Error): Promise<{ count: number; at: number[]; settled: 'error' | 'success' }> {
  vi.useFakeTimers();
  const client = createQueryClient();
  const at: number[] = [];
  const start = Date.now();
  const queryFn = () => {
    at.push(Date.now() - start);
    throw error;
  };
  const promise = client
    .fetchQuery({ queryKey: ['attempts'], queryFn })
    .then(
      () => 'success' as const,
      () => 'error' as const,
    );
  await vi.advanceTimersByTimeAsync(60_000);
  const settled = await promise;
  client.clear();
  return { count: at.length, at, settled };
}

const feedError = (kind: FeedErrorKind, status?: number) => new FeedError(kind, URL, kind, status);

afterEach(() => {
  vi.useRealTimers();
});

describe('createQueryClient: retries', () => {
  it.each([
    ['a network error', feedError('network')],
    ['a timeout', feedError('timeout')],
    ['a 500', feedError('http', 500)],
    ['a 503', feedError('http', 503)],
  ])('retries %s 3 times with growing delays (1 s, 2 s, 4 s), then gives up', async (_label, error) => {
    const r = await attempts(error);
    expect(r.settled).toBe('error');
    expect(r.count).toBe(4);
    expect(r.at).toEqual([0, 1000, 3000, 7000]);
  });

  it.each([
    ['a 404', feedError('http', 404)],
    ['a 403', feedError('http', 403)],
    ['an HTML page', feedError('not-json')],
    ['a truncated file', feedError('truncated')],
    ['a file of the wrong shape', feedError('shape')],
    ['a file that is too large', feedError('too-large')],
    ['a bug (not a FeedError)', new TypeError('x is undefined')],
  ])('does not retry %s', async (_label, error) => {
    const r = await attempts(error);
    expect(r.settled).toBe('error');
    expect(r.count).toBe(1);
  });
});
