// jsdom (the default) until tests/setup.ts can load without `window`; these modules use no DOM.
import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../src/lib/text.ts';
import { RSS_SNIPPET_CHARS, imageType, rss } from './rss.ts';
import {
  HOSTILE,
  HOSTILE_ALL,
  HOSTILE_LINE,
  SITE,
  article,
  articles,
  parseXml,
  text,
} from './testing/fixtures.ts';

type Node = Record<string, unknown>;

function channel(xml: string): Node {
  return (parseXml(xml).rss as Node).channel as Node;
}

function items(xml: string): Node[] {
  return (channel(xml).item as Node[] | undefined) ?? [];
}

/** RFC 822 as RSS 2.0 uses it, with a four-digit year. */
const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

describe('rss', () => {
  it('describes the channel and links to itself', () => {
    const xml = rss(articles(3), SITE);
    const root = parseXml(xml).rss as Node;
    expect(root['@version']).toBe('2.0');
    const c = channel(xml);
    expect(c.title).toBe('Example News Agency');
    expect(c.link).toBe('https://news.example.org/');
    expect(c.description).toBe('National news in Lao, Thai and English');
    expect(c.language).toBe('lo');
    expect(c.lastBuildDate).toBe('Tue, 01 Dec 2026 08:00:00 GMT');
    expect(c['atom:link']).toMatchObject({
      '@href': 'https://news.example.org/rss.xml',
      '@rel': 'self',
      '@type': 'application/rss+xml',
    });
    expect(c.image).toEqual({
      url: 'https://news.example.org/icons/icon-512.png',
      title: 'Example News Agency',
      link: 'https://news.example.org/',
    });
  });

  it('writes an item per article with link, permalink guid, RFC 822 date, creators and categories', () => {
    const a = article({
      id: 'x1',
      slug: 'rice',
      headline: 'Rice',
      datePublished: '2026-12-01T08:00:00.000Z',
      byline: ['One', 'Two'],
      category: { name: 'Economy', slug: 'economy' },
      tags: ['rice'],
    });
    const [item] = items(rss([a], SITE));
    expect(item).toMatchObject({
      title: 'Rice',
      link: 'https://news.example.org/articles/x1/rice',
      guid: { '#text': 'https://news.example.org/articles/x1/rice', '@isPermaLink': 'true' },
      pubDate: 'Tue, 01 Dec 2026 08:00:00 GMT',
      'dc:creator': ['One', 'Two'],
      category: ['Economy', 'rice'],
    });
    expect(String(item?.pubDate)).toMatch(RFC822);
    expect(Date.parse(String(item?.pubDate))).toBe(Date.parse(a.datePublished ?? ''));
  });

  it('round-trips hostile text: plain in the title, HTML-escaped in the description', () => {
    const xml = rss(
      [
        article({
          headline: HOSTILE_ALL,
          standfirst: HOSTILE.markup,
          byline: [HOSTILE.lao, HOSTILE.cdataEnd],
          tags: [HOSTILE.arabic, HOSTILE.emoji],
        }),
      ],
      SITE,
    );
    const [item] = items(xml);
    expect(item?.title).toBe(HOSTILE_LINE);
    // Aggregators read the description as HTML: the markup in our text must arrive as text.
    const description = String(item?.description);
    expect(description).not.toMatch(/</);
    expect(decodeEntities(description)).toBe(HOSTILE.markup);
    expect(item?.['dc:creator']).toEqual([HOSTILE.lao, HOSTILE.cdataEnd]);
    expect(item?.category).toEqual([HOSTILE.arabic, HOSTILE.emoji]);
  });

  it('falls back to a clipped snippet of the body for the description', () => {
    const body = `${'word '.repeat(200)}\n<i>not markup</i>`;
    const [item] = items(rss([article({ standfirst: undefined, bodyText: body })], SITE));
    const description = decodeEntities(String(item?.description));
    expect(description.length).toBeLessThanOrEqual(RSS_SNIPPET_CHARS);
    expect(description).toMatch(/^word word .*…$/);
  });

  it('gives the image as media:content with a type by extension, never as an enclosure', () => {
    const a = article({
      image: {
        url: 'https://cdn.example.org/p/rice.JPG?w=1200',
        alt: 'Field',
        caption: 'Harvest & <sun>',
        credit: 'LNA',
        width: 1200,
        height: 675,
      },
    });
    const [item] = items(rss([a], SITE));
    expect(item).not.toHaveProperty('enclosure');
    expect(item?.['media:content']).toEqual({
      '@url': 'https://cdn.example.org/p/rice.JPG?w=1200',
      '@medium': 'image',
      '@type': 'image/jpeg',
      '@width': '1200',
      '@height': '675',
      'media:description': { '#text': 'Harvest & <sun>', '@type': 'plain' },
      'media:credit': 'LNA',
    });
    expect(imageType('https://x.example/a.webp')).toBe('image/webp');
    expect(imageType('https://x.example/a.png#frag')).toBe('image/png');
    expect(imageType('https://x.example/image')).toBeUndefined();
    expect(imageType('https://x.example/dir.jpg/image')).toBeUndefined();
  });

  it('omits dates that are missing or invalid, and a lastBuildDate when nothing is dated', () => {
    const xml = rss(
      [
        article({ datePublished: undefined }),
        article({ datePublished: 'yesterday', dateModified: '2026-02-30T25:00:00Z' }),
      ],
      SITE,
    );
    for (const item of items(xml)) expect(item).not.toHaveProperty('pubDate');
    expect(channel(xml)).not.toHaveProperty('lastBuildDate');
  });

  it('takes lastBuildDate from the latest change, modified dates included', () => {
    const xml = rss(
      [
        article({ datePublished: '2026-12-01T08:00:00Z' }),
        article({ datePublished: '2026-11-01T08:00:00Z', dateModified: '2026-12-02T10:00:00Z' }),
      ],
      SITE,
    );
    expect(channel(xml).lastBuildDate).toBe('Wed, 02 Dec 2026 10:00:00 GMT');
  });

  it('uses the id as a guid that is not a permalink when there is no page URL', () => {
    const site = { ...SITE, articleUrl: () => 'javascript:void 0' };
    const [item] = items(rss([article({ id: 'lna&1' })], site));
    expect(item).not.toHaveProperty('link');
    expect(item?.guid).toEqual({ '#text': 'lna&1', '@isPermaLink': 'false' });
  });

  it('keeps the newest 50 by default, or the limit asked for, and stays well-formed empty', () => {
    const list = articles(60);
    expect(items(rss(list, SITE)).map((i) => i.guid)).toHaveLength(50);
    expect(items(rss(list, SITE, { limit: 2 })).map((i) => text(i.guid))).toEqual([
      SITE.articleUrl(list[0]!),
      SITE.articleUrl(list[1]!),
    ]);
    expect(items(rss([], SITE))).toEqual([]);
  });
});
