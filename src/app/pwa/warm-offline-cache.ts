import type { QueryClient } from '@tanstack/react-query';
import type { AppConfig } from '../../types/config.ts';
import { sourceArticlesQueryOptions } from '../../features/articles/api/get-articles.ts';
import { articleImageUrls } from '../../features/articles/api/save-for-offline.ts';
import { savedArticleIds } from '../../features/articles/model/saved-articles.ts';

/**
 * When a service worker first takes control, everything this page loaded so far bypassed it.
 * Fetch again, through it, what offline reading needs: config.json, the first page of each feed
 * (the worker's data route keeps the newest copy) and the pictures of the articles already
 * opened. The HTTP cache answers most of these at once. Each body is read to the end: a
 * response left unread stays open between the page and the worker (measured: config.json stayed
 * in flight for as long as the page lived, so the page never went network-idle).
 */
export async function warmOfflineCache(
  configUrl: string,
  config: AppConfig,
  queryClient: QueryClient,
): Promise<void> {
  const urls = new Set<string>([configUrl, ...config.sources.map((s) => s.url)]);
  const saved = new Set(savedArticleIds());
  for (const source of config.sources) {
    const list = queryClient.getQueryData(
      sourceArticlesQueryOptions(source, config.requestTimeoutMs).queryKey,
    );
    for (const article of list?.articles ?? []) {
      if (saved.has(article.id)) for (const url of articleImageUrls(article)) urls.add(url);
    }
  }
  await Promise.allSettled(
    [...urls].map((url) => fetch(url, { credentials: 'same-origin' }).then((response) => response.arrayBuffer())),
  );
}
