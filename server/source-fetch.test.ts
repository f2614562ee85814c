// The server's caching fetch: one upstream request for many callers, stale copies when the
// source fails, the site's own files from disk, and errors that keep their meaning.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createSourceFetch, fetchContext } from './source-fetch.ts';

const FEED = 'https://wp.example.org/wp-json/wp/v2/posts?per_page=5';

function setup(upstream: (url: string) => Promise<Response>, ttlMs = 60_000) {
  const realFetch = vi.fn((input: RequestInfo | URL) => upstream(String(input)));
  const dist = mkdtempSync(join(tmpdir(), 'source-fetch-'));
  const sources = createSourceFetch({
    distDir: dist,
    ttlMs,
    staleWhileRevalidateMs: 0,
    staleIfErrorMs: 60 * 60_000,
    maxBytes: 1024 * 1024,
    realFetch: realFetch as unknown as typeof fetch,
  });
  return { sources, realFetch, dist };
}

describe('the server source fetch', () => {
  it('makes one upstream request for 100 simultaneous callers, and keeps status and headers', async () => {
    const { sources, realFetch } = setup(async () => {
      await new Promise((r) => setTimeout(r, 20));
      return new Response('[{"id":1}]', { status: 200, headers: { 'x-wp-total': '42', 'content-type': 'application/json' } });
    });
    const answers = await Promise.all(Array.from({ length: 100 }, () => sources.fetch(FEED)));
    expect(realFetch).toHaveBeenCalledTimes(1);
    for (const r of answers) {
      expect(r.status).toBe(200);
      expect(r.headers.get('x-wp-total')).toBe('42');
      expect(await r.json()).toEqual([{ id: 1 }]);
    }
  });

  it('answers the last good copy when the source fails later (stale-if-error), and says so in health', async () => {
    let up = true;
    const { sources, realFetch } = setup(async () => {
      if (!up) throw new TypeError('fetch failed: connect ECONNREFUSED');
      return new Response('"v1"', { status: 200 });
    }, 0);
    expect(await (await sources.fetch(FEED)).json()).toBe('v1');
    up = false;
    const stale = await sources.fetch(FEED);
    expect(stale.status).toBe(200);
    expect(await stale.json()).toBe('v1');
    expect(realFetch).toHaveBeenCalledTimes(2);
    const [health] = sources.health();
    expect(health?.lastError).toBeTruthy();
    expect(health?.lastErrorMessage).toMatch(/ECONNREFUSED/);
  });

  it('does not keep a 5xx; with nothing cached the caller sees the status, so the app reports it', async () => {
    const { sources } = setup(async () => new Response('<h1>Error establishing a database connection</h1>', { status: 500 }));
    const response = await sources.fetch(FEED);
    expect(response.status).toBe(500);
    expect(sources.cache.stats().entries).toBe(0);
  });

  it('keeps a 404 (an article that does not exist is an answer, not a failure)', async () => {
    const { sources, realFetch } = setup(async () => new Response('{"code":"rest_post_invalid_id"}', { status: 404 }));
    expect((await sources.fetch(FEED)).status).toBe(404);
    expect((await sources.fetch(FEED)).status).toBe(404);
    expect(realFetch).toHaveBeenCalledTimes(1);
  });

  it("reads the site's own files from dist/ (never over the network) and refuses paths outside it", async () => {
    const { sources, realFetch, dist } = setup(async () => new Response('network', { status: 200 }));
    writeFileSync(join(dist, 'feed.json'), '{"version":"https://jsonfeed.org/version/1.1"}');
    await fetchContext.run({ siteOrigin: 'https://news.example.org' }, async () => {
      const own = await sources.fetch('https://news.example.org/feed.json');
      expect(await own.json()).toEqual({ version: 'https://jsonfeed.org/version/1.1' });
      expect((await sources.fetch('https://news.example.org/a%2F..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
      expect((await sources.fetch('https://news.example.org/missing.json')).status).toBe(404);
    });
    expect(realFetch).not.toHaveBeenCalled();
  });

  it('lets one caller give up (its signal) without cancelling the shared request', async () => {
    let release!: () => void;
    const { sources, realFetch } = setup(
      () => new Promise((resolve) => (release = () => resolve(new Response('"ok"', { status: 200 })))),
    );
    const impatient = new AbortController();
    const first = sources.fetch(FEED, { signal: impatient.signal });
    const second = sources.fetch(FEED);
    impatient.abort(new DOMException('gone', 'AbortError'));
    await expect(first).rejects.toThrow(/gone/);
    release();
    expect(await (await second).json()).toBe('ok');
    expect(realFetch).toHaveBeenCalledTimes(1);
  });
});
