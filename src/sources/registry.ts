import type { ArticleSummary } from '../types/article.ts';
import type { SourceConfig } from '../types/config.ts';
import type {
  LoadOptions,
  PageOptions,
  SourceAdapter,
  SourceCapabilities,
  SourceLoadResult,
  SourcePage,
} from './source-adapter.ts';
import { CAPABILITIES } from './capabilities.ts';
import { jsonFeedAdapter } from './jsonfeed.ts';
import { retryableImport } from '../lib/retryable-import.ts';
import type { FeedError } from '../lib/errors.ts';

/*
 * JSON Feed, the native format, is in the first-screen bundle; the RSS/Atom, WordPress and archive
 * adapters are downloaded when a configuration names such a source (code most agencies'
 * readers never need). A failed download is tried again by the next call
 * (the Retry button), like any failed request.
 */
const importWordPress = retryableImport(() => import('./wordpress.ts'));
const importArchive = retryableImport(() => import('./archive.ts'));
const importRss = retryableImport(() => import('./rss.ts'));
const loaders: Record<SourceConfig['type'], () => Promise<SourceAdapter>> = {
  jsonfeed: () => Promise.resolve(jsonFeedAdapter),
  rss: () => importRss().then((m) => m.rssAdapter),
  wordpress: () => importWordPress().then((m) => m.wordpressAdapter),
  archive: () => importArchive().then((m) => m.archiveAdapter),
};

/** The adapter that reads this source's format (chosen by `sources[].type` in config.json). */
export function loadAdapter(source: Pick<SourceConfig, 'type'>): Promise<SourceAdapter> {
  return loaders[source.type]();
}

/** What this source's server can do, known before its adapter is downloaded. */
export function capabilitiesOf(source: Pick<SourceConfig, 'type'>): SourceCapabilities {
  return CAPABILITIES[source.type];
}

/*
 * Articles leave this module as the site knows them: ids with the source's prefix (empty for the
 * first source, so its article URLs stay what they were with one source), unique across sources;
 * and, when the article names no language, the source's configured `language` (a WordPress post
 * never names one): the page's `lang`, search's word forms and the feeds out depend on it.
 */
export function asSiteArticle(source: SourceConfig, a: ArticleSummary): ArticleSummary {
  if (!source.idPrefix && (a.language || !source.language)) return a;
  return { ...a, id: (source.idPrefix ?? '') + a.id, language: a.language ?? source.language };
}

/**
 * The source's list, by its adapter. A JSON Feed source whose address answers with something
 * other than JSON is tried as RSS or Atom (the format detected from the content): the RSS adapter,
 * downloaded then, keeps the JSON error when the answer is no feed either (rss.ts).
 */
async function loadListOf(source: SourceConfig, options?: LoadOptions): Promise<SourceLoadResult> {
  try {
    return await (await loadAdapter(source)).loadList(source, options);
  } catch (error) {
    if (source.type !== 'jsonfeed' || (error as FeedError).kind !== 'not-json') throw error;
    return (await importRss()).loadRss(source, options, error as FeedError);
  }
}

/** The source's latest articles, ids prefixed. */
export async function loadSourceList(source: SourceConfig, options?: LoadOptions): Promise<SourceLoadResult> {
  const result = await loadListOf(source, options);
  return { ...result, articles: result.articles.map((a) => asSiteArticle(source, a)) };
}

/** The URL of the first request loading this source's list makes (its adapter knows it). */
export async function sourceListUrl(source: SourceConfig): Promise<string> {
  return (await loadAdapter(source)).listUrl(source);
}

/** The source this (prefixed) id belongs to and the id as the source knows it. */
export function sourceOfId(sources: SourceConfig[], id: string): { source: SourceConfig; localId: string } | undefined {
  const prefixed = sources.find((s) => s.idPrefix && id.startsWith(s.idPrefix));
  if (prefixed) return { source: prefixed, localId: id.slice(prefixed.idPrefix?.length) };
  const first = sources.find((s) => !s.idPrefix);
  return first ? { source: first, localId: id } : undefined;
}

/** One article fetched on its own, for sources whose lists do not carry it (or not every article). */
export async function loadSourceArticle(
  source: SourceConfig,
  localId: string,
  options?: LoadOptions,
): Promise<ArticleSummary | undefined> {
  const found = await (await loadAdapter(source)).loadArticle?.(source, localId, options);
  return found && asSiteArticle(source, found);
}

/** A category listed by the server; ids prefixed. */
export async function loadSourceCategory(
  source: SourceConfig,
  slug: string,
  options?: PageOptions,
): Promise<(SourcePage & { name: string }) | undefined> {
  const page = await (await loadAdapter(source)).loadCategory?.(source, slug, options);
  return page && { ...page, articles: page.articles.map((a) => asSiteArticle(source, a)) };
}

/** Page N of a server-paged source's latest articles; ids prefixed. */
export async function loadSourcePage(source: SourceConfig, page: number, options?: LoadOptions): Promise<SourcePage> {
  const adapter = await loadAdapter(source);
  if (!adapter.loadListPage) throw new Error(`Sources of type ${source.type} are not paged on the server`);
  const result = await adapter.loadListPage(source, page, options);
  return { ...result, articles: result.articles.map((a) => asSiteArticle(source, a)) };
}
