import type { QueryClient } from '@tanstack/react-query';
import { createQueryClient } from '../app/query-client.ts';

const clients = new Map<string, QueryClient>();

/**
 * One QueryClient per configuration source on the page: a `<news-reader>` and a `<news-recent>`
 * reading the same feed download it once and stay in step, while readers of different feeds
 * cannot see each other's articles (article ids are only unique within a configuration).
 */
export function queryClientFor(sourceKey: string): QueryClient {
  let client = clients.get(sourceKey);
  if (!client) {
    client = createQueryClient();
    clients.set(sourceKey, client);
  }
  return client;
}
