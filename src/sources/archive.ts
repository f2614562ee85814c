import * as v from 'valibot';
import type { ArticleImage, ArticleSummary } from '../types/article.ts';
import type { SourceConfig } from '../types/config.ts';
import { CAPABILITIES } from './capabilities.ts';
import type { SearchScope, SourceAdapter, SourceLoadResult, SourcePage } from './source-adapter.ts';
import { FeedError } from '../lib/errors.ts';
import { fetchJson } from '../lib/http.ts';
import { retryableImport } from '../lib/retryable-import.ts';
import { inlineText, slugify } from '../lib/text.ts';
import { parseJsonFeed } from './jsonfeed-parse.ts';
import { safeHttpUrl } from './normalize.ts';

/*
 * A static archive written by `npm run archive` (tools/archive): plain files on any static host.
 *   manifest.json            listing page 1 (a JSON Feed) + `_archive`: total, page size, categories
 *   pages/N.json             listing page N (`next_url` chains them)
 *   categories/SLUG/N.json   one category's listing pages
 *   articles/ID.json         one article with its body (a JSON Feed of one item)
 *   pagefind/N/              the search index: one Pagefind bundle per run of articles, newest
 *                            first (part 0 holds Pagefind's code; later parts are merged into it)
 * The reader downloads the manifest for the front page, one file per further page or article, and
 * for a search the metadata of the parts it searches (the newest part unless the reader asks for
 * older ones) and a few index chunks: never the archive.
 */
const SearchPartSchema = v.looseObject({
  path: v.string(),
  articles: v.number(),
  newest: v.fallback(v.optional(v.string()), undefined),
  oldest: v.fallback(v.optional(v.string()), undefined),
});
export type SearchPart = v.InferOutput<typeof SearchPartSchema>;

const ManifestSchema = v.looseObject({
  next_url: v.fallback(v.optional(v.string()), undefined),
  _archive: v.looseObject({
    version: v.literal(1),
    total: v.number(),
    pageSize: v.number(),
    categories: v.fallback(
      v.array(v.looseObject({ name: v.string(), slug: v.string(), count: v.number() })),
      [],
    ),
    // A folder (one Pagefind bundle, as archives written before parts) or the parts, newest first.
    search: v.fallback(
      v.optional(v.union([v.string(), v.looseObject({ parts: v.pipe(v.array(SearchPartSchema), v.minLength(1)) })])),
      undefined,
    ),
  }),
});
export type ArchiveManifest = v.InferOutput<typeof ManifestSchema>['_archive'];

/** Archive ids are file names the archiver chose: anything else cannot name a file and is not fetched. */
const ARCHIVE_ID = /^[A-Za-z0-9_-]{1,120}$/;

async function loadListing(source: SourceConfig, url: string, signal?: AbortSignal, timeoutMs?: number) {
  const { data } = await fetchJson(url, { signal, timeoutMs });
  return parseJsonFeed(data, url, source);
}

/** The manifest (front page): its articles and the archive's description. */
export async function loadArchiveManifest(source: SourceConfig, options: { signal?: AbortSignal; timeoutMs?: number } = {}) {
  const { data } = await fetchJson(source.url, options);
  const manifest = v.safeParse(ManifestSchema, data);
  if (!manifest.success) {
    throw new FeedError('shape', source.url, 'This is not an archive manifest (made by `npm run archive`): it has no "_archive" section');
  }
  const page = parseJsonFeed(data, source.url, source);
  return { page, archive: manifest.output._archive };
}

/** Pagefind's result: a URL to the fragment and a `data()` that fetches it. */
interface PagefindResult {
  id: string;
  data: () => Promise<{ url: string; meta: Record<string, string | undefined>; excerpt: string }>;
}
/** The parts of Pagefind's module API (pagefind.js, 1.x) that the reader uses. */
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  destroy?: () => Promise<void>;
  preload: (query: string, options?: Record<string, unknown>) => Promise<void>;
  mergeIndex: (url: string, options?: Record<string, unknown>) => Promise<void>;
  search: (query: string, options?: Record<string, unknown>) => Promise<{ results: PagefindResult[] } | null>;
}

/** The search parts a manifest names: the folder of an archive written before parts is one part. */
export function searchParts(archive: ArchiveManifest): SearchPart[] {
  const search = archive.search ?? 'pagefind/';
  return typeof search === 'string' ? [{ path: search, articles: archive.total }] : search.parts;
}

/** What a search of the newest `depth` parts covers, and the next older part, if any. */
export function searchScope(parts: SearchPart[], depth: number): SearchScope {
  const searched = parts.slice(0, depth);
  const next = parts[searched.length];
  return {
    parts: searched.length,
    articles: searched.reduce((n, p) => n + p.articles, 0),
    total: parts.reduce((n, p) => n + p.articles, 0),
    oldest: searched.at(-1)?.oldest,
    older: next ? { articles: next.articles, oldest: next.oldest } : undefined,
  };
}

/** The Pagefind filter that keeps results to the newest `depth` of the merged parts (none when all count). */
export function partFilter(depth: number, merged: number): Record<string, unknown> {
  if (depth >= merged) return {};
  return { part: { any: Array.from({ length: depth }, (_, i) => String(i)) } };
}

/**
 * One archive's search: Pagefind loaded from part 0, the older parts merged into it as the reader
 * asks for them. Each part carries a synthetic `part` filter, so a search of fewer parts than are
 * merged (back to the first page of a new query) keeps to them.
 */
class ArchiveSearch {
  private merged: Promise<void>[] = [Promise.resolve()];
  private constructor(
    private readonly pagefind: Pagefind,
    /** The parts, newest first, and the URL of each one's folder. */
    readonly parts: SearchPart[],
    private readonly urls: string[],
  ) {}

  static async open(parts: SearchPart[], base: string): Promise<ArchiveSearch> {
    const urls = parts.map((p) => new URL(p.path.endsWith('/') ? p.path : `${p.path}/`, base).href);
    const pagefind = (await importPagefind(urls[0]!)()) as Pagefind;
    await pagefind.options({
      basePath: urls[0],
      excerptLength: 30,
      // On the page, not in Pagefind's worker: `new Worker(url)` from Pagefind's code is refused
      // under our Trusted Types policy and for an archive on another origin (a CDN), and the
      // worker file is one more download.
      noWorker: true,
      ...(urls.length > 1 ? { mergeFilter: { part: ['0'] } } : {}),
    });
    await pagefind.init();
    return new ArchiveSearch(pagefind, parts, urls);
  }

  /** Where part 0 lives: result images are relative to it. */
  get baseUrl(): string {
    return this.urls[0]!;
  }

  /** Merge parts until `depth` are in. Pagefind's primary must be up first (it waits for it forever). */
  private async mergeUpTo(depth: number, query: string) {
    if (depth <= this.merged.length) return;
    await this.pagefind.preload(query);
    for (let i = this.merged.length; i < Math.min(depth, this.urls.length); i++) {
      this.merged.push(this.pagefind.mergeIndex(this.urls[i]!, { mergeFilter: { part: [String(i)] } }));
    }
    await Promise.all(this.merged);
  }

  async search(query: string, depth: number): Promise<PagefindResult[]> {
    await this.mergeUpTo(depth, query);
    const found = await this.pagefind.search(query, { filters: partFilter(depth, this.merged.length) });
    return found?.results ?? [];
  }

  /** After a failure Pagefind's state is unknown (a part may be half merged): start again next time. */
  async close() {
    await this.pagefind.destroy?.().catch(() => undefined);
  }
}

/**
 * pagefind.js from the archive, loaded at run time. The URL is only known from config.json, so the
 * bundler must leave the import alone (`@vite-ignore`); it is same-origin or CORS-enabled script.
 * One loader per URL, so that a failed download is fetched again (retryableImport).
 */
const importers = new Map<string, () => Promise<unknown>>();
function importPagefind(partUrl: string) {
  const url = new URL('pagefind.js', partUrl).href;
  let load = importers.get(url);
  if (!load) importers.set(url, (load = retryableImport(() => import(/* @vite-ignore */ url))));
  return load;
}

/** One search per archive and page load, opened from its manifest (which names the parts). */
const searches = new Map<string, Promise<ArchiveSearch>>();
function searchFor(source: SourceConfig): Promise<ArchiveSearch> {
  let opening = searches.get(source.url);
  if (!opening) {
    opening = loadArchiveManifest(source).then(({ archive }) => ArchiveSearch.open(searchParts(archive), source.url));
    opening.catch(() => searches.delete(source.url));
    searches.set(source.url, opening);
  }
  return opening;
}

/**
 * Settle with `work`, or reject when the caller cancels or `ms` pass: Pagefind's own fetches have
 * no deadline, and a query must not wait for ever.
 */
function bounded<T>(work: Promise<T>, ms: number, url: string, signal?: AbortSignal): Promise<T> {
  const deadline = AbortSignal.timeout(ms);
  const stop = signal ? AbortSignal.any([signal, deadline]) : deadline;
  return new Promise<T>((resolve, reject) => {
    const onStop = () =>
      reject(deadline.aborted ? new FeedError('timeout', url, `The archive’s search did not answer within ${Math.round(ms / 1000)} s`) : stop.reason);
    stop.addEventListener('abort', onStop, { once: true });
    work.then(resolve, reject).finally(() => stop.removeEventListener('abort', onStop));
  });
}

/** A list entry from a Pagefind record's meta (the archiver stores what a card needs there). */
function fromMeta(meta: Record<string, string | undefined>, source: SourceConfig, base: string): ArticleSummary | undefined {
  const id = meta.id;
  const headline = meta.title ? inlineText(meta.title) : '';
  if (!id || !headline) return undefined;
  const image: ArticleImage | undefined = meta.image
    ? { url: safeHttpUrl(meta.image, base) ?? '', alt: meta.image_alt ?? '' }
    : undefined;
  return {
    id,
    slug: slugify(headline),
    headline,
    standfirst: meta.standfirst || undefined,
    bodyText: meta.standfirst ?? '',
    datePublished: meta.date || undefined,
    byline: [],
    category: meta.category ? { name: meta.category, slug: meta.category_slug ?? slugify(meta.category) } : undefined,
    tags: [],
    language: meta.language || undefined,
    image: image?.url ? image : undefined,
    source: source.name,
    sourceId: source.id,
  };
}

export const archiveAdapter: SourceAdapter = {
  type: 'archive',
  capabilities: CAPABILITIES.archive,

  // The manifest is listing page 1.
  listUrl: (source) => source.url,

  async loadList(source, { signal, timeoutMs } = {}): Promise<SourceLoadResult> {
    const { page, archive } = await loadArchiveManifest(source, { signal, timeoutMs });
    return {
      sourceId: source.id,
      title: page.title,
      articles: page.articles,
      skipped: page.skipped,
      duplicates: 0,
      pages: 1,
      total: archive.total,
      nextUrl: page.nextUrl,
    };
  },

  async loadListPage(source, page, { signal, timeoutMs } = {}): Promise<SourcePage> {
    if (page <= 1) {
      const { page: first, archive } = await loadArchiveManifest(source, { signal, timeoutMs });
      const totalPages = Math.ceil(archive.total / archive.pageSize);
      return { articles: first.articles, total: archive.total, totalPages, hasMore: Boolean(first.nextUrl) };
    }
    const listing = await loadListing(source, new URL(`pages/${page}.json`, source.url).href, signal, timeoutMs);
    return { articles: listing.articles, hasMore: Boolean(listing.nextUrl) };
  },

  async loadArticle(source, id, { signal, timeoutMs } = {}) {
    if (!ARCHIVE_ID.test(id)) return undefined;
    const url = new URL(`articles/${id}.json`, source.url).href;
    try {
      const page = await loadListing(source, url, signal, timeoutMs);
      return page.articles[0];
    } catch (error) {
      if (error instanceof FeedError && error.kind === 'http' && error.status === 404) return undefined;
      throw error;
    }
  },

  async loadCategory(source, slug, { page = 1, signal, timeoutMs } = {}) {
    const { archive } = await loadArchiveManifest(source, { signal, timeoutMs });
    const category = archive.categories.find((c) => c.slug === slug);
    if (!category) return undefined;
    const url = new URL(`categories/${encodeURIComponent(slug)}/${page}.json`, source.url).href;
    const listing = await loadListing(source, url, signal, timeoutMs);
    return {
      name: category.name,
      articles: listing.articles,
      total: category.count,
      totalPages: Math.ceil(category.count / archive.pageSize),
    };
  },

  prepareSearch(source) {
    void searchFor(source).catch(() => undefined); // the query will report it
  },

  async search(source, query, { page = 1, perPage = 10, segmented, depth = 1, signal, timeoutMs = 15_000 } = {}): Promise<SourcePage> {
    const work = (async () => {
      const search = await searchFor(source);
      const scope = searchScope(search.parts, Math.max(1, depth));
      try {
        // Pagefind splits on spaces only: Lao and Thai queries arrive pre-segmented by our
        // tokenizer, exactly as the archiver segmented the documents.
        const results = await search.search(segmented ?? query, scope.parts);
        // Only the fragments of the shown page are fetched.
        const slice = results.slice((page - 1) * perPage, page * perPage);
        const data = await Promise.all(slice.map((r) => r.data()));
        const articles = data.flatMap((d) => {
          const a = fromMeta(d.meta, source, search.baseUrl);
          return a ? [a] : [];
        });
        return { articles, total: results.length, totalPages: Math.ceil(results.length / perPage), scope };
      } catch (error) {
        searches.delete(source.url);
        await search.close();
        throw error;
      }
    })();
    return bounded(work, timeoutMs * 2, source.url, signal);
  },
};
