/*
 * Dates as each format wants them. The domain's dates are ISO strings already, but a feed is
 * read by other programs: a date that does not parse, or that no format can write with a
 * four-digit year, is left out rather than published as "Invalid Date" or "+275760-…".
 */
import type { ArticleSummary } from '../../src/types/article.ts';

const FIRST = Date.parse('0000-01-01T00:00:00.000Z');
const LAST = Date.parse('9999-12-31T23:59:59.999Z');

/** Milliseconds since the epoch, or undefined for a missing, unparseable or out-of-range date. */
export function timeOf(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso);
  return Number.isFinite(time) && time >= FIRST && time <= LAST ? time : undefined;
}

/** RFC 3339 in UTC, to the second (JSON Feed, sitemaps' W3C Datetime, Google News). */
export function rfc3339(time: number | undefined): string | undefined {
  return time === undefined ? undefined : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** RFC 822 with a four-digit year, as RSS 2.0 asks: "Sun, 06 Dec 2026 21:55:35 GMT". */
export function rfc822(time: number | undefined): string | undefined {
  return time === undefined ? undefined : new Date(time).toUTCString();
}

/** When the article last changed: modified, else published. */
export function changedAt(a: ArticleSummary): number | undefined {
  return timeOf(a.dateModified) ?? timeOf(a.datePublished);
}

/** The latest change among the articles, or undefined when none has a date. */
export function lastChange(articles: readonly ArticleSummary[]): number | undefined {
  let latest: number | undefined;
  for (const a of articles) {
    const t = changedAt(a);
    if (t !== undefined && (latest === undefined || t > latest)) latest = t;
  }
  return latest;
}
