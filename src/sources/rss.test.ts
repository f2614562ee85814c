import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { server } from '../../tests/mocks/server.ts';
import { loadSourceList } from './registry.ts';
import type { SourceConfig } from '../types/config.ts';

const fixture = (rel: string) => readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/feeds', rel));
const cfg = (type: SourceConfig['type'], url: string): SourceConfig => ({ id: 'rss', name: 'Feed', type, url, maxPages: 1 });
const xml = (bytes: Uint8Array, contentType = 'application/rss+xml') => () => new HttpResponse(new Uint8Array(bytes), { headers: { 'Content-Type': contentType } });

describe('the rss source', () => {
  it('reads RSS 2.0 as bytes, in the encoding its prolog names (windows-1251)', async () => {
    server.use(http.get('https://news.example.ru/rss', xml(fixture('node-feedparser/iconv.xml'), 'text/xml')));
    const result = await loadSourceList(cfg('rss', 'https://news.example.ru/rss'));
    expect(result.articles).toHaveLength(10);
    expect(result.articles.map((a) => a.headline)).toContain('В Бузулуке главные стройплощадки – детсад и Ледовый дворец');
  });

  it('lets the HTTP charset decide over the prolog, and resolves relative links against the feed URL', async () => {
    const body = new TextEncoder().encode('<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><item><title>Żółw</title><link>story/1</link></item></channel></rss>');
    server.use(http.get('https://news.example.pl/feeds/main.xml', xml(body, 'application/rss+xml; charset=utf-8')));
    const [article] = (await loadSourceList(cfg('rss', 'https://news.example.pl/feeds/main.xml'))).articles;
    expect(article).toMatchObject({ headline: 'Żółw', url: 'https://news.example.pl/feeds/story/1' });
  });

  it('reads Atom and RSS 1.0 from a "jsonfeed" source whose address answers with XML (detected from the content)', async () => {
    server.use(
      http.get('https://blog.example.org/atom', xml(fixture('own/cases.atom'), 'application/atom+xml')),
      http.get('https://science.example.org/rss', xml(fixture('rss-parser/input/rss-1.rss'), 'application/rdf+xml')),
    );
    expect((await loadSourceList(cfg('jsonfeed', 'https://blog.example.org/atom'))).articles).toHaveLength(3);
    expect((await loadSourceList(cfg('jsonfeed', 'https://science.example.org/rss'))).articles).toHaveLength(69);
  });

  it('fails a malformed feed with a FeedError naming line and column', async () => {
    server.use(http.get('https://broken.example.org/feed.rss', xml(fixture('own/malformed.rss'))));
    await expect(loadSourceList(cfg('rss', 'https://broken.example.org/feed.rss'))).rejects.toMatchObject({
      name: 'FeedError',
      kind: 'shape',
      message: expect.stringMatching(/line 5, column 35/) as unknown,
    });
  });
});
