import { readFileSync } from 'node:fs';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../tests/mocks/server.ts';
import { FeedError } from '../lib/errors.ts';
import type { SourceConfig } from '../types/config.ts';
import { parseWpPosts, wordpressAdapter, wpApiUrl } from './wordpress.ts';
import { describeWithCorpus, readCorpusJson } from '../../tests/corpora.ts';
import embeddedPost from '../../tests/fixtures/wordpress/embedded-post.json';

/** WordPress's own REST API test fixtures, in the shared data (their licence keeps them out of the repo). */
const WP_FIXTURES = ['PostsCollection', 'UsersCollection', 'CategoriesCollection', 'TagsCollection', 'MediaCollection'];
const shared = (name: string) => readCorpusJson(`fixtures/wordpress/${name}.json`) as Record<string, unknown>[];
/** Real `/wp/v2/posts?_embed` items recorded from the local WordPress (tools/wordpress, sample.ndjson). */
const recorded = JSON.parse(readFileSync('tests/fixtures/wordpress-posts.json', 'utf8')) as Record<string, unknown>[];

const SITE = 'https://wp.example';
const source: SourceConfig = { id: 'wp', name: 'Provincial News', type: 'wordpress', url: `${SITE}/`, maxPages: 3, perPage: 2 };

describe('parseWpPosts', () => {
  it('maps an ?_embed post: title, excerpt, author, terms, image with empty media_details, GMT date', () => {
    const { articles, skipped } = parseWpPosts([embeddedPost], `${SITE}/wp-json/wp/v2/posts`, source);
    expect(skipped).toBe(0);
    const [a] = articles;
    expect(a).toMatchObject({
      id: '7',
      slug: 'ferry-timetable-changes',
      url: 'https://wp.example/?p=7',
      headline: 'Ferry timetable changes',
      standfirst: 'The ferry leaves at nine.',
      bodyText: 'Written for the news reader\u2019s tests: the ferry leaves at nine.',
      datePublished: '2024-05-10T08:30:00.000Z',
      byline: ['harbourdesk'],
      category: { name: 'Uncategorized', slug: 'uncategorized' },
      tags: ['Ferries'],
      source: 'Provincial News',
      sourceId: 'wp',
    });
    // media_details is {}: source_url alone, with the caption as text.
    expect(a?.image).toEqual({
      url: 'https://wp.example/wp-content/uploads/2024/05/ferry.jpg',
      thumbUrl: undefined,
      renditions: undefined,
      alt: '',
      caption: 'The morning ferry',
      width: undefined,
      height: undefined,
    });
  });

  it('decodes entities in real titles exactly once and prefers a chosen category to Uncategorized', () => {
    const { articles } = parseWpPosts(recorded, `${SITE}/wp-json/wp/v2/posts`, source);
    const entity = articles.find((a) => a.id === '33');
    expect(entity?.headline).toBe('Exampleton\u2019s harbour master & the lighthouse keeper\u2019s logbook');
    expect(entity?.headline).not.toMatch(/&#|&amp;/);
    expect(entity?.category).toEqual({ name: 'Local', slug: 'local' });
    expect(entity?.tags).toEqual(['exampleton', 'lighthouse']);
    expect(entity?.byline).toEqual(['Alex Example']);
    expect(entity?.datePublished).toBe('2025-03-20T09:30:00.000Z');
  });

  it('takes every size of an uploaded image for srcset and a card-sized thumbnail', () => {
    const { articles } = parseWpPosts(recorded, `${SITE}/wp-json/wp/v2/posts`, source);
    const image = articles.find((a) => a.id === '19')?.image;
    expect(image?.url).toMatch(/dummy-06\.jpg$/);
    expect(image?.width).toBe(1200);
    expect(image?.height).toBe(675);
    expect(image?.thumbUrl).toMatch(/dummy-06-300x169\.jpg$/);
    const widths = image?.renditions?.map((r) => r.width) ?? [];
    expect(widths).toEqual([...widths].sort((x, y) => x - y));
    expect(widths).toContain(1200);
    expect(widths.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps an external featured image (media_details empty) as its source_url', () => {
    const { articles } = parseWpPosts(recorded, `${SITE}/wp-json/wp/v2/posts`, source);
    const image = articles.find((a) => a.id === '31')?.image;
    expect(image?.url).toBe('https://images.example.com/dummy/lighthouse.jpg');
    expect(image?.renditions).toBeUndefined();
  });

  it('skips posts without an id, ignores embedded media errors, rejects a non-list', () => {
    const forbidden = { ...embeddedPost, id: 5, _embedded: { 'wp:featuredmedia': [{ code: 'rest_forbidden', message: 'Sorry' }] } };
    const { articles, skipped } = parseWpPosts([forbidden, { title: { rendered: 'no id' } }, 'junk'], SITE, source);
    expect(articles.map((a) => a.id)).toEqual(['5']);
    expect(articles[0]?.image).toBeUndefined();
    expect(skipped).toBe(2);
    expect(() => parseWpPosts({ code: 'rest_no_route' }, SITE, source)).toThrow(FeedError);
  });
});

describeWithCorpus(
  WP_FIXTURES.map((name) => `fixtures/wordpress/${name}.json`),
  "parseWpPosts on WordPress's own REST API fixtures",
  () => {
    /** WordPress's own fixture post with `_embedded` composed from its user, term and media fixtures, as `?_embed` returns it. */
    function embeddedFixturePost() {
      const [post] = shared('PostsCollection');
      return {
        ...post,
        _embedded: {
          author: [shared('UsersCollection')[0]],
          'wp:term': [shared('CategoriesCollection'), shared('TagsCollection')],
          'wp:featuredmedia': [shared('MediaCollection')[0]],
        },
      };
    }

    it("maps WordPress's own fixtures: title, excerpt, author, terms, image with empty media_details", () => {
      const { articles, skipped } = parseWpPosts([embeddedFixturePost()], `${SITE}/wp-json/wp/v2/posts`, source);
      expect(skipped).toBe(0);
      const [a] = articles;
      expect(a).toMatchObject({
        id: '4',
        slug: 'restapi-client-fixture-post',
        url: 'http://example.org/?p=4',
        headline: 'REST API Client Fixture: Post',
        standfirst: 'REST API Client Fixture: Post',
        bodyText: 'Updated post content.',
        datePublished: '2017-02-14T00:00:00.000Z',
        byline: ['admin'],
        category: { name: 'Uncategorized', slug: 'uncategorized' },
        tags: ['REST API Client Fixture: Tag'],
        source: 'Provincial News',
        sourceId: 'wp',
      });
      // media_details is {}: source_url alone, with the caption as text.
      expect(a?.image).toEqual({
        url: 'http://example.org/wp-content/uploads//tmp/canola.jpg',
        thumbUrl: undefined,
        renditions: undefined,
        alt: '',
        caption: 'A sample caption',
        width: undefined,
        height: undefined,
      });
    });
  },
);

describe('wordpressAdapter', () => {
  it('declares server-side search, categories and paging', () => {
    expect(wordpressAdapter.capabilities).toEqual({ serverSearch: true, categories: true, paging: true });
  });

  it('pages with per_page/page until X-WP-TotalPages and reports X-WP-Total', async () => {
    const seen: string[] = [];
    const urls: string[] = [];
    server.use(
      http.get(`${SITE}/wp-json/wp/v2/posts`, ({ request }) => {
        const url = new URL(request.url);
        seen.push(url.search);
        urls.push(request.url);
        const page = Number(url.searchParams.get('page'));
        const items = page === 1 ? recorded.slice(0, 2) : recorded.slice(2);
        return HttpResponse.json(items, { headers: { 'X-WP-Total': '3', 'X-WP-TotalPages': '2' } });
      }),
    );
    const result = await wordpressAdapter.loadList(source);
    expect(result.articles.map((a) => a.id)).toEqual(['31', '33', '19']);
    expect(result.total).toBe(3);
    expect(result.pages).toBe(2);
    expect(seen).toEqual(['?_embed=1&per_page=2&page=1', '?_embed=1&per_page=2&page=2']);
    // What the offline warm-up fetches again is the list's first request, to the letter.
    expect(wordpressAdapter.listUrl(source)).toBe(urls[0]);
  });

  it('falls back to ?rest_route= when /wp-json is not routed (plain permalinks)', async () => {
    const plainSite = 'https://plain.example';
    server.use(
      http.get(`${plainSite}/wp-json/wp/v2/posts`, () => HttpResponse.html('<!doctype html><p>Not found</p>', { status: 404 })),
      http.get(`${plainSite}/`, ({ request }) => {
        const url = new URL(request.url);
        expect(url.searchParams.get('rest_route')).toBe('/wp/v2/posts');
        return HttpResponse.json(recorded.slice(0, 1), { headers: { 'X-WP-Total': '1', 'X-WP-TotalPages': '1' } });
      }),
    );
    const plain = { ...source, url: plainSite };
    const result = await wordpressAdapter.loadList(plain);
    expect(result.articles).toHaveLength(1);
    // Remembered: the next request goes straight to rest_route.
    expect(wpApiUrl(plain, '/wp/v2/posts', { page: 2 })).toBe(`${plainSite}/?rest_route=%2Fwp%2Fv2%2Fposts&page=2`);
    expect(wordpressAdapter.listUrl(plain)).toBe(`${plainSite}/?rest_route=%2Fwp%2Fv2%2Fposts&_embed=1&per_page=2&page=1`);
  });

  it('searches with the server’s search= parameter', async () => {
    server.use(
      http.get(`${SITE}/wp-json/wp/v2/posts`, ({ request }) => {
        const url = new URL(request.url);
        expect(url.searchParams.get('search')).toBe('lighthouse');
        expect(url.searchParams.get('page')).toBe('2');
        return HttpResponse.json(recorded.slice(0, 2), { headers: { 'X-WP-Total': '4', 'X-WP-TotalPages': '2' } });
      }),
    );
    const page = await wordpressAdapter.search?.(source, 'lighthouse', { page: 2 });
    expect(page?.total).toBe(4);
    expect(page?.totalPages).toBe(2);
    expect(page?.articles.map((a) => a.id)).toEqual(['31', '33']);
  });

  it('lists a category by looking up its id and asking for categories=ID', async () => {
    server.use(
      http.get(`${SITE}/wp-json/wp/v2/categories`, () => HttpResponse.json([{ id: 7, name: 'Culture &amp; Arts', slug: 'culture', taxonomy: 'category' }])),
      http.get(`${SITE}/wp-json/wp/v2/posts`, ({ request }) => {
        expect(new URL(request.url).searchParams.get('categories')).toBe('7');
        return HttpResponse.json([recorded[0]], { headers: { 'X-WP-Total': '1', 'X-WP-TotalPages': '1' } });
      }),
    );
    const page = await wordpressAdapter.loadCategory?.(source, 'culture');
    expect(page?.name).toBe('Culture & Arts');
    expect(page?.articles).toHaveLength(1);
  });

  it('names the site and CORS when a cross-origin request fails', async () => {
    server.use(http.get(`${SITE}/wp-json/wp/v2/posts`, () => HttpResponse.error()));
    const error = await wordpressAdapter.loadList(source).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedError);
    expect((error as FeedError).kind).toBe('network');
    expect((error as FeedError).message).toMatch(/wp\.example/);
    expect((error as FeedError).message).toMatch(/CORS/);
  });
});
