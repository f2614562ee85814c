import type { SourceConfig } from '../types/config.ts';
import type { PageOptions, SourcePage } from './source-adapter.ts';
import { loadAdapter, asSiteArticle } from './registry.ts';

/*
 * Server-side search through a source's adapter. Apart from registry.ts so that only the search
 * code (loaded when the reader searches) carries it, not the first screen.
 */

/** A server-side search of one source; ids prefixed. */
export async function searchSource(source: SourceConfig, query: string, options?: PageOptions): Promise<SourcePage> {
  const adapter = await loadAdapter(source);
  if (!adapter.search) throw new Error(`Sources of type ${source.type} cannot search on the server`);
  const page = await adapter.search(source, query, options);
  return { ...page, articles: page.articles.map((a) => asSiteArticle(source, a)) };
}

/** Let a server-searching source warm up its search before the first query. */
export function prepareSourceSearch(source: SourceConfig): void {
  // A warm-up: if the adapter's code does not download, the search itself tries again.
  loadAdapter(source).then(
    (adapter) => adapter.prepareSearch?.(source),
    () => {},
  );
}
