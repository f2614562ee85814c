import { describe, expect, it } from 'vitest';
import { http, HttpResponse, delay } from 'msw';
import { server } from '../../tests/mocks/server.ts';
import { fetchJson } from './http.ts';
import { FeedError } from './errors.ts';

const URL = 'http://localhost/data/feed.json';

async function failure(options: Parameters<typeof fetchJson>[1] = {}): Promise<FeedError> {
  try {
    await fetchJson(URL, options);
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('fetchJson did not fail');
}

const answer = (body: string, init?: ResponseInit) => server.use(http.get(URL, () => new HttpResponse(body, init)));

describe('fetchJson: every way a feed can be broken is a typed error naming the feed', () => {
  it('5xx: http, retryable', async () => {
    answer('oops', { status: 500, statusText: 'Internal Server Error' });
    const e = await failure();
    expect([e.kind, e.status, e.retryable, e.url]).toEqual(['http', 500, true, URL]);
    expect(e.message).toContain('500');
  });

  it('404: http, not retryable', async () => {
    answer('', { status: 404, statusText: 'Not Found' });
    const e = await failure();
    expect([e.kind, e.status, e.retryable]).toEqual(['http', 404, false]);
  });

  it('an HTML error page with status 200: not-json, says it is a web page', async () => {
    answer('<!DOCTYPE html><html><body><h1>Service unavailable</h1></body></html>', { headers: { 'Content-Type': 'text/html' } });
    const e = await failure();
    expect(e.kind).toBe('not-json');
    expect(e.message).toMatch(/web page/);
  });

  it('truncated JSON: truncated', async () => {
    answer(JSON.stringify({ version: 'x', items: [{ id: 1, title: 'a' }, { id: 2, title: 'b' }] }).slice(0, 40));
    expect((await failure()).kind).toBe('truncated');
  });

  it('an empty answer: not-json', async () => {
    answer('');
    expect((await failure()).kind).toBe('not-json');
  });

  it('10 MB of garbage: not-json, without hanging', async () => {
    const garbage = Array.from({ length: 10 * 1024 }, (_, i) => String.fromCharCode(33 + (i % 90)).repeat(1024)).join('');
    answer(garbage);
    expect((await failure()).kind).toBe('not-json');
  });

  it('larger than allowed (by Content-Length or by size): too-large', async () => {
    answer('{"items":[]}'.padEnd(2000, ' '), { headers: { 'Content-Length': '2000' } });
    expect((await failure({ maxBytes: 1000 })).kind).toBe('too-large');
  });

  it('no answer in time: timeout, retryable', async () => {
    server.use(
      http.get(URL, async () => {
        await delay(2000);
        return HttpResponse.json({ items: [] });
      }),
    );
    const e = await failure({ timeoutMs: 100 });
    expect([e.kind, e.retryable]).toEqual(['timeout', true]);
  });

  it('the connection fails: network, retryable', async () => {
    server.use(http.get(URL, () => HttpResponse.error()));
    const e = await failure();
    expect([e.kind, e.retryable]).toEqual(['network', true]);
  });

  it('cancelled by the caller: not a FeedError (nothing to show)', async () => {
    server.use(
      http.get(URL, async () => {
        await delay(2000);
        return HttpResponse.json({ items: [] });
      }),
    );
    const controller = new AbortController();
    const pending = fetchJson(URL, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.not.toBeInstanceOf(FeedError);
  });
});
