import type { ArticleSummary } from '../types/article.ts';

// How every list of articles is ordered and de-duplicated, whichever source it came from: the
// reader's merged list, each feed, the archive CLI.

/** Newest first; undated articles last, in feed order (Array.prototype.sort is stable). */
export function byNewest(a: ArticleSummary, b: ArticleSummary): number {
  if (a.datePublished === b.datePublished) return 0;
  if (!a.datePublished) return 1;
  if (!b.datePublished) return -1;
  return a.datePublished < b.datePublished ? 1 : -1;
}

/**
 * Merge articles that share an id, keeping the most recently modified version: feeds repeat an
 * item when it is updated, and a repeated id must not show twice or break React keys.
 */
export function mergeDuplicates(articles: ArticleSummary[]): {
  articles: ArticleSummary[];
  duplicates: number;
} {
  const byId = new Map<string, ArticleSummary>();
  let duplicates = 0;
  for (const a of articles) {
    const seen = byId.get(a.id);
    if (!seen) {
      byId.set(a.id, a);
      continue;
    }
    duplicates++;
    const newer = (a.dateModified ?? a.datePublished ?? '') > (seen.dateModified ?? seen.datePublished ?? '');
    if (newer) byId.set(a.id, a);
  }
  return { articles: [...byId.values()], duplicates };
}
