import type { QueryClient } from '@tanstack/react-query';
import type { AppConfig } from '../../types/config.ts';
import { sourceArticlesQueryOptions } from '../../features/articles/api/get-articles.ts';
import { articleImageUrls } from '../../features/articles/api/save-for-offline.ts';
import { savedArticleIds } from '../../features/articles/model/saved-articles.ts';
import { sourceListUrl } from '../../sources/registry.ts';

/**
 * The Accept header of the reader's data requests (fetchJson, src/lib/http.ts): the worker's data
 * route recognizes them by it, and a copy is found again by the request the reader makes.
 */
const DATA_ACCEPT = 'application/feed+json, application/json';

/**
 * When a service worker first takes control, everything this page loaded so far bypassed it.
 * Fetch again, through it, what offline reading needs: config.json, the first request of each
 * source's list, as its adapter makes it (a feed's URL, a WordPress site's first page of posts
 * from its REST API, an archive's manifest: the worker's data route keeps the newest copy), and
 * the pictures of the articles already opened. Nothing else: a WordPress source's `url` is the
 * site's home page, an HTML page the reader never reads (and without CORS, an error in the
 * console). The HTTP cache answers most of these at once. Each body is read to the end: a
 * response left unread stays open between the page and the worker (measured: config.json stayed
 * in flight for as long as the page lived, so the page never went network-idle).
 */
export async function warmOfflineCache(
  configUrl: string,
  config: AppConfig,
  queryClient: QueryClient,
): Promise<void> {
  // An adapter whose code does not download now has nothing to warm: the list will try again.
  const lists = await Promise.all(config.sources.map((s) => sourceListUrl(s).catch(() => undefined)));
  const data = new Set<string>([configUrl, ...lists.filter((url) => url !== undefined)]);
  const pictures = new Set<string>();
  const saved = new Set(savedArticleIds());
  for (const source of config.sources) {
    const list = queryClient.getQueryData(
      sourceArticlesQueryOptions(source, config.requestTimeoutMs).queryKey,
    );
    for (const article of list?.articles ?? []) {
      if (saved.has(article.id)) for (const url of articleImageUrls(article)) pictures.add(url);
    }
  }
  const read = (url: string, init: RequestInit) => fetch(url, init).then((response) => response.arrayBuffer());
  await Promise.allSettled([
    ...[...data].map((url) => read(url, { headers: { Accept: DATA_ACCEPT } })),
    ...[...pictures].map((url) => read(url, { credentials: 'same-origin' })),
  ]);
}
