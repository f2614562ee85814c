/**
 * The text work a server search needs on the page: the query as our tokenizer splits it (for
 * indexes that split on spaces only, like the archive's Pagefind index) and highlighting of the
 * hits the server chose. Loaded on demand (search-source.ts), so the header's search overlay,
 * which shares the search hooks, does not bring the tokenizer into the first screen's code.
 */
import type { SourcePage } from '../../../sources/source-adapter.ts';
import { highlight, makeSnippet } from '../engine/highlight.ts';
import { tokenize } from '../engine/tokenize.ts';
import { hasBurmese, loadZawgyi } from '../engine/zawgyi.ts';
import type { SearchResult } from '../engine/types.ts';

/**
 * The query's words as our tokenizer cuts them, space-separated (Lao and Thai have no spaces),
 * normalised as the archiver normalised the articles: a Burmese query brings the Zawgyi detector
 * and converter first (on demand, only for Burmese queries).
 */
export async function segmentQuery(query: string): Promise<string> {
  if (hasBurmese([query])) await loadZawgyi();
  return tokenize(query).join(' ');
}

/**
 * A page of server results in the engine's result shape. The server chose and ranked them; the
 * highlighting is ours, on the main thread (a page is a few cards).
 */
export function toSearchResult(page: SourcePage, query: string): SearchResult {
  return {
    total: page.total ?? page.articles.length,
    hits: page.articles.map((a) => {
      const snippet = makeSnippet(a.bodyText, query) || a.standfirst;
      return {
        id: a.id,
        score: 0,
        terms: [],
        headline: highlight(a.headline, query),
        snippet: snippet ? highlight(snippet, query) : undefined,
      };
    }),
    facets: { category: {}, tag: {}, language: {} },
    tookMs: 0,
  };
}
