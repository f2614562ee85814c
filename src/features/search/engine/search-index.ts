/**
 * The search engine: an inverted index fed by our own tokenizer, BM25 ranking with field boosts,
 * prefix and one-typo matching, phrases, filters, facets, recency, and Lao/Thai substring
 * matching. Pure and synchronous, so it runs the same in the Web Worker, on the main thread for
 * small corpora, and in Node for tests and benchmarks.
 *
 * The parts, one concern per file: tokenize.ts (documents and queries alike), index-build.ts,
 * query.ts (reading a query), plan.ts (how each term is looked up), match.ts and ranking.ts,
 * filters.ts (filters and facets), highlight.ts.
 */
import { compileFilters, describeDocs, filterAndCount, hasFilter, type DocMeta } from './filters.ts';
import { highlight, makeSnippet } from './highlight.ts';
import { buildIndex, FIELDS, type InvertedIndex } from './index-build.ts';
import { highlightTerms, matchQuery, termsIn, type MatchContext } from './match.ts';
import { PhraseMatcher } from './phrases.ts';
import { documentFrequency, FUZZY_MAX_DF, fuzzyFor, planQuery, prefixPlan, type TermPlan } from './plan.ts';
import { parseQuery } from './query.ts';
import { candidateOrder, scoreQuery, topK, type Candidate } from './ranking.ts';
import { loadStemmers, type Stemmers } from './stemming.ts';
import { searchableText } from './tokenize.ts';
import { hasBurmese, loadZawgyi } from './zawgyi.ts';
import type { SearchDoc, SearchHit, SearchIndex, SearchOptions, SearchResult } from './types.ts';

const DEFAULT_LIMIT = 20;

class InvertedSearchIndex implements SearchIndex {
  private readonly metas: DocMeta[];
  private readonly index: InvertedIndex;
  private readonly ctx: MatchContext;

  constructor(docs: SearchDoc[], options: IndexOptions) {
    this.metas = describeDocs(docs);
    this.index = buildIndex(
      this.metas.map((m) => m.doc),
      options.stemmers,
    );
    const docOf = (ord: number) => this.metas[ord]!.doc;
    // Field texts of unspaced documents normalized for substring search, computed on first need
    // (null: the same as the text).
    const searchable = new Map<number, string | null>();
    const normalized = (ord: number, fieldId: number, text: string): string => {
      const key = ord * FIELDS.length + fieldId;
      let value = searchable.get(key);
      if (value === undefined) {
        const out = searchableText(text);
        value = out === text ? null : out;
        searchable.set(key, value);
      }
      return value ?? text;
    };
    this.ctx = { index: this.index, docOf, phrases: new PhraseMatcher(docOf), normalized };
  }

  get size(): number {
    return this.metas.length;
  }

  search(query: string, opts: SearchOptions = {}): SearchResult {
    const started = performance.now();
    const parsed = parseQuery(query, opts.prefixLast ?? true);
    const filters = compileFilters(opts);
    const emptyQuery = parsed.terms.length === 0;

    let candidates: Candidate[];
    let plans: TermPlan[] = [];
    if (emptyQuery) {
      // An empty query lists what the filters select, newest first. With no filter it lists
      // nothing, but still reports facets over the whole corpus for the UI's filter chips.
      candidates = this.metas.map((_, ord) => ({ ord, score: 0, terms: [], termsPending: false, exact: 0 }));
    } else {
      plans = planQuery(this.index, parsed);
      candidates = matchQuery(this.ctx, parsed, plans);
    }

    const { facets, passing } = filterAndCount(candidates, this.metas, filters);
    if (emptyQuery && !hasFilter(filters)) {
      return { hits: [], total: 0, facets, tookMs: performance.now() - started };
    }
    const metas = this.metas;
    const compare = candidateOrder(
      emptyQuery ? 'newest' : (opts.sort ?? 'relevance'),
      (ord) => metas[ord]!.sortTime,
    );
    const offset = Math.max(0, opts.offset ?? 0);
    const limit = Math.max(0, opts.limit ?? DEFAULT_LIMIT);
    const page = topK(passing, offset + limit, compare).slice(offset);
    const pendingTerms = page.some((c) => c.termsPending) ? highlightTerms(this.index, plans) : [];
    const hits = page.map((c): SearchHit => {
      const doc = metas[c.ord]!.doc;
      const hit: SearchHit = {
        id: doc.id,
        score: c.score,
        terms: c.termsPending ? termsIn(this.index, c.ord, pendingTerms) : c.terms,
      };
      if (opts.highlight) {
        hit.headline = highlight(doc.headline, hit.terms);
        const snippet = makeSnippet(doc.bodyText || doc.standfirst || '', hit.terms);
        if (snippet) hit.snippet = highlight(snippet, hit.terms);
      }
      return hit;
    });
    return { hits, total: passing.length, facets, tookMs: performance.now() - started };
  }

  suggest(query: string, limit = 5): string[] {
    const parsed = parseQuery(query, true);
    if (parsed.terms.length === 0) return [];
    const plans = parsed.terms.map((term): TermPlan => {
      const fuzzy = documentFrequency(this.index, term) > FUZZY_MAX_DF ? false : fuzzyFor(term);
      if (term === parsed.prefixTerm) return { ...prefixPlan(this.index, term), forms: [], fuzzy };
      return { term, prefix: false, fuzzy, cost: 0, range: undefined, forms: [] };
    });
    // A completion's score is the average over the documents that complete the query that way.
    const byPhrase = new Map<string, { score: number; count: number }>();
    const matches = [...scoreQuery(this.index, plans, 'AND').values()].sort((a, b) => b.score - a.score);
    for (const { score, terms } of matches) {
      const phrase = terms.join(' ');
      const entry = byPhrase.get(phrase);
      if (entry) {
        entry.score += score;
        entry.count += 1;
      } else byPhrase.set(phrase, { score, count: 1 });
    }
    return [...byPhrase]
      .map(([phrase, { score, count }]) => ({ phrase, score: score / count }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map((s) => s.phrase);
  }
}

export interface IndexOptions {
  /** Stemmers by language key (stemming.ts): word forms match in those languages. Default none. */
  stemmers?: Stemmers;
}

/**
 * Builds the search index over `docs` (synchronous; run it in the worker for big corpora). Without
 * `stemmers`, words match only as written (and by prefix and typo); see {@link buildSearchIndex}.
 */
export function createSearchIndex(docs: SearchDoc[], options: IndexOptions = {}): SearchIndex {
  return new InvertedSearchIndex(docs, options);
}

/**
 * Loads the stemmers of the languages of `docs` (each article's `language`), and Zawgyi support
 * when they have Burmese text, then builds the index with them: what the worker and the main-thread fallback run. `stemming: false` builds without
 * (for measuring what stemming costs and brings).
 */
export async function buildSearchIndex(docs: SearchDoc[], { stemming = true } = {}): Promise<SearchIndex> {
  const [stemmers] = await Promise.all([
    stemming ? loadStemmers(new Set(docs.map((d) => d.language))) : new Map<string, never>(),
    hasBurmese(docs.map((d) => d.headline + d.bodyText)) ? loadZawgyi() : undefined,
  ]);
  return createSearchIndex(docs, { stemmers });
}
