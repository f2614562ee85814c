import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Article, ArticleSummary } from '../../../types/article.ts';
import type { AppConfig } from '../../../types/config.ts';
import { sourceArticlesQueryOptions, LIST_STALE_TIME } from './get-articles.ts';
import { useConfig } from '../../../lib/config-context.ts';
import { loadSourceArticle, sourceOfId } from '../../../sources/registry.ts';
import { isFeedError } from '../../../lib/errors.ts';
import { retryableImport } from '../../../lib/retryable-import.ts';

/** Thrown when no configured source has an article with this id: the route shows a 404. */
export class ArticleNotFoundError extends Error {
  override readonly name = 'ArticleNotFoundError';
  constructor(readonly id: string) {
    super(`No article with id ${id}`);
  }
}

const importSanitizer = retryableImport(() => import('../../../lib/sanitize.ts'));

/**
 * Turn a summary into a full article: sanitize its body (relative URLs resolve against the feed).
 * DOMPurify loads here, on demand. The time it takes is recorded as the `news:sanitize`
 * performance measure (tests/bench/huge-article.mjs reads it).
 */
async function toArticle(summary: ArticleSummary, feedUrl: string, config: AppConfig): Promise<Article> {
  const { sanitizeBody } = await importSanitizer();
  const { untrustedBodyHtml, ...rest } = summary;
  const started = performance.now();
  const bodyHtml = await sanitizeBody(untrustedBodyHtml ?? '', { baseUrl: feedUrl, siteOrigin: siteOriginOf(config, feedUrl) });
  performance.measure?.('news:sanitize', { start: started, detail: { id: summary.id, parts: bodyHtml.length } });
  return { ...rest, bodyHtml };
}

/**
 * Links to other origins open in a new tab. The site's origin is the page's; while the build
 * prerenders (no window) it is the configured siteUrl's, else the feed's.
 */
function siteOriginOf(config: AppConfig, feedUrl: string): string {
  if (typeof location !== 'undefined') return location.origin;
  return new URL(config.siteUrl ?? feedUrl).origin;
}

/**
 * One article with its sanitized body. JSON Feed carries bodies in the list, so this reads the
 * (cached) list and only sanitizes; sources with a detail endpoint fetch it here instead.
 */
export function articleQueryOptions(config: AppConfig, id: string) {
  // Article ids are unique across the configured sources; the configuration (which source, how
  // to fetch and resolve links) is in the key as well, so the key names every input.
  return queryOptions({
    queryKey: ['articles', 'detail', id, { config }] as const,
    queryFn: async ({ client, signal }) => {
      const owner = sourceOfId(config.sources, id);
      if (!owner) throw new ArticleNotFoundError(id);
      const { source, localId } = owner;
      // Lists that carry bodies (JSON Feed, WordPress) answer from the cache; an archive's list
      // carries summaries only, and a server-paged source may not have this article loaded at all.
      if (source.type !== 'archive') {
        const list = await client.ensureQueryData(sourceArticlesQueryOptions(source, config.requestTimeoutMs));
        const found = list.articles.find((a) => a.id === id);
        if (found) return toArticle(found, source.url, config);
      }
      const fetched = await loadSourceArticle(source, localId, { signal, timeoutMs: config.requestTimeoutMs });
      if (fetched) return toArticle(fetched, source.url, config);
      throw new ArticleNotFoundError(id);
    },
    staleTime: LIST_STALE_TIME,
    // Feed errors come from the list query, which has already retried what is worth retrying;
    // retrying them here again would multiply the wait. A failed download of the sanitizer's
    // chunk (a dropped connection) is retried.
    retry: (count, error) => count < 3 && !(error instanceof ArticleNotFoundError) && !isFeedError(error),
  });
}

/** The full article (sanitized body); `summary` from the list renders the page while it loads. */
export function useArticle(id: string) {
  const config = useConfig();
  return useQuery(articleQueryOptions(config, id));
}
