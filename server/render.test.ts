// What the server wraps around a rendered page: the template's preloads, the data block the
// browser hydrates with, and encodings that hold only their own bytes.
import { describe, expect, it } from 'vitest';
import { QueryClient, queryOptions } from '@tanstack/react-query';
import { documentFor } from '../src/entry-server.tsx';
import { adoptServerState, SERVER_STATE_ID } from '../src/app/server-state.ts';
import { encoded } from './pages.ts';

const TEMPLATE =
  '<!doctype html><html lang="en"><head>' +
  '<link rel="preload" href="/config.json" as="fetch" crossorigin="anonymous" />' +
  '<link rel="preload" as="fetch" crossorigin="anonymous" data-feed-preload href="/data/feed.json">' +
  '\n    <link rel="modulepreload" crossorigin data-app-preload href="/assets/react-1.js">\n' +
  '<link rel="modulepreload" crossorigin href="/assets/boot-1.js">' +
  '</head><body><div id="root"></div></body></html>';
const page = { locale: 'en', path: '/', sourcesKey: 'k' };

describe('documentFor', () => {
  it("leaves the app's code to the boot script on served pages, lowers it on the build's, keeps the boot's own", () => {
    const served = documentFor(TEMPLATE, '<p>x</p>', { ...page, appPreloads: false });
    expect(served).not.toContain('react-1.js');
    expect(served).toContain('<link rel="modulepreload" crossorigin href="/assets/boot-1.js">');
    const built = documentFor(TEMPLATE, '<p>x</p>', page);
    expect(built).toContain(
      '<link rel="modulepreload" crossorigin fetchpriority="low" href="/assets/react-1.js">',
    );
  });

  it("keeps an article's $& and $' as text (replacement patterns would paste parts of the template)", () => {
    const html = documentFor(TEMPLATE, "<p>Prices: $& and $' and $1</p>", page);
    expect(html).toContain("<p>Prices: $& and $' and $1</p>");
    expect(html.match(/<div id="root"/g)).toHaveLength(1);
  });

  it("replaces the build's feed preloads with the live sources' first requests, keeping config.json's", () => {
    const html = documentFor(TEMPLATE, '<p>x</p>', {
      ...page,
      dataPreloads: ['https://cms.example/wp-json/wp/v2/posts?a=1&b=2'],
    });
    expect(html).not.toContain('/data/feed.json');
    expect(html).toContain('href="/config.json"');
    expect(html).toContain(
      '<link rel="preload" as="fetch" crossorigin="anonymous" href="https://cms.example/wp-json/wp/v2/posts?a=1&amp;b=2">',
    );
    // Without dataPreloads (the static build's prerender), the build's own stay.
    expect(documentFor(TEMPLATE, '<p>x</p>', page)).toContain('/data/feed.json');
  });

  it('carries the state as a JSON data block that a hostile title cannot close, and the browser seeds its cache from it', () => {
    const hostile = 'A </script><script>alert(1)</script> <!-- title';
    const state =
      `[{"key":["articles","list"],"data":${JSON.stringify({ title: hostile })},"updatedAt":1700000000000}]`.replace(
        /</g,
        '\\u003c',
      );
    const html = documentFor(TEMPLATE, '<p>x</p>', { ...page, state });
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('</script><script>');
    document.documentElement.innerHTML = new DOMParser().parseFromString(
      html,
      'text/html',
    ).documentElement.innerHTML;
    const client = new QueryClient();
    const list = queryOptions({ queryKey: ['articles', 'list'], queryFn: () => ({ title: '' }) });
    adoptServerState(client);
    expect(client.getQueryData(list.queryKey)).toEqual({ title: hostile });
    expect(client.getQueryState(list.queryKey)?.dataUpdatedAt).toBe(1700000000000);
    expect(document.getElementById(SERVER_STATE_ID)).toBeNull();
  });

  it('a broken data block seeds nothing and breaks nothing', () => {
    document.body.innerHTML = `<script type="application/json" id="${SERVER_STATE_ID}">[{"key":</script>`;
    const client = new QueryClient();
    adoptServerState(client);
    expect(client.getQueryCache().getAll()).toHaveLength(0);
  });
});

describe('encoded', () => {
  it('keeps only its own bytes for the compressed copies (not the 16 KB chunk zlib wrote them into)', () => {
    const html = `<!doctype html><p>${'Vientiane news. '.repeat(400)}</p>`;
    const page = encoded(200, 'text/html; charset=utf-8', html);
    for (const copy of [page.br!, page.gzip!]) {
      expect(copy.byteLength).toBeLessThan(4096);
      // Small copies may share Node's 8 KB pool; never a 16 KB zlib chunk.
      expect(copy.buffer.byteLength).toBeLessThanOrEqual(8192);
    }
  });
});
