// jsdom (the default) until tests/setup.ts can load without `window`; these modules use no DOM.
import { describe, expect, it } from 'vitest';
import {
  SITEMAP_CHUNK_SIZE,
  SITEMAP_MAX_URLS,
  chunkArticles,
  chunkLastmod,
  sitemapIndex,
  sitemapPage,
} from './sitemap.ts';
import { FEED_PATHS } from './site.ts';
import { SITE, SITE_UNDER_BASE, article, articles, parseXml, text } from './testing/fixtures.ts';

type Node = Record<string, unknown>;

function urls(xml: string): Node[] {
  return ((parseXml(xml).urlset as Node).url as Node[] | undefined) ?? [];
}

describe('chunkArticles', () => {
  it('cuts 25,001 articles into 3 pages of 10,000, counted from the oldest', () => {
    const list = articles(25_001); // newest first
    const pages = chunkArticles(list, SITEMAP_CHUNK_SIZE);
    expect(pages.map((p) => p.length)).toEqual([10_000, 10_000, 5_001]);
    expect(pages[0]?.at(-1)).toBe(list.at(-1)); // the oldest article is on page 1
    expect(pages[2]?.[0]).toBe(list[0]); // the newest on the last page
    expect(pages.flat()).toHaveLength(25_001);
    expect(new Set(pages.flat()).size).toBe(25_001);
  });

  it('changes only the last page when an article is published', () => {
    const list = articles(25_001, Date.parse('2026-12-01T08:00:00Z'));
    const before = chunkArticles(list, 10_000);
    const after = chunkArticles([article({ id: 'new' }), ...list], 10_000);
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).toEqual(before[1]);
    expect(after[2]?.[0]?.id).toBe('new');
  });

  it('gives one page, empty, for no articles (the home page still needs one) and refuses a bad size', () => {
    expect(chunkArticles([])).toEqual([[]]);
    expect(chunkArticles([1, 2, 3], 3)).toEqual([[1, 2, 3]]);
    expect(chunkArticles([1, 2, 3, 4], 3)).toEqual([[2, 3, 4], [1]]);
    expect(() => chunkArticles([1], 0)).toThrow(RangeError);
    expect(() => chunkArticles([1], 1.5)).toThrow(RangeError);
  });
});

describe('sitemapIndex', () => {
  it('lists every page with its lastmod', () => {
    const pages = chunkArticles(articles(25_001), SITEMAP_CHUNK_SIZE);
    const xml = sitemapIndex(SITE, pages.length, pages.map(chunkLastmod));
    const entries = (parseXml(xml).sitemapindex as Node).sitemap as Node[];
    expect(entries.map((e) => e.loc)).toEqual(
      [1, 2, 3].map((n) => `https://news.example.org/sitemaps/${n}.xml`),
    );
    expect(entries.map((e) => e.lastmod)).toEqual(pages.map(chunkLastmod));
    expect(entries[2]?.lastmod).toBe('2026-12-01T08:00:00Z');
    expect((parseXml(xml).sitemapindex as Node)['@xmlns']).toBe(
      'http://www.sitemaps.org/schemas/sitemap/0.9',
    );
  });

  it('puts the pages under the base path and leaves out unknown or invalid lastmods', () => {
    const xml = sitemapIndex(SITE_UNDER_BASE, 2, [undefined, 'not a date']);
    const entries = (parseXml(xml).sitemapindex as Node).sitemap as Node[];
    expect(entries).toEqual([
      { loc: 'https://example.org/news/sitemaps/1.xml' },
      { loc: 'https://example.org/news/sitemaps/2.xml' },
    ]);
    expect(FEED_PATHS.sitemapPage(2)).toBe('/sitemaps/2.xml');
  });

  it('refuses a page count the protocol does not allow', () => {
    expect(() => sitemapIndex(SITE, -1)).toThrow(RangeError);
    expect(() => sitemapIndex(SITE, SITEMAP_MAX_URLS + 1)).toThrow(RangeError);
  });
});

describe('sitemapPage', () => {
  it('lists the home page on page 1 only, and each article with its last change', () => {
    const a = article({
      id: 'm',
      slug: 'mod',
      datePublished: '2026-11-01T08:00:00Z',
      dateModified: '2026-11-02T09:00:00.500Z',
    });
    const b = article({ id: 'p', slug: 'pub', datePublished: '2026-11-03T08:00:00+07:00' });
    const c = article({ id: 'u', slug: 'undated', datePublished: undefined, dateModified: 'garbage' });
    expect(urls(sitemapPage([a, b, c], SITE, 1))).toEqual([
      { loc: 'https://news.example.org/' },
      { loc: 'https://news.example.org/articles/m/mod', lastmod: '2026-11-02T09:00:00Z' },
      { loc: 'https://news.example.org/articles/p/pub', lastmod: '2026-11-03T01:00:00Z' },
      { loc: 'https://news.example.org/articles/u/undated' },
    ]);
    expect(urls(sitemapPage([a], SITE, 2)).map((u) => u.loc)).toEqual([
      'https://news.example.org/articles/m/mod',
    ]);
  });

  it('escapes and percent-encodes URLs, and leaves out ones that are not http(s) or too long', () => {
    const site = {
      ...SITE,
      articleUrl: (x: { id: string; slug: string }) =>
        x.id === 'js'
          ? 'javascript:alert(1)'
          : x.id === 'long'
            ? `https://news.example.org/${'a'.repeat(2100)}`
            : `https://news.example.org/articles/${x.id}/${x.slug}?a=1&b=<2>`,
    };
    const xml = sitemapPage(
      [article({ id: 'lao', slug: 'ຂ່າວ' }), article({ id: 'js' }), article({ id: 'long' })],
      site,
      2,
    );
    expect(xml).toContain('?a=1&#x26;b=%3C2%3E');
    expect(urls(xml).map((u) => text(u.loc))).toEqual([
      'https://news.example.org/articles/lao/%E0%BA%82%E0%BB%88%E0%BA%B2%E0%BA%A7?a=1&b=%3C2%3E',
    ]);
  });

  it('keeps every page of a large site within the protocol limits', () => {
    const pages = chunkArticles(articles(25_001), SITEMAP_CHUNK_SIZE);
    pages.forEach((chunk, i) => {
      const xml = sitemapPage(chunk, SITE, i + 1);
      const count = urls(xml).length;
      expect(count).toBe(chunk.length + (i === 0 ? 1 : 0));
      expect(count).toBeLessThanOrEqual(SITEMAP_MAX_URLS);
      expect(Buffer.byteLength(xml)).toBeLessThan(50 * 1024 * 1024);
    });
    expect(() => sitemapPage(articles(SITEMAP_MAX_URLS), SITE, 1)).toThrow(RangeError);
  });
});
