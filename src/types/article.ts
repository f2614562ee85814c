import type { TrustedHTML } from 'trusted-types/lib';

declare const sanitized: unique symbol;

/**
 * HTML that came out of the sanitizer (src/lib/sanitize.ts) and is safe to insert as-is: a
 * TrustedHTML where the browser has Trusted Types, a string elsewhere (tests, older browsers).
 * The brand keeps any other string from being passed off as one.
 */
export type SanitizedHtml = (TrustedHTML | string) & { readonly [sanitized]: true };

/**
 * The domain article: what every component sees. Source adapters (src/sources) map their raw
 * formats to this and nothing else leaves them. Vocabulary follows newsroom usage
 * (headline, standfirst, byline, dateline, caption), as Guardian's dotcom-rendering does.
 */
export interface ArticleImage {
  url: string;
  /** A smaller rendition for cards and lists, when the source has one. */
  thumbUrl?: string;
  /** Every rendition the source offers, for `srcset` (phones download the one they need). */
  renditions?: { url: string; width: number }[];
  alt: string;
  caption?: string;
  credit?: string;
  width?: number;
  height?: number;
}

export interface Category {
  name: string;
  slug: string;
}

/**
 * An article as lists know it: everything but the rendered body. Lists, search and Recent News
 * use this; the article page upgrades it to an {@link Article} (sanitized body) on demand.
 */
export interface ArticleSummary {
  /** Stable id, unique within the merged article set (source-prefixed when several sources exist). */
  id: string;
  /** URL-safe slug derived from the headline; cosmetic, the id is what resolves an article. */
  slug: string;
  /** Canonical URL of the article on the publisher's site, when the feed gives one. */
  url?: string;
  headline: string;
  standfirst?: string;
  /** Plain text of the body, for search, snippets and reading time. */
  bodyText: string;
  /** ISO 8601 string, or undefined when the feed's date is missing or unparseable. */
  datePublished?: string;
  dateModified?: string;
  byline: string[];
  dateline?: string;
  category?: Category;
  tags: string[];
  /** BCP 47 language tag of the article, when known. */
  language?: string;
  image?: ArticleImage;
  /** Attribution line, e.g. "Lao News Agency". */
  source?: string;
  /** Id of the configured source this article came from. */
  sourceId: string;
  /**
   * The body exactly as the feed sent it, when the list format carries it (JSON Feed does).
   * UNTRUSTED: never render it. The detail query sanitizes it into {@link Article.bodyHtml}.
   */
  untrustedBodyHtml?: string;
}

/** A full article: the summary plus its body as sanitized HTML, safe to render as-is. */
export interface Article extends ArticleSummary {
  /**
   * The sanitized body in parts cut between top-level blocks (one part for all but very long
   * articles), each safe on its own: a huge body is sanitized and rendered a part at a time.
   */
  bodyHtml: SanitizedHtml[];
}
