import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../tests/mocks/server.ts';
import type { SourceConfig } from '../types/config.ts';
import { CAPABILITIES } from './capabilities.ts';
import { capabilitiesOf, loadAdapter, loadSourceList } from './registry.ts';

const TYPES = Object.keys(CAPABILITIES) as SourceConfig['type'][];

describe('source registry', () => {
  it.each(TYPES)('%s: the adapter is the type it is registered for and declares its capabilities', async (type) => {
    const adapter = await loadAdapter({ type });
    expect(adapter.type).toBe(type);
    expect(adapter.capabilities).toEqual(capabilitiesOf({ type }));
  });

  it.each(TYPES)('%s: every capability comes with the method that serves it', async (type) => {
    const adapter = await loadAdapter({ type });
    const { serverSearch, categories, paging } = capabilitiesOf({ type });
    expect(typeof adapter.search === 'function').toBe(serverSearch);
    expect(typeof adapter.loadCategory === 'function').toBe(categories);
    expect(typeof adapter.loadListPage === 'function').toBe(paging);
  });
});

describe("a source's language", () => {
  const FEED = 'https://news.example/feed.json';
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'News',
    items: [
      { id: '1', title: 'Elections called', content_text: 'The elections are in May.' },
      { id: '2', title: 'Élections', content_text: 'Les élections auront lieu en mai.', language: 'fr' },
    ],
  };
  const base: SourceConfig = { id: 'main', name: 'News', type: 'jsonfeed', url: FEED, maxPages: 1, idPrefix: '' };

  it('is given to the articles that name none, and never overrides one that does', async () => {
    server.use(http.get(FEED, () => HttpResponse.json(feed)));
    const { articles } = await loadSourceList({ ...base, language: 'en' });
    expect(articles.map((a) => [a.id, a.language])).toEqual([
      ['1', 'en'],
      ['2', 'fr'],
    ]);
  });

  it('leaves articles without one as they are when the source has none, and ids are prefixed either way', async () => {
    server.use(http.get(FEED, () => HttpResponse.json(feed)));
    const plain = await loadSourceList(base);
    expect(plain.articles.map((a) => [a.id, a.language])).toEqual([
      ['1', undefined],
      ['2', 'fr'],
    ]);
    const second = await loadSourceList({ ...base, id: 'b', idPrefix: 'b~', language: 'en' });
    expect(second.articles.map((a) => [a.id, a.language])).toEqual([
      ['b~1', 'en'],
      ['b~2', 'fr'],
    ]);
  });
});
