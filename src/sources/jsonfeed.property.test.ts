import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { parseJsonFeed } from './jsonfeed-parse.ts';
import { mergeDuplicates } from '../lib/article-order.ts';
import { FeedError } from '../lib/errors.ts';
import { ArticleSummarySchema } from '../types/article-schema.ts';
import { hostileFeed } from '../../tests/fixtures/hostile-feed.ts';

const FEED_URL = 'https://news.example/data/feed.json';
const source = { id: 'main', name: 'Test Agency' };

/** Parse, and check the contract: only FeedError('shape') escapes; every article fits the schema. */
function parsesToValidArticles(data: unknown): void {
  let page;
  try {
    page = parseJsonFeed(data, FEED_URL, source);
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError);
    expect((error as FeedError).kind).toBe('shape');
    expect((error as FeedError).url).toBe(FEED_URL);
    return;
  }
  expect(page.skipped).toBeGreaterThanOrEqual(0);
  for (const article of page.articles) {
    const result = v.safeParse(ArticleSummarySchema, article);
    if (!result.success) {
      throw new Error(`Invalid article ${JSON.stringify(article).slice(0, 300)}: ${result.issues.map((i) => `${v.getDotPath(i)}: ${i.message}`).join('; ')}`);
    }
  }
  const items = (data as { items?: unknown[] }).items;
  if (Array.isArray(items)) expect(page.articles.length + page.skipped).toBe(items.length);
}

/** Any string, including unpaired surrogates, control characters and markup. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ' ', '<b>x</b>', '&#8217;', '<script>x</script>', 'javascript:x()', '2026-13-45', 'yesterday', '../x.png', '//cdn.example/a.jpg', 'http://other.example/i.jpg', 'en-US', 'lo', 'x-private', 'not a tag!'),
);
/** A value of any JSON type, or a string: what a field holds in a messy feed. */
const anyField = fc.oneof({ weight: 3, arbitrary: anyText }, fc.jsonValue({ maxDepth: 2 }));

/** An item whose every field may be missing, of the right type with odd content, or of any type. */
const itemish = fc.record(
  {
    id: fc.oneof(anyText, fc.integer(), fc.jsonValue({ maxDepth: 1 })),
    url: anyField,
    external_url: anyField,
    title: anyField,
    summary: anyField,
    content_html: anyField,
    content_text: anyField,
    image: anyField,
    banner_image: anyField,
    date_published: fc.oneof(anyField, fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
    date_modified: anyField,
    authors: fc.oneof(fc.array(fc.record({ name: anyField }, { requiredKeys: [] })), anyField),
    author: fc.oneof(fc.record({ name: anyField }, { requiredKeys: [] }), anyField),
    tags: fc.oneof(fc.array(anyField, { maxLength: 6 }), anyField),
    language: anyField,
    _news: fc.oneof(
      fc.record(
        {
          category: anyField,
          dateline: anyField,
          source: anyField,
          image: fc.oneof(
            fc.record({ url: anyField, thumb: anyField, alt: anyField, caption: anyField, credit: anyField, width: anyField, height: anyField }, { requiredKeys: [] }),
            anyField,
          ),
        },
        { requiredKeys: [] },
      ),
      anyField,
    ),
  },
  { requiredKeys: [] },
);

describe('parseJsonFeed: properties', () => {
  it('for any JSON value, throws nothing but FeedError("shape")', () => {
    fc.assert(fc.property(fc.jsonValue(), parsesToValidArticles), { numRuns: 500 });
  });

  it('for any object with an items list of anything, returns only valid articles and counts the rest', () => {
    fc.assert(
      fc.property(fc.record({ items: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 8 }), language: anyField, next_url: anyField }, { requiredKeys: ['items'] }), parsesToValidArticles),
      { numRuns: 300 },
    );
  });

  it('for items whose fields hold anything, returns only valid articles', () => {
    fc.assert(fc.property(fc.array(itemish, { maxLength: 8 }), anyField, (items, language) => parsesToValidArticles({ items, language })), { numRuns: 600 });
  });

  it('merging repeated ids keeps exactly one article per id', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c'), title: fc.string({ minLength: 1 }), date_modified: anyField }), { maxLength: 12 }), (items) => {
        const { articles } = parseJsonFeed({ items }, FEED_URL, source);
        const merged = mergeDuplicates(articles);
        expect(new Set(merged.articles.map((a) => a.id)).size).toBe(merged.articles.length);
        expect(merged.articles.length + merged.duplicates).toBe(articles.length);
      }),
    );
  });

  it('turns every item of the hostile feed into a valid article with http(s) URLs only', () => {
    // Text fields may still read like markup ("&lt;img&gt;" in the feed is the text "<img>"):
    // they are rendered as text, which the rendering and browser tests check.
    const { feed } = hostileFeed();
    parsesToValidArticles(feed);
    const { articles } = parseJsonFeed(feed, FEED_URL, source);
    expect(articles.length).toBe(feed.items.length);
    for (const a of articles) {
      for (const url of [a.url, a.image?.url, a.image?.thumbUrl]) if (url) expect(url).toMatch(/^https?:\/\//);
    }
  });
});

describe('parseJsonFeed: dates', () => {
  const parse = (date_published: unknown) => parseJsonFeed({ items: [{ id: 'x', title: 'T', date_published }] }, FEED_URL, source).articles[0];
  it('keeps RFC 3339 and RFC 2822 dates, including future ones, as ISO instants', () => {
    expect(parse('2026-11-27T09:00:00+07:00')?.datePublished).toBe('2026-11-27T02:00:00.000Z');
    expect(parse('Fri, 27 Nov 2026 09:00:00 +0700')?.datePublished).toBe('2026-11-27T02:00:00.000Z');
    expect(parse('2099-01-01T00:00:00Z')?.datePublished).toBe('2099-01-01T00:00:00.000Z');
  });
  it('omits dates it cannot read rather than inventing one', () => {
    for (const bad of ['2', '0', 'yesterday', '2026-13-45T00:00:00Z', '', 12345, null, 'x'.repeat(100)]) expect(parse(bad)?.datePublished, String(bad)).toBeUndefined();
  });
});
