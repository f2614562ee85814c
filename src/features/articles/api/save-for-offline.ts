import type { ArticleSummary } from '../../../types/article.ts';
import { markArticleSaved } from '../model/saved-articles.ts';

/**
 * Same-origin pictures an article shows: hero, its thumbnail and every <img> of the body. The
 * body is read as DOMPurify serialized it (double-quoted attributes), so a pattern finds every
 * `src` without handing HTML to a parser (a Trusted Types sink). Cross-origin
 * pictures are left out: without CORS their responses are opaque and the service worker, which
 * caches only 200 responses, would not keep them anyway.
 */
export function articleImageUrls(
  article: ArticleSummary & { bodyHtml?: readonly unknown[] },
  origin = location.origin,
): string[] {
  const urls = new Set<string>();
  const add = (src: string | undefined | null) => {
    if (!src) return;
    try {
      const u = new URL(src, origin);
      if (u.origin === origin) urls.add(u.href);
    } catch {
      // not a URL: nothing to keep
    }
  };
  add(article.image?.url);
  add(article.image?.thumbUrl);
  const html = article.bodyHtml?.map(String).join('') ?? '';
  for (const match of html.matchAll(/<img\b[^>]*?\ssrc="([^"]*)"/gi)) {
    add(match[1]?.replace(/&amp;/g, '&'));
  }
  return [...urls];
}

/**
 * Keep an opened article for reading offline: remember its id, and fetch its pictures through the
 * service worker (whose image route caches them), including body pictures the reader has not
 * scrolled to yet (they are lazy-loaded). Without a controlling service worker only the id is kept.
 */
export async function saveForOffline(article: ArticleSummary & { bodyHtml?: readonly unknown[] }): Promise<void> {
  markArticleSaved(article.id);
  if (typeof navigator === 'undefined' || !navigator.serviceWorker?.controller) return;
  await Promise.allSettled(
    articleImageUrls(article).map((url) => fetch(url, { credentials: 'same-origin' })),
  );
}
