import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONFIG_URL } from '../../../tests/mocks/handlers.ts';
import { testConfig } from '../../../tests/render-app.tsx';
import { warmOfflineCache } from './warm-offline-cache.ts';

afterEach(() => vi.restoreAllMocks());

describe('warmOfflineCache', () => {
  it('fetches config.json and each feed again, and reads every answer to the end', async () => {
    const responses = new Map<string, Response>();
    vi.spyOn(globalThis, 'fetch').mockImplementation((input) => {
      const response = new Response('{"items":[]}', { headers: { 'content-type': 'application/json' } });
      responses.set(String(input), response);
      return Promise.resolve(response);
    });
    await warmOfflineCache(CONFIG_URL, testConfig, new QueryClient());
    expect([...responses.keys()].sort()).toEqual([CONFIG_URL, ...testConfig.sources.map((s) => s.url)].sort());
    // An unread body stays open between the page and the service worker.
    for (const [url, response] of responses) expect(response.bodyUsed, url).toBe(true);
  });
});
