import { describe, expect, it, vi } from 'vitest';
import { http, HttpResponse } from 'msw';
import { server } from '../../tests/mocks/server.ts';
import { sampleFeed } from '../../tests/fixtures/sample-feed.ts';
import feed11 from '../../tests/fixtures/jsonfeed/feed-1.1.json';
import feed10 from '../../tests/fixtures/jsonfeed/feed-1.0.json';
import { describeWithCorpus, readCorpusJson } from '../../tests/corpora.ts';
import { loadJsonFeed } from './jsonfeed.ts';
import { parseJsonFeed, parseJsonFeedInSlices } from './jsonfeed-parse.ts';
import { mergeDuplicates } from '../lib/article-order.ts';
import { FeedError } from '../lib/errors.ts';
import type { SourceConfig } from '../types/config.ts';

const source = { id: 'test', name: 'Test Agency' };

describe('parseJsonFeed', () => {
  it('maps JSON Feed 1.1 with _news into domain summaries and counts bad items', () => {
    const page = parseJsonFeed(sampleFeed, 'https://news.example/data/feed.json', source);
    expect(page.skipped).toBe(2);
    expect(page.articles).toHaveLength(3);
    const bridge = page.articles.find((a) => a.id === 'a2');
    expect(bridge).toMatchObject({
      headline: 'New bridge opens over the Mekong',
      slug: 'new-bridge-opens-over-the-mekong',
      byline: ['Keo Phommachanh'],
      dateline: 'VIENTIANE, Nov 22',
      category: { name: 'Economy', slug: 'economy' },
      source: 'Test Agency',
      language: 'en',
      image: { url: 'https://news.example/data/images/bridge.webp', alt: 'A concrete bridge over a wide river', width: 1200 },
    });
    expect(bridge?.bodyText).not.toContain('__xss');
    expect(page.articles.find((a) => a.id === 'a3')?.language).toBe('lo');
  });

  it('reads JSON Feed 1.1: authors, feed and item language, tags, content_html, entities, next_url', () => {
    const page = parseJsonFeed(feed11, 'https://blog.example.de/feed.json', source);
    expect(page.skipped).toBe(0);
    expect(page.nextUrl).toBe('https://blog.example.de/feed-2.json');
    const [bike, market, visitors, note] = page.articles;
    expect(bike).toMatchObject({
      headline: 'Neuer Fahrradweg & mehr Bänke am Ufer',
      standfirst: 'Ein Weg, zwölf Bänke.',
      byline: ['Jana Muster', 'Ole Beispiel'],
      tags: ['Verkehr', 'Fahrrad', 'Ufer'],
      language: 'de-DE',
      datePublished: '2026-03-02T08:15:00.000Z',
      dateModified: '2026-03-02T10:00:00.000Z',
    });
    expect(bike?.bodyText).toContain('zwölf neue Bänke – alle aus Holz');
    expect(market?.image?.url).toBe('https://blog.example.de/bilder/markt.jpg');
    expect(visitors).toMatchObject({ headline: 'A visitor\u2019s guide, in English', language: 'en' });
    // No title: the text stands in; no authors: the feed's.
    expect(note).toMatchObject({ headline: 'Kurze Notiz ohne Titel: die Bibliothek bleibt am Montag geschlossen.', byline: ['Redaktion Beispielstadt'] });
  });

  it('reads JSON Feed 1.0 (author, not authors) and decodes entities in titles and bodies', () => {
    const page = parseJsonFeed(feed10, 'https://links.example.com/feeds/json', source);
    expect(page.skipped).toBe(0);
    expect(page.articles.map((a) => a.byline)).toEqual([['Robin Example'], ['Kim Guest'], ['Robin Example']]);
    expect(page.articles.map((a) => a.headline)).toEqual(['The Harbour\u2019s New Report', 'Guest Post: Lighthouses & Logbooks', 'Linked: Tide Tables']);
    expect(page.articles[0]?.url).toBe('https://links.example.com/2026/04/01/harbour');
    expect(page.articles[0]?.bodyText).toContain('\u201cWe counted the boats,\u201d');
    expect(page.articles.every((a) => !/&#\d+;|&[a-z]+;/.test(a.bodyText))).toBe(true);
  });

  it('uses the body as a headline when the title is missing, and drops items with no text at all', () => {
    const page = parseJsonFeed(
      { items: [{ id: 1, content_text: 'COCOA prices rose sharply on Monday.\nMore text.' }, { id: 2 }, { id: 3, title: '   ' }] },
      'https://x.example/f.json',
      source,
    );
    expect(page.articles.map((a) => a.headline)).toEqual(['COCOA prices rose sharply on Monday.']);
    expect(page.articles[0]?.id).toBe('1');
    expect(page.skipped).toBe(2);
  });

  it('keeps an item whose optional fields have the wrong type, dropping just those fields', () => {
    const page = parseJsonFeed(
      { items: [{ id: 'x', title: 'Fine', tags: 'not-a-list', authors: 5, date_published: 'yesterday-ish', image: 'javascript:alert(1)' }] },
      'https://x.example/f.json',
      source,
    );
    expect(page.skipped).toBe(0);
    expect(page.articles[0]).toMatchObject({ headline: 'Fine', tags: [], byline: [], datePublished: undefined, image: undefined });
  });

  it.each([[null], [[1, 2]], ['text'], [{ title: 'no items' }]])('throws a shape error for %j', (data) => {
    expect(() => parseJsonFeed(data, 'https://x.example/f.json', source)).toThrow(FeedError);
  });
});

describeWithCorpus(
  ['fixtures/jsonfeed/jsonfeed-1.1-3960.json', 'fixtures/jsonfeed/jsonfeed-1.0-daringfireball.json'],
  'parseJsonFeed on real third-party feeds',
  () => {
    it('reads a real JSON Feed 1.1 (authors, language, tags, content_html)', () => {
      const page = parseJsonFeed(readCorpusJson('fixtures/jsonfeed/jsonfeed-1.1-3960.json'), 'https://example.net/feed.json', source);
      expect(page.skipped).toBe(0);
      expect(page.articles.length).toBeGreaterThan(5);
      for (const a of page.articles) {
        expect(a.headline).not.toMatch(/&#\d+;|&amp;/);
        expect(a.byline.length).toBeGreaterThan(0);
      }
    });

    it('reads a real JSON Feed 1.0 (author, not authors) and decodes entities in titles', () => {
      const page = parseJsonFeed(readCorpusJson('fixtures/jsonfeed/jsonfeed-1.0-daringfireball.json'), 'https://daringfireball.net/feeds/json', source);
      expect(page.skipped).toBe(0);
      expect(page.articles[0]?.byline).toEqual(['John Gruber']);
      expect(page.articles.every((a) => !a.bodyText.includes('&#8217;'))).toBe(true);
    });
  },
);

describe('mergeDuplicates', () => {
  it('keeps the most recently modified copy of a repeated id', () => {
    const page = parseJsonFeed(
      {
        items: [
          { id: 'd', title: 'Old', date_published: '2026-01-01T00:00:00Z' },
          { id: 'd', title: 'New', date_published: '2026-01-01T00:00:00Z', date_modified: '2026-01-02T00:00:00Z' },
        ],
      },
      'https://x.example/f.json',
      source,
    );
    const merged = mergeDuplicates(page.articles);
    expect(merged.duplicates).toBe(1);
    expect(merged.articles.map((a) => a.headline)).toEqual(['New']);
  });
});

describe('loadJsonFeed', () => {
  const cfg: SourceConfig = { id: 'p', name: 'Paged', type: 'jsonfeed', url: 'http://localhost/paged/1.json', maxPages: 10 };
  const pageOf = (n: number, next?: string) => ({
    version: 'https://jsonfeed.org/version/1.1',
    items: [{ id: `p${n}`, title: `Item ${n}`, date_published: `2026-0${n}-01T00:00:00Z` }],
    ...(next ? { next_url: next } : {}),
  });

  it('follows next_url (relative) and sorts newest first', async () => {
    server.use(
      http.get('http://localhost/paged/1.json', () => HttpResponse.json(pageOf(1, '2.json'))),
      http.get('http://localhost/paged/2.json', () => HttpResponse.json(pageOf(2, '/paged/3.json'))),
      http.get('http://localhost/paged/3.json', () => HttpResponse.json(pageOf(3, '1.json'))), // a loop: must stop
    );
    const result = await loadJsonFeed(cfg);
    expect(result.pages).toBe(3);
    expect(result.articles.map((a) => a.id)).toEqual(['p3', 'p2', 'p1']);
  });

  it('keeps earlier pages when a later page fails', async () => {
    server.use(
      http.get('http://localhost/paged/1.json', () => HttpResponse.json(pageOf(1, '2.json'))),
      http.get('http://localhost/paged/2.json', () => new HttpResponse('oops', { status: 502 })),
    );
    const result = await loadJsonFeed(cfg);
    expect(result.articles.map((a) => a.id)).toEqual(['p1']);
    expect(result.partialError).toMatchObject({ kind: 'http', status: 502 });
  });

  it.each([
    ['an HTML error page', () => new HttpResponse('<!doctype html><h1>502</h1>', { headers: { 'Content-Type': 'text/html' } }), 'not-json'],
    ['truncated JSON', () => new HttpResponse('{"version":"x","items":[{"id":"1","ti', { status: 200 }), 'truncated'],
    ['a 404', () => new HttpResponse('nope', { status: 404 }), 'http'],
    ['a 500', () => new HttpResponse('down', { status: 500 }), 'http'],
    ['wrong shape', () => HttpResponse.json({ hello: 'world' }), 'shape'],
    ['a network error', () => HttpResponse.error(), 'network'],
  ])('classifies %s', async (_, reply, kind) => {
    server.use(http.get('http://localhost/paged/1.json', reply));
    await expect(loadJsonFeed(cfg)).rejects.toMatchObject({ name: 'FeedError', kind, url: cfg.url });
  });
});

describe('parseJsonFeed: text fields are text, extension fields that arrive as HTML become text', () => {
  it('keeps a title, a summary and a name as written: the spec says they are plain text', () => {
    const item = { id: 't', title: 'Die Rückkehr von <i> und <b>', summary: 'The <dialog> element &amp; its friends', content_html: '<p>Body</p>', authors: [{ name: 'Ana <ana@example.org>' }] };
    expect(parseJsonFeed({ items: [item] }, 'https://news.example/data/feed.json', source).articles[0]).toMatchObject({
      headline: 'Die Rückkehr von <i> und <b>',
      standfirst: 'The <dialog> element & its friends',
      byline: ['Ana <ana@example.org>'],
    });
  });

  it('reduces caption, alt, credit, dateline, section, source and tags (the _news extension) to text', () => {
    const page = parseJsonFeed(
      {
        items: [
          {
            id: 'h',
            title: 'Rice &amp; beans',
            content_html: '<p>Body</p>',
            tags: ['<b>rice</b>', 'rice', '<svg onload=steal()>'],
            _news: {
              category: '<span style="color:red">Economy</span>',
              dateline: 'PAKSE,<br>Nov 20',
              source: '<a href="https://x.example">Test &amp; Co</a>',
              image: { url: 'a.jpg', alt: '<img src=x onerror=steal()>A field', caption: 'The <em>harvest</em>', credit: '<b>Photo:</b> Test' },
            },
          },
        ],
      },
      'https://news.example/data/feed.json',
      source,
    );
    expect(page.articles[0]).toMatchObject({
      headline: 'Rice & beans',
      tags: ['rice'],
      category: { name: 'Economy', slug: 'economy' },
      dateline: 'PAKSE, Nov 20',
      source: 'Test & Co',
      image: { url: 'https://news.example/data/a.jpg', alt: 'A field', caption: 'The harvest', credit: 'Photo: Test' },
    });
  });
});

describe('parseJsonFeedInSlices', () => {
  const big = {
    version: 'https://jsonfeed.org/version/1.1',
    items: Array.from({ length: 300 }, (_, i) => (i % 50 === 7 ? { broken: true } : { id: `n${i}`, title: `Story ${i}`, content_html: `<p>Body ${i}</p>`, date_published: '2026-11-01T08:00:00Z' })),
  };

  it('gives what parseJsonFeed gives, and yields to the browser between slices', async () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 1)); // each reading 1 ms later
    const timeouts = vi.spyOn(globalThis, 'setTimeout');
    const sliced = await parseJsonFeedInSlices(big, 'https://news.example/feed.json', source);
    const yields = timeouts.mock.calls.length;
    vi.restoreAllMocks();
    expect(sliced).toEqual(parseJsonFeed(big, 'https://news.example/feed.json', source));
    expect(sliced.articles).toHaveLength(294);
    expect(sliced.skipped).toBe(6);
    expect(yields).toBeGreaterThan(20); // about one per 8 readings of the clock
  });

  it('stops when the load is cancelled', async () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 5));
    const controller = new AbortController();
    controller.abort();
    await expect(parseJsonFeedInSlices(big, 'https://news.example/feed.json', source, controller.signal)).rejects.toThrow();
    vi.restoreAllMocks();
  });
});
