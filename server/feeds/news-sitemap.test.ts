// jsdom (the default) until tests/setup.ts can load without `window`; these modules use no DOM.
import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../src/types/article.ts';
import {
  NEWS_SITEMAP_MAX_URLS,
  NEWS_SITEMAP_WINDOW_MS,
  googleNewsSitemap,
  newsLanguage,
} from './news-sitemap.ts';
import { HOSTILE_ALL, HOSTILE_LINE, SITE, article, parseXml } from './testing/fixtures.ts';

type Node = Record<string, unknown>;

const NOW = new Date('2026-12-06T12:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();

function entries(xml: string): Node[] {
  return ((parseXml(xml).urlset as Node).url as Node[] | undefined) ?? [];
}

function ids(list: ArticleSummary[], now = NOW): string[] {
  return entries(googleNewsSitemap(list, SITE, now)).map((u) => String(u.loc).split('/')[4] ?? '');
}

describe('googleNewsSitemap', () => {
  it('lists articles published from 48 hours before now up to now, both included', () => {
    const list = [
      article({ id: 'future', datePublished: at(1) }),
      article({ id: 'now', datePublished: at(0) }),
      article({ id: 'recent', datePublished: at(-3_600_000) }),
      article({ id: 'edge', datePublished: at(-NEWS_SITEMAP_WINDOW_MS) }),
      article({ id: 'old', datePublished: at(-NEWS_SITEMAP_WINDOW_MS - 1) }),
      article({
        id: 'modified-recently',
        datePublished: at(-NEWS_SITEMAP_WINDOW_MS * 3),
        dateModified: at(-1000),
      }),
      article({ id: 'undated', datePublished: undefined }),
      article({ id: 'invalid', datePublished: 'Invalid Date' }),
    ];
    expect(ids(list)).toEqual(['now', 'recent', 'edge']);
    expect(NEWS_SITEMAP_WINDOW_MS).toBe(48 * 3_600_000);
  });

  it('writes the publication, date and title Google asks for', () => {
    const xml = googleNewsSitemap(
      [article({ id: 'a', slug: 's', headline: HOSTILE_ALL, datePublished: at(-60_000), language: 'th-TH' })],
      SITE,
      NOW,
    );
    const root = parseXml(xml).urlset as Node;
    expect(root['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(entries(xml)).toEqual([
      {
        loc: 'https://news.example.org/articles/a/s',
        'news:news': {
          'news:publication': { 'news:name': 'Example News Agency', 'news:language': 'th' },
          'news:publication_date': '2026-12-06T11:59:00Z',
          'news:title': HOSTILE_LINE,
        },
      },
    ]);
  });

  it('keeps the newest 1,000, whatever the order it is given them in', () => {
    const list = Array.from({ length: 1_500 }, (_, i) =>
      article({ id: `n${i}`, datePublished: at(-i * 60_000) }),
    );
    const kept = ids([...list].reverse());
    expect(kept).toHaveLength(NEWS_SITEMAP_MAX_URLS);
    expect(kept).toEqual(list.slice(0, 1_000).map((a) => a.id));
  });

  it("falls back to the site's language, and leaves out what has no language or no page", () => {
    const list = [
      article({ id: 'none', datePublished: at(-1), language: undefined }),
      article({ id: 'zh', datePublished: at(-2), language: 'zh-Hant-HK' }),
    ];
    const langs = entries(googleNewsSitemap(list, SITE, NOW)).map(
      (u) => ((u['news:news'] as Node)['news:publication'] as Node)['news:language'],
    );
    expect(langs).toEqual(['lo', 'zh-tw']);
    expect(
      ids(
        list.slice(0, 1).map((a) => ({ ...a, language: 'x' })),
        NOW,
      ),
    ).toEqual(['none']);
    expect(entries(googleNewsSitemap(list, { ...SITE, language: '' }, NOW))).toHaveLength(1);
    expect(entries(googleNewsSitemap(list, { ...SITE, articleUrl: () => 'ftp://x/' }, NOW))).toHaveLength(0);
  });

  it('is a valid, empty sitemap after two quiet days', () => {
    expect(
      entries(googleNewsSitemap([article({ datePublished: at(-NEWS_SITEMAP_WINDOW_MS * 2) })], SITE, NOW)),
    ).toEqual([]);
  });
});

describe('newsLanguage', () => {
  it.each([
    ['lo', 'lo'],
    ['lo-LA', 'lo'],
    ['lao', 'lo'],
    ['th-TH', 'th'],
    ['EN-gb', 'en'],
    ['fr', 'fr'],
    ['ar-EG', 'ar'],
    ['iw', 'he'],
    ['zh', 'zh-cn'],
    ['zh-CN', 'zh-cn'],
    ['zh-Hans', 'zh-cn'],
    ['zh-SG', 'zh-cn'],
    ['zh-TW', 'zh-tw'],
    ['zh-HK', 'zh-tw'],
    ['zh-Hant', 'zh-tw'],
    ['zh-Hant-CN', 'zh-tw'],
    ['und', undefined],
    ['not a tag', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s → %s', (tag, expected) => {
    expect(newsLanguage(tag)).toBe(expected);
  });
});
