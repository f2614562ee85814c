// The server's small HTTP rules: content negotiation, conditional requests, cache lifetimes, settings.
import { describe, expect, it } from 'vitest';
import { acceptedEncodings, etagMatches } from './http-util.ts';
import { cacheControlFor } from './static-files.ts';
import { readServerEnv } from './env.ts';

describe('acceptedEncodings', () => {
  it('lists the codings a client accepts and drops those refused with q=0', () => {
    expect([...acceptedEncodings('gzip, deflate, br;q=1.0, zstd')]).toEqual(['gzip', 'deflate', 'br', 'zstd']);
    expect(acceptedEncodings('br;q=0, gzip').has('br')).toBe(false);
    expect(acceptedEncodings(undefined).size).toBe(0);
  });
});

describe('etagMatches', () => {
  it('compares weakly, in lists and with *', () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", "abc"', '"abc"')).toBe(true);
    expect(etagMatches('*', '"abc"')).toBe(true);
    expect(etagMatches('"abc-br"', '"abc"')).toBe(false);
    expect(etagMatches(undefined, '"abc"')).toBe(false);
  });
});

describe('cacheControlFor', () => {
  it('keeps hashed assets for a year and revalidates what names them', () => {
    expect(cacheControlFor('/assets/app-haK8miMH.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/embed/assets/x-1.js')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/sw.js', '/config.json', '/shell.html', '/manifest.webmanifest', '/data/feed.json', '/embed/news-reader.js'])
      expect(cacheControlFor(path), path).toBe('no-cache');
    expect(cacheControlFor('/icons/icon-192.png')).toBe('public, max-age=86400');
  });
});

describe('readServerEnv', () => {
  it('has working defaults and reads PORT, HOST, NEWS_CONFIG and the cache settings', () => {
    const d = readServerEnv({}, '/srv/news');
    expect(d).toMatchObject({ port: 3000, host: '127.0.0.1', distDir: '/srv/news/dist', configFile: '/srv/news/dist/config.json', ttlSeconds: 60, accessLog: true });
    const e = readServerEnv({ PORT: '8080', HOST: '0.0.0.0', NEWS_CONFIG: 'site.json', CACHE_TTL: '5', CACHE_MAX_MB: '16', ACCESS_LOG: '0' }, '/srv/news');
    expect(e).toMatchObject({ port: 8080, host: '0.0.0.0', configFile: '/srv/news/site.json', ttlSeconds: 5, cacheMaxBytes: 16 * 1024 * 1024, accessLog: false });
  });

  it('refuses a setting that is not a whole number in range, naming it', () => {
    expect(() => readServerEnv({ PORT: 'eighty' })).toThrow(/PORT must be a whole number/);
    expect(() => readServerEnv({ CACHE_TTL: '-1' })).toThrow(/CACHE_TTL/);
  });
});
