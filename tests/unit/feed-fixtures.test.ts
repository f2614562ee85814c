/*
 * The public test feeds of two mature feed parsers, read by our parser (src/sources/xml-feed.ts)
 * and the JSON Feed validation every article goes through:
 * - rbren/rss-parser's test/input with its expected test/output (MIT): item counts and titles
 *   are compared with the reference;
 * - danmactough/node-feedparser's test/feeds (MIT): items are counted against the <item>/<entry>
 *   elements in the file, and the behaviours its own tests check are checked here too.
 * Sources, commits and licences: tests/fixtures/feeds/README.md.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseXmlFeed, XmlFeedError } from '../../src/sources/xml-feed.ts';
import { parseJsonFeed } from '../../src/sources/jsonfeed-parse.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/feeds');
const source = { id: 'fixtures', name: 'Fixtures' };
const FEED_URL = 'https://feeds.example.org/feed.xml';
const collapse = (t: unknown) => (typeof t === 'string' ? t.replace(/\s+/g, ' ').trim() : undefined);

/**
 * Equal titles, white space collapsed. Where the reference has U+FFFD it read a legacy encoding
 * as UTF-8 (rss-parser's own limitation on feeds that declare none or ignore their declaration):
 * each U+FFFD stands for the one letter we decoded there, and the rest must be equal.
 */
function sameTitle(ours: string | undefined, reference: string | undefined): 'equal' | 'equal-but-reference-lost-letters' | 'different' {
  const a = collapse(ours);
  const b = collapse(reference);
  if (a === b) return 'equal';
  if (a === undefined || b === undefined || !b.includes('\ufffd') || a.length !== b.length) return 'different';
  for (let i = 0; i < a.length; i++) if (b[i] !== '\ufffd' && a[i] !== b[i]) return 'different';
  return 'equal-but-reference-lost-letters';
}

function read(path: string) {
  const feed = parseXmlFeed(readFileSync(path), FEED_URL, path.split('/').pop()!);
  const page = parseJsonFeed({ items: feed.items.map((i) => i.item) }, FEED_URL, source);
  return { feed, page };
}

describe('rss-parser test feeds, against its expected outputs', () => {
  const inputs = readdirSync(join(dir, 'rss-parser/input')).filter((f) => existsSync(join(dir, 'rss-parser/output', `${f.replace(/\.[^.]+$/, '')}.json`)));
  const totals = { referenceItems: 0, parsedItems: 0, articles: 0, titlesEqual: 0, titlesEqualButReferenceLostLetters: 0 };

  it.each(inputs)('%s: every item, and the reference’s titles', (file) => {
    const reference = (JSON.parse(readFileSync(join(dir, 'rss-parser/output', `${file.replace(/\.[^.]+$/, '')}.json`), 'utf8')) as { feed: { items: { title?: string }[] } }).feed.items;
    const { feed, page } = read(join(dir, 'rss-parser/input', file));
    const verdicts = feed.items.map((it, i) => sameTitle(it.item.title, reference[i]?.title));
    totals.referenceItems += reference.length;
    totals.parsedItems += feed.items.length;
    totals.articles += page.articles.length;
    totals.titlesEqual += verdicts.filter((v) => v === 'equal').length;
    totals.titlesEqualButReferenceLostLetters += verdicts.filter((v) => v === 'equal-but-reference-lost-letters').length;
    expect(feed.items).toHaveLength(reference.length);
    expect(verdicts.filter((v) => v === 'different')).toEqual([]);
    // Only entries with no title and no text at all are not articles (missing-fields, incomplete-fields).
    const empty = feed.items.filter((i) => !i.item.title && !i.item.content_html && !i.item.content_text && !i.item.summary).length;
    expect(page.articles.length + page.skipped).toBe(feed.items.length);
    expect(page.skipped).toBe(empty);
  });

  it('totals (reported in docs/sources.md)', () => {
    // This runs after the per-file cases above (vitest runs a file's tests in order).
    console.log(`[feed fixtures] rss-parser: ${JSON.stringify(totals)}`);
    expect(totals.parsedItems).toBe(totals.referenceItems);
    expect(totals.titlesEqual + totals.titlesEqualButReferenceLostLetters).toBe(totals.parsedItems);
  });
});

describe('node-feedparser test feeds', () => {
  const files = readdirSync(join(dir, 'node-feedparser')).filter((f) => f !== 'LICENSE' && f !== 'notafeed.html' && f !== 'saxerror.xml');

  /** Counts node-feedparser's own tests assert where counting elements would be wrong (empty <item/>s nested in items). */
  const EXPECTED: Record<string, number> = { 'illegally-nested.xml': 10 };

  it.each(files)('%s: one item per <item>/<entry> in the file', (file) => {
    const text = readFileSync(join(dir, 'node-feedparser', file), 'latin1');
    const elements = EXPECTED[file] ?? (text.match(/<(?:[\w-]+:)?(?:item|entry)[\s>]/g) ?? []).length;
    const { feed } = read(join(dir, 'node-feedparser', file));
    expect(feed.items).toHaveLength(elements);
  });

  it('saxerror.xml: an error with its line and column, not "0 articles"', () => {
    expect(() => read(join(dir, 'node-feedparser/saxerror.xml'))).toThrow(XmlFeedError);
    expect(() => read(join(dir, 'node-feedparser/saxerror.xml'))).toThrow(/line 27, column 1: unclosed tag: link/);
  });

  it('notafeed.html: "not a feed"', () => {
    expect(() => read(join(dir, 'node-feedparser/notafeed.html'))).toThrow(/not a feed/);
  });

  it('rss-with-relative-urls.xml: item links resolved against the feed URL, as node-feedparser’s test expects', () => {
    const feed = parseXmlFeed(readFileSync(join(dir, 'node-feedparser/rss-with-relative-urls.xml')), 'http://www.arcgames.com', 'rss');
    expect(feed.homeUrl).toBe('http://www.arcgames.com/en/games/neverwinter/news');
    expect(feed.items.map((i) => i.item.url)).toEqual([
      'http://www.arcgames.com/en/games/neverwinter/news/detail/10743874-neverwinter-%26-jingle-jam-humble-bundle%21',
      'http://www.arcgames.com/en/games/neverwinter/news/detail/10738994-2x-underdark-currency-%26-15%25-off-bags%21',
    ]);
  });

  it('rss-with-relative-html-urls-no-base.xml: body URLs resolved against the feed URL', () => {
    const feed = parseXmlFeed(readFileSync(join(dir, 'node-feedparser/rss-with-relative-html-urls-no-base.xml')), 'https://example.com/feed/', 'rss');
    expect(feed.items[0]?.item.url).toBe('https://example.com/feed/posts/post-1');
    expect(feed.items[0]?.item.content_html).toContain('<a href="https://example.com/feed/post-1">Read</a><a href="https://example.com/feed/#comments">Comments</a><img src="https://example.com/images/post-1.png"');
    expect(feed.items[0]?.item.content_html).toContain('poster="https://example.com/feed/poster.png"');
  });

  it('guid-dupes.xml: the first guid', () => {
    expect(read(join(dir, 'node-feedparser/guid-dupes.xml')).feed.items[0]?.item.id).toBe('http://www.braingle.com/50366.html');
  });

  it('wapowellness.xml and complexNamespaceFeed.xml: authors and ids through namespaces', () => {
    expect(read(join(dir, 'node-feedparser/wapowellness.xml')).page.articles.some((a) => a.byline.includes('Lenny Bernstein'))).toBe(true);
    expect(read(join(dir, 'node-feedparser/complexNamespaceFeed.xml')).feed.items[0]?.item.id).toBe('urn:uuid:d5ffaea2-0a9a-4f38-98fc-5c364177b6b4');
  });
});
