import type { ArticleSummary } from '../types/article.ts';
import type { FeedError } from '../lib/errors.ts';
import type { SourceConfig } from '../types/config.ts';

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
  /** How many articles the source has in all, when it pages on the server and says. */
  total?: number;
  /** The next listing page, when the source pages on the server (archive). */
  nextUrl?: string;
}

export interface LoadOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** What a source can do beyond listing its latest articles; the UI asks before it offers a feature. */
export interface SourceCapabilities {
  /** The server searches its whole archive (`search(…)`); otherwise the reader indexes what it loaded. */
  serverSearch: boolean;
  /** The server lists one category's articles (`loadCategory(…)`). */
  categories: boolean;
  /** The list is paged on the server: `loadList` returns the first page(s) only, `total` says how many exist. */
  paging: boolean;
}

/** One page of results the server chose (a search, a category): the page's articles and the total. */
export interface SourcePage {
  articles: ArticleSummary[];
  /** How many articles match in all, when the server says. */
  total?: number;
  totalPages?: number;
  /** Whether a next page exists, when the source can tell. */
  hasMore?: boolean;
  /** For a search of part of an archive (the newest parts): what it covered and what is older. */
  scope?: SearchScope;
}

/** How much of an archive a search covered: its newest `parts`, `articles` of `total`. */
export interface SearchScope {
  parts: number;
  articles: number;
  total: number;
  /** Date of the oldest article searched. */
  oldest?: string;
  /** The next older part, when there is one: searching it too costs its metadata. */
  older?: { articles: number; oldest?: string };
}

export interface PageOptions extends LoadOptions {
  /** 1-based. */
  page?: number;
  perPage?: number;
  /** The query as our tokenizer segments it (words joined by spaces), for indexes that split on spaces only. */
  segmented?: string;
  /** A search of an archive in parts: how many of its newest parts to search (default 1). */
  depth?: number;
}

/**
 * One source format. An adapter maps its raw format to domain articles and nothing else: raw
 * types never leave src/sources. Optional methods exist when the capability says so.
 */
export interface SourceAdapter {
  readonly type: SourceConfig['type'];
  readonly capabilities: SourceCapabilities;
  /** The source's latest articles (every page up to `source.maxPages`). Throws FeedError when the first page fails. */
  loadList(source: SourceConfig, options?: LoadOptions): Promise<SourceLoadResult>;
  /**
   * The URL of the first request `loadList` makes, exactly as it makes it: the service worker's
   * first-visit warm-up fetches it again so the list is there offline (src/app/pwa/warm-offline-cache.ts).
   */
  listUrl(source: SourceConfig): string;
  /** Page N of the source's latest articles, as the server pages them. */
  loadListPage?(source: SourceConfig, page: number, options?: LoadOptions): Promise<SourcePage>;
  /** One article by its id (without the source's id prefix), when the list does not carry bodies. */
  loadArticle?(source: SourceConfig, id: string, options?: LoadOptions): Promise<ArticleSummary | undefined>;
  /** One category's articles, chosen by the server; undefined when the source has no such category. */
  loadCategory?(source: SourceConfig, slug: string, options?: PageOptions): Promise<(SourcePage & { name: string }) | undefined>;
  /** Warm up `search` (load the index's entry and code) when the reader opens search, before the first query. */
  prepareSearch?(source: SourceConfig): void;
  /** Full-text search on the server. */
  search?(source: SourceConfig, query: string, options?: PageOptions): Promise<SourcePage>;
}
