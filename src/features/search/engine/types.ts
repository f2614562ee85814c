/**
 * The engine's public shapes: what it indexes, what a query may ask, and what it answers. Shared
 * by the engine, the worker protocol and the UI, so none of them imports another's internals.
 */
import type { HighlightSegment } from './highlight.ts';

/** What the index needs of an article (a structural subset of `Article`). */
export interface SearchDoc {
  id: string;
  headline: string;
  standfirst?: string;
  tags: string[];
  bodyText: string;
  category?: { name: string; slug: string };
  language?: string;
  datePublished?: string;
}

export interface SearchOptions {
  sort?: 'relevance' | 'newest';
  /** Category slug. */
  category?: string;
  /** Tag, compared case-insensitively. */
  tag?: string;
  /** Language tag; `en` also matches `en-GB`. */
  language?: string;
  /** ISO date or date-time, inclusive. */
  from?: string;
  /** ISO date or date-time, inclusive (a bare date includes that whole day, UTC). */
  to?: string;
  /** Number of hits to return (default 20). `total` counts all matches. */
  limit?: number;
  /** Number of hits to skip, for paging (default 0). */
  offset?: number;
  /** Treat the last query word as a prefix (search-as-you-type). Default true. */
  prefixLast?: boolean;
  /**
   * Return each hit's headline and a body snippet already cut into highlight segments. Done where
   * the index lives (the worker), so the page never runs the segmenter to mark matches.
   */
  highlight?: boolean;
}

export interface SearchHit {
  id: string;
  score: number;
  /**
   * What matched, for highlighting (pass to highlight.ts): index terms (after prefix and typo
   * expansion, e.g. `government` for `goverment`) and, for Lao/Thai/CJK words, the word as typed.
   */
  terms: string[];
  /** With `highlight`: the headline as segments, matches marked. */
  headline?: HighlightSegment[];
  /** With `highlight`: about 200 characters of the body around the best match, as segments. */
  snippet?: HighlightSegment[];
}

/** Counts keyed by category slug, tag, and language; see {@link SearchResult}. */
export interface Facets {
  category: Record<string, number>;
  tag: Record<string, number>;
  language: Record<string, number>;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Number of matches after filters (hits is one page of them). */
  total: number;
  /**
   * Facet counts over the query's matches. Each facet is counted with every OTHER filter applied
   * but not its own, so the UI can show how many results picking another value would give.
   */
  facets: Facets;
  tookMs: number;
}

export interface SearchIndex {
  /** Number of indexed documents. */
  readonly size: number;
  search(query: string, opts?: SearchOptions): SearchResult;
  /** Query completions (normalized terms), best first. */
  suggest(query: string, limit?: number): string[];
}
