import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONFIG_URL } from '../../../tests/mocks/handlers.ts';
import { testConfig } from '../../../tests/render-app.tsx';
import { parseConfig } from '../../lib/config.ts';
import { warmOfflineCache } from './warm-offline-cache.ts';

afterEach(() => vi.restoreAllMocks());

/** Answer every fetch with an empty list; the responses and the requests' headers by URL. */
function recordFetches() {
  const responses = new Map<string, Response>();
  const accepts = new Map<string, string | null>();
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const response = new Response('{"items":[]}', { headers: { 'content-type': 'application/json' } });
    responses.set(String(input), response);
    accepts.set(String(input), new Headers(init?.headers).get('accept'));
    return Promise.resolve(response);
  });
  return { responses, accepts };
}

describe('warmOfflineCache', () => {
  it('fetches config.json and each feed again, as the reader asks for data, and reads every answer to the end', async () => {
    const { responses, accepts } = recordFetches();
    await warmOfflineCache(CONFIG_URL, testConfig, new QueryClient());
    expect([...responses.keys()].sort()).toEqual([CONFIG_URL, ...testConfig.sources.map((s) => s.url)].sort());
    // An unread body stays open between the page and the service worker.
    for (const [url, response] of responses) expect(response.bodyUsed, url).toBe(true);
    // The worker's data route knows the reader's data requests by their Accept header.
    for (const [url, accept] of accepts) expect(accept, url).toBe('application/feed+json, application/json');
  });

  it("fetches what each adapter asks for first: a WordPress site's first page of posts, not its home page", async () => {
    const { responses } = recordFetches();
    const config = parseConfig(
      {
        siteName: 'Mixed',
        sources: [
          { id: 'wp', name: 'Gazette', type: 'wordpress', url: 'https://wp.example/', perPage: 20 },
          { id: 'old', name: 'Archive', type: 'archive', url: 'https://cdn.example/archive/manifest.json' },
        ],
      },
      CONFIG_URL,
    );
    await warmOfflineCache(CONFIG_URL, config, new QueryClient());
    expect([...responses.keys()].sort()).toEqual(
      [CONFIG_URL, 'https://cdn.example/archive/manifest.json', 'https://wp.example/wp-json/wp/v2/posts?_embed=1&per_page=20&page=1'].sort(),
    );
  });
});
