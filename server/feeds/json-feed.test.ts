// jsdom (the default) until tests/setup.ts can load without `window`; these modules use no DOM.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseJsonFeed } from '../../src/sources/jsonfeed-parse.ts';
import { JSON_FEED_VERSION, jsonFeed } from './json-feed.ts';
import { HOSTILE, HOSTILE_ALL, HOSTILE_LINE, SITE, article, articles } from './testing/fixtures.ts';

/** RFC 3339 date-time (section 5.6), the form JSON Feed asks for. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const httpUrl = v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//));
const date = v.pipe(v.string(), v.regex(RFC3339));
const text = v.pipe(v.string(), v.minLength(1));

/** JSON Feed 1.1's required fields and the types of the optional ones we write; unknown keys refused. */
const FeedSchema = v.strictObject({
  version: v.literal('https://jsonfeed.org/version/1.1'),
  title: v.string(),
  home_page_url: httpUrl,
  feed_url: httpUrl,
  description: v.optional(text),
  language: v.optional(text),
  icon: v.optional(httpUrl),
  items: v.array(
    v.strictObject({
      id: text,
      url: v.optional(httpUrl),
      external_url: v.optional(httpUrl),
      title: v.optional(text),
      summary: v.optional(text),
      content_text: v.string(),
      image: v.optional(httpUrl),
      banner_image: v.optional(httpUrl),
      date_published: v.optional(date),
      date_modified: v.optional(date),
      authors: v.optional(v.pipe(v.array(v.strictObject({ name: text })), v.minLength(1))),
      tags: v.optional(v.pipe(v.array(text), v.minLength(1))),
      language: v.optional(text),
      _news: v.optional(v.record(v.string(), v.unknown())),
    }),
  ),
});

/** Every string anywhere in a value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const FULL = article({
  id: 'lna-1',
  slug: 'rice',
  url: 'https://publisher.example.com/rice',
  headline: 'Rice harvest up',
  standfirst: 'Farmers report a good year.',
  bodyText: 'First paragraph.\nSecond paragraph.\nThird.',
  datePublished: '2026-12-01T08:00:00.000Z',
  dateModified: '2026-12-01T09:30:00.000Z',
  byline: ['Reporter One', 'Reporter Two'],
  dateline: 'VIENTIANE, Dec 1',
  category: { name: 'Economy', slug: 'economy' },
  tags: ['rice', 'agriculture'],
  language: 'lo',
  source: 'Lao News Agency',
  image: {
    url: 'https://cdn.example.org/rice.jpg',
    thumbUrl: 'https://cdn.example.org/rice-400.jpg',
    renditions: [{ url: 'https://cdn.example.org/rice-800.jpg', width: 800 }],
    alt: 'A rice field',
    caption: 'Harvest near Vientiane',
    credit: 'Photo: LNA',
    width: 1200,
    height: 675,
  },
});

describe('jsonFeed', () => {
  it('is a JSON Feed 1.1 with every field in place', () => {
    const feed = jsonFeed([FULL], SITE);
    expect(() => v.parse(FeedSchema, JSON.parse(JSON.stringify(feed)))).not.toThrow();
    expect(feed).toMatchObject({
      version: JSON_FEED_VERSION,
      title: 'Example News Agency',
      home_page_url: 'https://news.example.org/',
      feed_url: 'https://news.example.org/feed.json',
      language: 'lo',
      icon: 'https://news.example.org/icons/icon-512.png',
    });
    expect(feed.items[0]).toEqual({
      id: 'lna-1',
      url: 'https://news.example.org/articles/lna-1/rice',
      external_url: 'https://publisher.example.com/rice',
      title: 'Rice harvest up',
      summary: 'Farmers report a good year.',
      content_text: 'First paragraph.\n\nSecond paragraph.\n\nThird.',
      image: 'https://cdn.example.org/rice.jpg',
      banner_image: 'https://cdn.example.org/rice.jpg',
      date_published: '2026-12-01T08:00:00Z',
      date_modified: '2026-12-01T09:30:00Z',
      authors: [{ name: 'Reporter One' }, { name: 'Reporter Two' }],
      tags: ['Economy', 'rice', 'agriculture'],
      language: 'lo',
      _news: {
        category: 'Economy',
        dateline: 'VIENTIANE, Dec 1',
        source: 'Lao News Agency',
        image: {
          url: 'https://cdn.example.org/rice.jpg',
          thumb: 'https://cdn.example.org/rice-400.jpg',
          alt: 'A rice field',
          caption: 'Harvest near Vientiane',
          credit: 'Photo: LNA',
          width: 1200,
          height: 675,
          srcset: [{ url: 'https://cdn.example.org/rice-800.jpg', width: 800 }],
        },
      },
    });
  });

  it('reads back through our own JSON Feed source as the same article, paragraphs and all', () => {
    const json = JSON.parse(JSON.stringify(jsonFeed([FULL], SITE))) as unknown;
    const {
      articles: [back],
      skipped,
    } = parseJsonFeed(json, 'https://news.example.org/feed.json', { id: 'peer', name: 'Peer' });
    expect(skipped).toBe(0);
    expect(back).toMatchObject({
      id: FULL.id,
      headline: FULL.headline,
      standfirst: FULL.standfirst,
      bodyText: FULL.bodyText,
      datePublished: FULL.datePublished,
      dateModified: FULL.dateModified,
      byline: FULL.byline,
      dateline: FULL.dateline,
      category: FULL.category,
      // The category is a tag too, for readers that know no `_news`; ours then shows it twice.
      tags: ['Economy', ...FULL.tags],
      language: FULL.language,
      source: FULL.source,
      image: {
        url: FULL.image?.url,
        alt: 'A rice field',
        caption: 'Harvest near Vientiane',
        credit: 'Photo: LNA',
        width: 1200,
        height: 675,
      },
    });
  });

  it('carries hostile text as text: cleaned of illegal characters, never escaped or marked up', () => {
    const feed = jsonFeed(
      [
        article({
          headline: HOSTILE_ALL,
          standfirst: HOSTILE.markup,
          bodyText: `${HOSTILE.lao}\n${HOSTILE.ampersands}`,
          byline: [HOSTILE.arabic],
          tags: [HOSTILE.emoji],
        }),
      ],
      SITE,
    );
    const [item] = feed.items;
    expect(item?.title).toBe(HOSTILE_LINE);
    expect(item?.summary).toBe(HOSTILE.markup);
    expect(item?.content_text).toBe(`${HOSTILE.lao}\n\n${HOSTILE.ampersands}`);
    expect(item?.authors).toEqual([{ name: HOSTILE.arabic }]);
    expect(item?.tags).toEqual([HOSTILE.emoji]);
    expect(item).not.toHaveProperty('content_html');
  });

  it('adds no markup to text that had none', () => {
    const feed = jsonFeed(
      [
        FULL,
        article({
          headline: '"Quoted" headline',
          bodyText: "It's 5 percent.\nSecond.",
          byline: ['Anna Smith'],
        }),
      ],
      SITE,
    );
    for (const s of strings(feed)) expect(s).not.toMatch(/[<>]|&[a-z#]/i);
  });

  it('keeps undated articles without dates, and never writes an invalid one', () => {
    const feed = jsonFeed(
      [
        article({ id: 'none', datePublished: undefined }),
        article({ id: 'bad', datePublished: 'not a date', dateModified: '2026-13-45T99:00:00Z' }),
        article({ id: 'far', datePublished: '+275760-09-13T00:00:00.000Z' }),
      ],
      SITE,
    );
    expect(feed.items.map((i) => i.id)).toEqual(['none', 'bad', 'far']);
    for (const item of feed.items) {
      expect(item).not.toHaveProperty('date_published');
      expect(item).not.toHaveProperty('date_modified');
    }
    expect(JSON.stringify(feed)).not.toContain('Invalid');
    expect(() => v.parse(FeedSchema, JSON.parse(JSON.stringify(feed)))).not.toThrow();
  });

  it('names the publisher only when its page is not ours, and leaves out URLs that are not http(s)', () => {
    const ours = 'https://news.example.org/articles/same/s';
    const site = {
      ...SITE,
      articleUrl: (a: { id: string }) => (a.id === 'js' ? 'javascript:alert(1)' : ours),
    };
    const feed = jsonFeed(
      [
        article({ id: 'same', url: ours }),
        article({
          id: 'js',
          url: 'javascript:alert(2)',
          image: { url: 'data:image/png;base64,AA', alt: '' },
        }),
      ],
      site,
    );
    expect(feed.items[0]).not.toHaveProperty('external_url');
    expect(feed.items[1]).not.toHaveProperty('url');
    expect(feed.items[1]).not.toHaveProperty('external_url');
    expect(feed.items[1]).not.toHaveProperty('image');
    expect(feed.items[1]?._news).toBeUndefined();
  });

  it('gives an item without a body its standfirst as content_text, which the spec requires', () => {
    expect(jsonFeed([article({ bodyText: '', standfirst: 'Only this.' })], SITE).items[0]?.content_text).toBe(
      'Only this.',
    );
    expect(jsonFeed([article({ bodyText: '', standfirst: undefined })], SITE).items[0]?.content_text).toBe(
      '',
    );
  });

  it('keeps the newest 50 by default, or the limit asked for', () => {
    const list = articles(60);
    expect(jsonFeed(list, SITE).items.map((i) => i.id)).toEqual(list.slice(0, 50).map((a) => a.id));
    expect(jsonFeed(list, SITE, { limit: 3 }).items).toHaveLength(3);
    expect(jsonFeed(list, SITE, { limit: 0 }).items).toEqual([]);
    expect(() => jsonFeed(list, SITE, { limit: -1 })).toThrow(RangeError);
  });
});
