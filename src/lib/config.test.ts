import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, sourcesKey } from './config.ts';

const URL_ = 'https://news.example/config.json';
const valid = { siteName: 'Agency', sources: [{ name: 'Main', url: 'data/feed.json' }] };

describe('parseConfig', () => {
  it('fills defaults and resolves feed URLs against the config file', () => {
    const c = parseConfig(valid, URL_);
    expect(c.pageSize).toBe(10);
    expect(c.recentNewsCount).toBe(6);
    expect(c.locale).toBe('en');
    expect(c.sources[0]).toMatchObject({ id: 'main', type: 'jsonfeed', url: 'https://news.example/data/feed.json' });
  });

  it("follows the reader's browser only when no locale is configured", () => {
    expect(parseConfig(valid, URL_)).toMatchObject({ locale: 'en', detectLocale: true });
    expect(parseConfig({ ...valid, locale: 'lo' }, URL_)).toMatchObject({ locale: 'lo', detectLocale: false });
  });

  it('takes native numerals and a site URL (normalised to end in "/")', () => {
    expect(parseConfig({ ...valid, numerals: 'native', siteUrl: 'https://news.example/lao' }, URL_)).toMatchObject({
      numerals: 'native',
      siteUrl: 'https://news.example/lao/',
    });
  });

  it.each([
    [{ ...valid, siteName: '' }, 'siteName', /must not be empty/],
    [{ ...valid, pageSize: 0 }, 'pageSize', /at least 1/],
    [{ ...valid, pageSize: 'ten' }, 'pageSize', /must be a number/],
    [{ ...valid, sources: [] }, 'sources', /at least one feed/],
    [{ ...valid, sources: [{ name: 'x' }] }, 'sources.0.url', /url/],
    [{ ...valid, locale: 'English' }, 'locale', /language tag/],
    [{ ...valid, numerals: 'roman' }, 'numerals', /"native" or "latin"/],
    [{ ...valid, siteUrl: 'news.example' }, 'siteUrl', /absolute URL/],
    [{ ...valid, sources: [{ name: 'a', url: 'a.json', type: 'atom' }] }, 'sources.0.type', /rss/],
    [{ ...valid, sources: [{ name: 'a', url: 'a.json', language: 'Lao' }] }, 'sources.0.language', /language tag such as/],
  ])('names the field of a broken config (%#)', (raw, field, message) => {
    let error: unknown;
    try {
      parseConfig(raw, URL_);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).field).toBe(field);
    expect((error as ConfigError).message).toMatch(message);
  });

  it("keeps a source's language, for its articles that name none", () => {
    const config = parseConfig({ ...valid, sources: [{ name: 'WP', type: 'wordpress', url: 'https://wp.example/', language: 'lo' }] }, URL_);
    expect(config.sources[0]).toMatchObject({ type: 'wordpress', language: 'lo' });
  });

  it('rejects duplicate source ids', () => {
    expect(() =>
      parseConfig({ ...valid, sources: [{ id: 'a', name: 'A', url: 'a.json' }, { id: 'a', name: 'B', url: 'b.json' }] }, URL_),
    ).toThrow(/used twice/);
  });

  it('rejects something that is not an object', () => {
    expect(() => parseConfig([], URL_)).toThrow(ConfigError);
  });

  it('reads wordpress and archive sources with per-type defaults and prefixes ids after the first source', () => {
    const c = parseConfig(
      {
        ...valid,
        sources: [
          { id: 'national', name: 'National', url: 'data/feed.json' },
          { id: 'province', name: 'Province', type: 'wordpress', url: 'https://wp.example/' },
          { id: 'old', name: 'Archive', type: 'archive', url: 'archive/manifest.json', maxPages: 2 },
        ],
      },
      URL_,
    );
    expect(c.sources.map((s) => [s.type, s.maxPages, s.perPage, s.idPrefix])).toEqual([
      ['jsonfeed', 50, undefined, ''],
      ['wordpress', 3, 50, 'province~'],
      ['archive', 2, undefined, 'old~'],
    ]);
    expect(() => parseConfig({ ...valid, sources: [{ name: 'W', type: 'wordpress', url: 'x', perPage: 500 }] }, URL_)).toThrow(/at most 100/);
  });
});

describe('sourcesKey', () => {
  const sources = (list: { type: string; url: string }[], configUrl: string) =>
    parseConfig({ siteName: 'S', sources: list.map((s, i) => ({ ...s, name: `Source ${i}` })) }, configUrl);

  it('is the same for the build (stand-in origin) and the browser (real origin) on same-origin feeds', () => {
    const list = [{ type: 'jsonfeed', url: 'data/feed.json' }];
    const build = 'http://prerender.invalid/news/config.json';
    const browser = 'https://agency.example/news/config.json';
    expect(sourcesKey(sources(list, build), build)).toBe(sourcesKey(sources(list, browser), browser));
    expect(sourcesKey(sources(list, browser), browser)).toBe('jsonfeed /news/data/feed.json');
  });

  it('changes when config.json names another feed, type, language or order', () => {
    const configUrl = 'https://agency.example/config.json';
    const key = (list: { type: string; url: string; language?: string }[]) => sourcesKey(sources(list, configUrl), configUrl);
    const feed = { type: 'jsonfeed', url: 'data/feed.json' };
    const wp = { type: 'wordpress', url: 'https://wp.example' };
    expect(key([feed])).not.toBe(key([wp]));
    expect(key([feed])).not.toBe(key([{ ...feed, url: 'data/other.json' }]));
    expect(key([feed, wp])).not.toBe(key([wp, feed]));
    expect(key([wp])).toBe('wordpress https://wp.example/');
    expect(key([{ ...wp, language: 'lo' }])).toBe('wordpress https://wp.example/ lo');
  });
});
