import type { ArticleSummary } from '../../../types/article.ts';
import { markArticleSaved } from '../model/saved-articles.ts';

/**
 * Same-origin pictures an article shows: hero, its thumbnail and every <img> of the body. The
 * body is parsed into an inert document (DOMParser loads nothing and runs nothing). Cross-origin
 * pictures are left out: without CORS their responses are opaque and the service worker, which
 * caches only 200 responses, would not keep them anyway.
 */
export function articleImageUrls(
  article: ArticleSummary & { bodyHtml?: string },
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
  const html = article.bodyHtml ?? article.untrustedBodyHtml;
  if (html && html.includes('<img')) {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    for (const img of doc.querySelectorAll('img')) add(img.getAttribute('src'));
  }
  return [...urls];
}

/**
 * Keep an opened article for reading offline: remember its id, and fetch its pictures through the
 * service worker (whose image route caches them), including body pictures the reader has not
 * scrolled to yet (they are lazy-loaded). Without a controlling service worker only the id is kept.
 */
export async function saveForOffline(article: ArticleSummary & { bodyHtml?: string }): Promise<void> {
  markArticleSaved(article.id);
  if (typeof navigator === 'undefined' || !navigator.serviceWorker?.controller) return;
  await Promise.allSettled(
    articleImageUrls(article).map((url) => fetch(url, { credentials: 'same-origin' })),
  );
}
