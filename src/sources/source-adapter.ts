import type { ArticleSummary } from '../types/article.ts';
import type { FeedError } from '../lib/errors.ts';

/** What loading one source produced: the articles that passed validation and what was skipped. */
export interface SourceLoadResult {
  sourceId: string;
  /** Feed title, when the format has one. */
  title?: string;
  articles: ArticleSummary[];
  /** Items dropped because they failed validation (no id, no text at all, not an object…). */
  skipped: number;
  /** Items merged because they repeated an id already seen. */
  duplicates: number;
  /** Set when a later page failed: the articles from earlier pages are kept and shown. */
  partialError?: FeedError;
  /** How many pages were read. */
  pages: number;
}

export interface LoadOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}
