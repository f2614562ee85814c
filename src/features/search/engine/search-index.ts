/**
 * The search engine: a MiniSearch inverted index fed by our own tokenizer, plus the parts MiniSearch
 * does not do (phrases, filters, facets, recency, Lao/Thai substring matching). Pure and
 * synchronous, so it runs the same in the Web Worker, on the main thread for small corpora, and in
 * Node for tests and benchmarks.
 *
 * Why MiniSearch: measured against FlexSearch and Orama on the BBC and Reuters corpora with this
 * tokenizer (tests/bench/search.ts), and it has the features the issue asks for out of the box:
 * per-field boosts, prefix and per-term fuzzy matching, AND combination, BM25 ranking, and a
 * serializable index.
 *
 * Two things keep it inside the budgets: the index is bulk-loaded (buildMiniSearch), and a query
 * is planned from document frequencies (plan): the rarest term is matched first and restricts the
 * others (matchAnd), and a query of only very common words is matched on the postings and ranked
 * by the short fields (matchBroad).
 */
import MiniSearch from 'minisearch';
import type { AsPlainObject, Options, SearchOptions as MiniSearchOptions } from 'minisearch';
import { isUnspacedTerm, spellingVariants, tokenize, tokenizeWithOffsets } from './tokenize.ts';
import { highlight, makeSnippet, type HighlightSegment } from './highlight.ts';

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

/** Field boosts: headline > standfirst > tags (and category) > body. */
export const FIELD_BOOSTS = { headline: 4, standfirst: 2, tags: 1.5, bodyText: 1 } as const;
const FIELDS = Object.keys(FIELD_BOOSTS) as (keyof typeof FIELD_BOOSTS)[];

const DEFAULT_LIMIT = 20;
/** Typo tolerance (one edit) only for words this long: shorter words have too many neighbours. */
const FUZZY_MIN_LENGTH = 5;
/** Words found in more documents than this are real words, not typos: no fuzzy expansion. */
const FUZZY_MAX_DF = 2;
/** Planning estimate of the postings a fuzzy expansion touches (unknown until run). */
const FUZZY_COST = 50;
/** Prefix expansion of a 1-letter word matches most of the index; wait for the second letter. */
const PREFIX_MIN_LENGTH = 2;
/**
 * A query whose cheapest term matches more documents than this is "broad": see matchBroad.
 * (MiniSearch costs ~2 µs per matching document; 1000 keeps such a query near 2 ms.)
 */
const BROAD_QUERY_COST = 1000;
/**
 * In a corpus of at least COMMON_MIN_DOCS documents, a term in more than this share of them ("of",
 * "the", "said") is common: next to a rarer term it is only checked for presence (see matchAnd).
 */
const COMMON_DF_SHARE = 0.2;
const COMMON_MIN_DOCS = 1000;
/** Weight of a prefix completion against the typed word itself, in broad-query scores. */
const BROAD_PREFIX_WEIGHT = 0.5;
/** MiniSearch's default BM25+ parameters (we do not change them; exactScore mirrors them). */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
/** Completions of a prefix reported for highlighting on a broad query's hits. */
const HIGHLIGHT_EXPANSIONS = 50;
/** Tokenized documents kept for phrase checks. */
const TOKEN_CACHE_SIZE = 3000;

const TOKEN_SEP = '\u0001';
const FIELD_SEP = '\u0002';

interface DocMeta {
  doc: SearchDoc;
  /** ms since epoch, NaN when undated. */
  time: number;
  categorySlug: string | undefined;
  tagsLower: string[];
  /** The document's distinct tags as facet keys (first spelling seen in the corpus). */
  tagKeys: string[];
  /** `time`, with undated documents last in newest-first order. */
  sortTime: number;
  languageLower: string | undefined;
}

export interface IndexedDoc {
  ord: number;
  headline: string;
  standfirst: string;
  tags: string;
  bodyText: string;
}

/** Terms that must occur adjacent and in this order (a quoted phrase). */
interface Phrase {
  terms: string[];
  /** The phrase is still being typed (unclosed quote): its last term is a prefix. */
  prefixLast: boolean;
}

/**
 * A query word in a script written without spaces (Lao, Thai, Khmer, Myanmar, Chinese, Japanese).
 * The segmenter cuts a word differently in context than alone (ອົດທົນ alone, but ຄວາມອົດ|ທົນ in
 * "ຄວາມອົດທົນ"), so such a word matches a document that has all its segments OR that contains it
 * as a substring; documents with the substring rank first.
 */
interface UnspacedWord {
  terms: string[];
  /** The word as typed, in the spellings documents may use (see spellingVariants). */
  variants: string[];
}

export interface ParsedQuery {
  /** Unique terms, all required (AND), except that an unspaced word may match as a substring. */
  terms: string[];
  /** Term matched as a prefix, if any. */
  prefixTerm: string | undefined;
  phrases: Phrase[];
  unspacedWords: UnspacedWord[];
}

const QUOTES = /[“”„‟«»〝〞＂]/g;

/**
 * Splits a query into terms with the document tokenizer. Double-quoted parts are phrases. The last
 * word is a prefix while it is being typed (no trailing space or closing quote).
 */
export function parseQuery(query: string, prefixLast = true): ParsedQuery {
  const parts = query.replace(QUOTES, '"').split('"');
  const all: string[] = [];
  const phrases: Phrase[] = [];
  const unspacedWords: UnspacedWord[] = [];
  let open = false;
  let lastPhrase: Phrase | undefined;
  parts.forEach((part, i) => {
    const isLastPart = i === parts.length - 1;
    const trailingSpace = /\s$/.test(part);
    if (i % 2 === 1) {
      const terms = tokenize(part);
      all.push(...terms);
      lastPhrase = terms.length > 1 ? { terms, prefixLast: false } : undefined;
      if (lastPhrase) phrases.push(lastPhrase);
      // A phrase is open (still being typed) only when its quote is unclosed.
      open = isLastPart && terms.length > 0 && !trailingSpace;
      return;
    }
    lastPhrase = undefined;
    for (const word of part.split(/\s+/)) {
      const tokens = tokenizeWithOffsets(word);
      const first = tokens[0];
      const last = tokens[tokens.length - 1];
      if (!first || !last) continue;
      const terms = tokens.map((t) => t.token);
      all.push(...terms);
      if (terms.some(isUnspacedTerm)) {
        unspacedWords.push({ terms, variants: spellingVariants(word.slice(first.start, last.end)) });
      }
    }
    open = isLastPart && part.trim().length > 0 && !trailingSpace;
  });

  let prefixTerm: string | undefined;
  const lastTerm = all[all.length - 1];
  if (prefixLast && open && lastTerm !== undefined) {
    const minLength = isUnspacedTerm(lastTerm) ? 1 : PREFIX_MIN_LENGTH;
    if (lastTerm.length >= minLength) {
      prefixTerm = lastTerm;
      if (lastPhrase) lastPhrase.prefixLast = true;
    } else if (!lastPhrase && all.length > 1 && all.indexOf(lastTerm) === all.length - 1) {
      // A first letter being typed after other words ("spending p") is not a constraint yet:
      // as an exact word it would narrow the results to the few with a one-letter token, and
      // they would jump back when the second letter arrives.
      all.pop();
    }
  }
  return { terms: [...new Set(all)], prefixTerm, phrases, unspacedWords };
}

function fuzzyFor(term: string): number | false {
  if (isUnspacedTerm(term)) return false;
  let letters = 0;
  for (const ch of term) if (/\p{L}/u.test(ch)) letters++;
  return letters >= FUZZY_MIN_LENGTH ? 1 : false;
}

function parseTime(iso: string | undefined): number {
  return iso ? Date.parse(iso) : NaN;
}

function parseBound(iso: string | undefined, end: boolean): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  // A bare date as the upper bound means "up to the end of that day".
  return end && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? t + 86_400_000 - 1 : t;
}

interface CompiledFilters {
  category: string | undefined;
  tag: string | undefined;
  language: string | undefined;
  from: number | undefined;
  to: number | undefined;
}

function compileFilters(opts: SearchOptions): CompiledFilters {
  return {
    category: opts.category || undefined,
    tag: opts.tag ? opts.tag.toLowerCase() : undefined,
    language: opts.language ? opts.language.toLowerCase() : undefined,
    from: parseBound(opts.from, false),
    to: parseBound(opts.to, true),
  };
}

function emptyFacets(): Facets {
  return { category: {}, tag: {}, language: {} };
}

function increment(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

interface Candidate {
  ord: number;
  score: number;
  terms: string[];
  /** Terms not known yet (broad query): computed for the returned page only. */
  termsPending: boolean;
}

const FIELD_IDS: Record<string, number> = Object.fromEntries(FIELDS.map((f, i) => [f, i]));

/** MiniSearch options shared by the bulk loader and the query side (the same on both, as loadJS requires). */
const MINISEARCH_OPTIONS: Options<IndexedDoc> = {
  idField: 'ord',
  fields: FIELDS,
  tokenize: (text) => tokenize(text),
  processTerm: (term) => term,
  searchOptions: {
    // Queries reach MiniSearch already tokenized by parseQuery, joined with spaces.
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term,
  },
};

/** The terms of one document, per field (in FIELDS order). */
function fieldTexts(doc: SearchDoc): string[] {
  const tagText = doc.category ? [...doc.tags, doc.category.name] : doc.tags;
  return [doc.headline, doc.standfirst ?? '', tagText.join('\n'), doc.bodyText];
}

export interface Vocabulary {
  /** Term → term id, and term by id. */
  ids: Map<string, number>;
  terms: string[];
  /** Documents containing the term in any field, by term id. */
  df: Int32Array;
  /** By term id: field id → document → term frequency (the very Maps MiniSearch scores from). */
  postings: Map<number, Map<number, number>>[];
  /** All terms in code-unit order, for prefix ranges, and their ids. */
  sorted: string[];
  sortedIds: Int32Array;
  /** cumulativeDf[i] = sum of df of sorted[0..i), so a prefix range's cost is one subtraction. */
  cumulativeDf: Float64Array;
  /** Per document, per field: distinct terms (MiniSearch's field length), and their averages. */
  fieldLength: number[][];
  averageFieldLength: number[];
}

/** An array as the `{ [shortId]: value }` object MiniSearch's serialization uses. */
function byShortId<T>(values: T[]): Record<string, T> {
  const out: Record<string, T> = {};
  return Object.assign(out, values);
}

/** The part of MiniSearch's internals that the bulk loader writes: its radix tree of postings. */
interface MiniSearchInternals {
  _index?: { size?: number; set?: (term: string, data: Map<number, Map<number, number>>) => unknown };
}

/**
 * Builds the MiniSearch index for `docs` (ids are positions in `docs`).
 *
 * MiniSearch's own `add` inserts every term occurrence into its radix tree, scanning each node's
 * children linearly: 1.0 s for the 2.2 k BBC articles and 4.3 s for Reuters 21.5 k here, over our
 * build budgets. Its public bulk path (`loadJSON`) is no faster, because building the plain
 * objects it reads (integer keys) is slow in V8. So we count postings in hash maps and typed
 * counters, load an empty index through `loadJS` (document ids, field lengths), and put one entry
 * per distinct term into its radix tree, in exactly the shape `add` would have built (Map of field
 * id → Map of document id → term frequency). engine.test.ts checks the result equals an index
 * built with `add`, so a MiniSearch upgrade that changes the shape fails a test instead of search;
 * if the internals are missing, we fall back to `add`.
 */
export function buildMiniSearch(
  docs: SearchDoc[],
  mode: 'bulk' | 'add' = 'bulk',
): { mini: MiniSearch<IndexedDoc>; vocabulary: Vocabulary; unspacedDocs: number[] } {
  const termIds = new Map<string, number>();
  const unspacedTerm: boolean[] = [];
  const unspacedDocs: number[] = [];
  const terms: string[] = [];
  const df: number[] = [];
  const lastDoc: number[] = [];
  const pending: number[] = [];
  const documentIds: number[] = [];
  const fieldLength: number[][] = [];
  const totalLength = FIELDS.map(() => 0);
  const bulk = mode === 'bulk';
  const batch: IndexedDoc[] = [];
  // Postings are logged flat, as (term id × field count + field id, document, frequency) triples,
  // and grouped by term at the end: growing thousands of Maps at once was GC-bound.
  let log = new Int32Array(1 << 16);
  let logLength = 0;
  const fieldCount = FIELDS.length;

  docs.forEach((doc, ord) => {
    const texts = fieldTexts(doc);
    if (!bulk) {
      batch.push({ ord, headline: texts[0]!, standfirst: texts[1]!, tags: texts[2]!, bodyText: texts[3]! });
    }
    documentIds.push(ord);
    const lengths: number[] = [];
    let hasUnspaced = false;
    texts.forEach((text, fieldId) => {
      const touched: number[] = [];
      for (const term of tokenize(text)) {
        let id = termIds.get(term);
        if (id === undefined) {
          id = terms.length;
          termIds.set(term, id);
          terms.push(term);
          df.push(0);
          lastDoc.push(-1);
          pending.push(0);
          unspacedTerm.push(isUnspacedTerm(term));
        }
        if (unspacedTerm[id]) hasUnspaced = true;
        if (pending[id]!++ === 0) touched.push(id);
      }
      // MiniSearch measures a field's length in distinct terms.
      lengths[fieldId] = touched.length;
      totalLength[fieldId]! += touched.length;
      if (logLength + touched.length * 3 > log.length) {
        const grown = new Int32Array(Math.max(log.length * 2, logLength + touched.length * 3));
        grown.set(log);
        log = grown;
      }
      for (const id of touched) {
        log[logLength++] = id * fieldCount + fieldId;
        log[logLength++] = ord;
        log[logLength++] = pending[id]!;
        pending[id] = 0;
        if (lastDoc[id] !== ord) {
          lastDoc[id] = ord;
          df[id]!++;
        }
      }
    });
    fieldLength.push(lengths);
    if (hasUnspaced) unspacedDocs.push(ord);
  });

  // Group the log by term (a stable counting sort keeps documents in order within a term).
  const starts = new Int32Array(terms.length + 1);
  for (let i = 0; i < logLength; i += 3) starts[Math.floor(log[i]! / fieldCount) + 1]!++;
  for (let t = 0; t < terms.length; t++) starts[t + 1]! += starts[t]!;
  const next = starts.slice(0, terms.length);
  const order = new Int32Array(logLength / 3);
  for (let i = 0; i < logLength; i += 3) order[next[Math.floor(log[i]! / fieldCount)]!++] = i;
  const postingsOf = (id: number): Map<number, Map<number, number>> => {
    const byField = new Map<number, Map<number, number>>();
    for (let k = starts[id]!; k < starts[id + 1]!; k++) {
      const at = order[k]!;
      const fieldId = log[at]! % fieldCount;
      let byDoc = byField.get(fieldId);
      if (!byDoc) byField.set(fieldId, (byDoc = new Map()));
      byDoc.set(log[at + 1]!, log[at + 2]!);
    }
    return byField;
  };

  const count = docs.length;
  const averageFieldLength = totalLength.map((total) => (count ? total / count : 0));
  const plain: AsPlainObject = {
    documentCount: count,
    nextId: count,
    documentIds: byShortId(documentIds),
    fieldIds: FIELD_IDS,
    fieldLength: byShortId(fieldLength),
    averageFieldLength,
    storedFields: {},
    dirtCount: 0,
    index: [],
    serializationVersion: 2,
  };
  const postings = terms.map((_, id) => postingsOf(id));
  let mini: MiniSearch<IndexedDoc> | undefined;
  if (bulk) {
    const loaded = MiniSearch.loadJS<IndexedDoc>(plain, MINISEARCH_OPTIONS);
    const radix = (loaded as unknown as MiniSearchInternals)._index;
    if (radix?.set && radix.size === 0) {
      terms.forEach((term, id) => radix.set!(term, postings[id]!));
      mini = loaded;
    }
  }
  if (!mini) {
    mini = new MiniSearch<IndexedDoc>(MINISEARCH_OPTIONS);
    if (bulk) {
      docs.forEach((doc, ord) => {
        const t = fieldTexts(doc);
        batch.push({ ord, headline: t[0]!, standfirst: t[1]!, tags: t[2]!, bodyText: t[3]! });
      });
    }
    mini.addAll(batch);
  }

  const sortedIds = Int32Array.from(terms.keys()).sort((x, y) =>
    terms[x]! < terms[y]! ? -1 : terms[x]! > terms[y]! ? 1 : 0,
  );
  const sorted = Array.from(sortedIds, (id) => terms[id]!);
  const cumulativeDf = new Float64Array(sorted.length + 1);
  sortedIds.forEach((id, i) => {
    cumulativeDf[i + 1] = cumulativeDf[i]! + df[id]!;
  });
  return {
    mini,
    vocabulary: {
      ids: termIds,
      terms,
      df: Int32Array.from(df),
      postings,
      sorted,
      sortedIds,
      cumulativeDf,
      fieldLength,
      averageFieldLength,
    },
    unspacedDocs,
  };
}

/** Index of the first element of `sorted` that is >= key. */
function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How one query term is looked up, and how many postings that is expected to touch. */
interface TermPlan {
  term: string;
  prefix: boolean;
  fuzzy: number | false;
  /** Sum of the document frequencies of the terms it matches (an upper bound of its matches). */
  cost: number;
  /** For a prefix: its range in the sorted vocabulary. */
  range: [number, number] | undefined;
}

class MiniSearchIndex implements SearchIndex {
  private readonly mini: MiniSearch<IndexedDoc>;
  private readonly vocabulary: Vocabulary;
  /** Documents with text in no-space scripts: the only ones matchUnspaced scans. */
  private readonly unspacedDocs: number[];
  private readonly metas: DocMeta[] = [];
  private readonly tokenCache = new Map<number, string>();

  constructor(docs: SearchDoc[]) {
    const seen = new Set<string>();
    const unique: SearchDoc[] = [];
    // Facet keys keep the feed's spelling of a tag (the first seen); filters ignore case.
    const tagSpelling = new Map<string, string>();
    for (const doc of docs) {
      // Feeds repeat ids (DESIGN.md): keep the first, like the article list does.
      if (seen.has(doc.id)) continue;
      seen.add(doc.id);
      unique.push(doc);
      const tagsLower = [...new Set(doc.tags.map((t) => t.toLowerCase()))];
      doc.tags.forEach((t) => {
        const lower = t.toLowerCase();
        if (!tagSpelling.has(lower)) tagSpelling.set(lower, t);
      });
      const time = parseTime(doc.datePublished);
      this.metas.push({
        doc,
        time,
        sortTime: Number.isNaN(time) ? -Infinity : time,
        categorySlug: doc.category?.slug,
        tagsLower,
        tagKeys: tagsLower.map((t) => tagSpelling.get(t) ?? t),
        languageLower: doc.language?.toLowerCase(),
      });
    }
    const { mini, vocabulary, unspacedDocs } = buildMiniSearch(unique);
    this.mini = mini;
    this.vocabulary = vocabulary;
    this.unspacedDocs = unspacedDocs;
  }

  get size(): number {
    return this.metas.length;
  }

  search(query: string, opts: SearchOptions = {}): SearchResult {
    const started = performance.now();
    const parsed = parseQuery(query, opts.prefixLast ?? true);
    const filters = compileFilters(opts);
    const hasFilter = Object.values(filters).some((v) => v !== undefined);
    const emptyQuery = parsed.terms.length === 0;

    let candidates: Candidate[];
    let plans: TermPlan[] = [];
    if (emptyQuery) {
      // An empty query lists what the filters select, newest first. With no filter it lists
      // nothing, but still reports facets over the whole corpus for the UI's filter chips.
      candidates = this.metas.map((_, ord) => ({ ord, score: 0, terms: [], termsPending: false }));
    } else {
      plans = this.plan(parsed);
      candidates = this.match(parsed, plans);
    }

    const { facets, passing } = this.filterAndCount(candidates, filters);
    if (emptyQuery && !hasFilter) {
      return { hits: [], total: 0, facets, tookMs: performance.now() - started };
    }
    const metas = this.metas;
    const compare =
      opts.sort === 'newest' || emptyQuery
        ? (a: Candidate, b: Candidate) =>
            metas[b.ord]!.sortTime - metas[a.ord]!.sortTime || b.score - a.score || a.ord - b.ord
        : (a: Candidate, b: Candidate) => {
            // Scores within a relative 1e-9 are equal: recency breaks the tie.
            const diff = b.score - a.score;
            if (Math.abs(diff) > 1e-9 * Math.max(a.score, b.score)) return diff;
            return metas[b.ord]!.sortTime - metas[a.ord]!.sortTime || a.ord - b.ord;
          };
    const offset = Math.max(0, opts.offset ?? 0);
    const limit = Math.max(0, opts.limit ?? DEFAULT_LIMIT);
    const page = topK(passing, offset + limit, compare).slice(offset);
    const pendingTerms = page.some((c) => c.termsPending) ? this.highlightTerms(plans) : [];
    const hits = page.map((c): SearchHit => {
      const doc = metas[c.ord]!.doc;
      const hit: SearchHit = {
        id: doc.id,
        score: c.score,
        terms: c.termsPending ? this.termsIn(c.ord, pendingTerms) : c.terms,
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
    return this.mini
      .autoSuggest(parsed.terms.join(' '), {
        combineWith: 'AND',
        prefix: (term) => term === parsed.prefixTerm,
        fuzzy: (term) => (this.dfOf(term) > FUZZY_MAX_DF ? false : fuzzyFor(term)),
        boost: FIELD_BOOSTS,
      })
      .slice(0, limit)
      .map((s) => s.suggestion);
  }

  private dfOf(term: string): number {
    const id = this.vocabulary.ids.get(term);
    return id === undefined ? 0 : this.vocabulary.df[id]!;
  }

  /** How each query term will be looked up, with its expected cost in postings. */
  private plan(parsed: ParsedQuery): TermPlan[] {
    const { sorted, cumulativeDf } = this.vocabulary;
    const phraseTerms = new Set(parsed.phrases.flatMap((g) => g.terms));
    return parsed.terms.map((term) => {
      if (term === parsed.prefixTerm) {
        const lo = lowerBound(sorted, term);
        const hi = lowerBound(sorted, term + '\uffff');
        const cost = cumulativeDf[hi]! - cumulativeDf[lo]!;
        // A word being typed is only a typo when no indexed word starts with it.
        return { term, prefix: true, fuzzy: cost === 0 ? fuzzyFor(term) : false, cost, range: [lo, hi] };
      }
      const df = this.dfOf(term);
      // Phrase words must match exactly (the phrase check compares exact terms), and a word that
      // the corpus uses is not a typo: fuzzy matching it would only add noise ("united" → "unites").
      const fuzzy = phraseTerms.has(term) || df > FUZZY_MAX_DF ? false : fuzzyFor(term);
      return { term, prefix: false, fuzzy, cost: df + (fuzzy ? FUZZY_COST : 0), range: undefined };
    });
  }

  /** MiniSearch over `plans`; `accept` (if given) says which documents may be scored at all. */
  private miniSearch(
    plans: TermPlan[],
    accept: ((ord: number) => boolean) | undefined,
  ): Map<number, Candidate> {
    const byTerm = new Map(plans.map((p) => [p.term, p]));
    const options: MiniSearchOptions = {
      combineWith: 'AND',
      boost: FIELD_BOOSTS,
      prefix: (term) => byTerm.get(term)?.prefix ?? false,
      fuzzy: (term) => byTerm.get(term)?.fuzzy ?? false,
    };
    // boostDocument runs for every posting before MiniSearch allocates a result for it:
    // returning 0 skips the document cheaply.
    if (accept) options.boostDocument = (id: number) => (accept(id) ? 1 : 0);
    const out = new Map<number, Candidate>();
    for (const r of this.mini.search(plans.map((p) => p.term).join(' '), options)) {
      const ord = r.id as number;
      out.set(ord, { ord, score: r.score, terms: r.terms, termsPending: false });
    }
    return out;
  }

  /** All documents matching the query (before filters), with their scores. */
  private match(parsed: ParsedQuery, plans: TermPlan[]): Candidate[] {
    // AND: a term nothing can match empties the result (unless it is part of an unspaced word,
    // which may still match as a substring).
    const unmatchable = plans.some((p) => p.cost === 0 && !p.fuzzy);
    let candidates: Candidate[];
    if (parsed.unspacedWords.length > 0) {
      candidates = this.matchUnspaced(parsed, plans, unmatchable);
    } else if (unmatchable) {
      return [];
    } else {
      const cheapest = Math.min(...plans.map((p) => p.cost));
      candidates =
        cheapest > BROAD_QUERY_COST ? this.matchBroad(plans) : Array.from(this.matchAnd(plans).values());
    }
    if (parsed.phrases.length > 0) {
      candidates = candidates.filter((c) => parsed.phrases.every((g) => this.hasSequence(c.ord, g)));
    }
    return candidates;
  }

  /**
   * AND of all terms. MiniSearch scores every posting of every term before intersecting, so a
   * common word would cost its whole posting list. So: the cheapest term (the anchor) is matched
   * first and the other terms score only the documents it matched; and common terms ("of", "the":
   * in over a fifth of a large corpus) are only checked for presence in those documents, on the
   * postings, without a score (their BM25 weight is small anyway), the way Lucene's common-terms
   * query treats them.
   */
  private matchAnd(plans: TermPlan[]): Map<number, Candidate> {
    const n = this.metas.length;
    const commonCost = n >= COMMON_MIN_DOCS ? n * COMMON_DF_SHARE : Infinity;
    const common = plans.filter((p) => p.cost > commonCost && !p.fuzzy);
    const scored = common.length < plans.length ? plans.filter((p) => !common.includes(p)) : plans;
    const checked = scored === plans ? [] : common;

    let result: Map<number, Candidate>;
    if (scored.length === 1) {
      result = this.miniSearch(scored, undefined);
    } else {
      const anchor = scored.reduce((a, b) => (b.cost < a.cost ? b : a));
      const anchored = this.miniSearch([anchor], undefined);
      result = anchored.size === 0 ? anchored : this.miniSearch(scored, (ord) => anchored.has(ord));
    }
    // MiniSearch multiplies a document's summed term scores by the number of query terms matched.
    const rescale = plans.length / scored.length;
    for (const plan of checked) {
      if (result.size === 0) break;
      const present = new Uint8Array(n);
      this.forEachPosting(plan, (ord) => {
        if (result.has(ord)) present[ord] = 1;
      });
      for (const [ord, c] of result) {
        if (!present[ord]) {
          result.delete(ord);
          continue;
        }
        c.terms.push(plan.term);
        c.score += this.exactScore(plan.term, ord) * scored.length;
      }
    }
    if (checked.length > 0) for (const c of result.values()) c.score *= rescale;
    return result;
  }

  /**
   * The score MiniSearch gives document `ord` for exactly `term`: BM25+ per field, times the field
   * boost, summed (MiniSearch's calcBM25Score, with its default parameters k 1.2, b 0.7, d 0.5).
   */
  private exactScore(term: string, ord: number): number {
    const { ids, postings, fieldLength, averageFieldLength } = this.vocabulary;
    const id = ids.get(term);
    if (id === undefined) return 0;
    const total = this.metas.length;
    let score = 0;
    for (const [fieldId, byDoc] of postings[id]!) {
      const tf = byDoc.get(ord);
      if (!tf) continue;
      const idf = Math.log(1 + (total - byDoc.size + 0.5) / (byDoc.size + 0.5));
      const norm =
        1 - BM25.b + (BM25.b * (fieldLength[ord]![fieldId] ?? 0)) / (averageFieldLength[fieldId] || 1);
      score += FIELD_BOOSTS[FIELDS[fieldId]!] * idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * norm));
    }
    return score;
  }

  /** Calls `visit` for every (document, field) posting of the terms a plan matches (no fuzzy). */
  private forEachPosting(plan: TermPlan, visit: (ord: number, weight: number) => void): void {
    const { postings, ids, sortedIds } = this.vocabulary;
    const exact = ids.get(plan.term);
    const visitTerm = (id: number, factor: number) => {
      for (const [fieldId, byDoc] of postings[id]!) {
        const weight = FIELD_BOOSTS[FIELDS[fieldId]!] * factor;
        for (const ord of byDoc.keys()) visit(ord, weight);
      }
    };
    if (exact !== undefined) visitTerm(exact, 1);
    if (plan.range) {
      for (let i = plan.range[0]; i < plan.range[1]; i++) {
        const id = sortedIds[i]!;
        if (id !== exact) visitTerm(id, BROAD_PREFIX_WEIGHT);
      }
    }
  }

  /**
   * A query with Lao/Thai/CJK words: documents that match all terms, plus documents that contain
   * each unspaced word as typed (a substring) and every other term.
   */
  private matchUnspaced(parsed: ParsedQuery, plans: TermPlan[], unmatchable: boolean): Candidate[] {
    const byOrd = unmatchable ? new Map<number, Candidate>() : this.matchAnd(plans);

    const bonus = new Map<number, { score: number; found: string[] }>();
    for (const ord of this.unspacedDocs) {
      const fields = fieldTexts(this.metas[ord]!.doc);
      let score = 0;
      const found: string[] = [];
      const all = parsed.unspacedWords.every((word) => {
        let seen = false;
        for (const variant of word.variants) {
          fields.forEach((text, fieldId) => {
            if (text.includes(variant)) {
              score += FIELD_BOOSTS[FIELDS[fieldId]!];
              seen = true;
              if (!found.includes(variant)) found.push(variant);
            }
          });
        }
        return seen;
      });
      if (all) bonus.set(ord, { score, found });
    }

    const extra = new Set<number>();
    for (const ord of bonus.keys()) if (!byOrd.has(ord)) extra.add(ord);
    if (extra.size > 0) {
      // The substring stands for the unspaced word's terms; every other term is still required.
      const wordTerms = new Set(parsed.unspacedWords.flatMap((w) => w.terms));
      const required = plans.filter((p) => !wordTerms.has(p.term)).map((p) => p.term);
      const byTerm = new Map(plans.map((p) => [p.term, p]));
      const partial = new Map(
        this.mini
          .search(plans.map((p) => p.term).join(' '), {
            combineWith: 'OR',
            boost: FIELD_BOOSTS,
            prefix: (term) => byTerm.get(term)?.prefix ?? false,
            fuzzy: (term) => byTerm.get(term)?.fuzzy ?? false,
            boostDocument: (id: number) => (extra.has(id) ? 1 : 0),
          })
          .map((r) => [r.id as number, r]),
      );
      for (const ord of extra) {
        const r = partial.get(ord);
        if (!required.every((t) => r?.queryTerms.includes(t))) continue;
        byOrd.set(ord, { ord, score: r?.score ?? 0, terms: r?.terms ?? [], termsPending: false });
      }
    }
    // Documents with every unspaced word as typed rank above those that only have its segments
    // (scattered syllables such as ໄປ … ໄດ້ are weak evidence for ໄປໄດ້): their scores are
    // lifted above the best of the rest.
    let floor = 0;
    for (const c of byOrd.values()) if (!bonus.has(c.ord)) floor = Math.max(floor, c.score);
    for (const c of byOrd.values()) {
      const b = bonus.get(c.ord);
      if (!b) continue;
      c.score = floor + c.score + b.score;
      // The word as typed, for highlight.ts (which finds unspaced terms as substrings).
      c.terms = [...new Set([...c.terms, ...b.found])];
    }
    return Array.from(byOrd.values());
  }

  /**
   * A query whose every term is common ("in", "the", a two-letter prefix) matches most of the
   * corpus, and MiniSearch allocates a scored result per matching document: 30-70 ms for "in" on
   * Reuters. Such a query is matched on the postings directly, with typed arrays, and scored
   * simply: for each term, the boost of the best field it occurs in (headline 4 … body 1; a prefix
   * completion counts half). Equal scores then go newest first. For a query this unspecific that
   * ranking is as good as BM25's, and `total` and facets stay exact.
   */
  private matchBroad(plans: TermPlan[]): Candidate[] {
    const n = this.metas.length;
    const count = new Uint16Array(n);
    const stamp = new Uint16Array(n);
    const best = new Float32Array(n);
    const score = new Float64Array(n);
    plans.forEach((plan, t) => {
      const mark = t + 1;
      this.forEachPosting(plan, (ord, weight) => {
        if (stamp[ord] !== mark) {
          stamp[ord] = mark;
          count[ord]!++;
          best[ord] = weight;
          score[ord]! += weight;
        } else if (weight > best[ord]!) {
          score[ord]! += weight - best[ord]!;
          best[ord] = weight;
        }
      });
    });
    const all = plans.length;
    const candidates: Candidate[] = [];
    for (let ord = 0; ord < n; ord++) {
      if (count[ord] === all) candidates.push({ ord, score: score[ord]!, terms: [], termsPending: true });
    }
    return candidates;
  }

  /**
   * Terms a broad query can highlight: each exact term, and for a prefix its most frequent
   * completions (a two-letter prefix has hundreds; the frequent ones are what a page shows).
   */
  private highlightTerms(plans: TermPlan[]): number[] {
    const { ids, df, sortedIds } = this.vocabulary;
    const out: number[] = [];
    for (const plan of plans) {
      const exact = ids.get(plan.term);
      if (exact !== undefined) out.push(exact);
      if (!plan.range) continue;
      const range = Array.from(sortedIds.subarray(plan.range[0], plan.range[1]));
      range.sort((a, b) => df[b]! - df[a]!);
      out.push(...range.slice(0, HIGHLIGHT_EXPANSIONS));
    }
    return [...new Set(out)];
  }

  /** The terms among `termIds` that occur in the document (any field). */
  private termsIn(ord: number, termIds: number[]): string[] {
    const { postings, terms } = this.vocabulary;
    const out: string[] = [];
    for (const id of termIds) {
      for (const byDoc of postings[id]!.values()) {
        if (byDoc.has(ord)) {
          out.push(terms[id]!);
          break;
        }
      }
    }
    return out;
  }

  /** True when the group's terms occur adjacent and in order within one field of the document. */
  private hasSequence(ord: number, group: Phrase): boolean {
    const haystack = this.tokenString(ord);
    const needle = TOKEN_SEP + group.terms.join(TOKEN_SEP) + (group.prefixLast ? '' : TOKEN_SEP);
    return haystack.includes(needle);
  }

  /** The document's terms as one string, `\u0001`-separated, fields `\u0002`-separated. */
  private tokenString(ord: number): string {
    const cached = this.tokenCache.get(ord);
    if (cached !== undefined) {
      // Refresh its position: the Map's insertion order is our LRU order.
      this.tokenCache.delete(ord);
      this.tokenCache.set(ord, cached);
      return cached;
    }
    const value = fieldTexts(this.metas[ord]!.doc)
      .map((f) => TOKEN_SEP + tokenize(f).join(TOKEN_SEP) + TOKEN_SEP)
      .join(FIELD_SEP);
    this.tokenCache.set(ord, value);
    if (this.tokenCache.size > TOKEN_CACHE_SIZE) {
      const oldest = this.tokenCache.keys().next().value;
      if (oldest !== undefined) this.tokenCache.delete(oldest);
    }
    return value;
  }

  /**
   * Applies the filters and counts facets in one pass. Each facet counts the candidates that pass
   * every filter except its own (so choosing another value of that facet shows its true count).
   */
  private filterAndCount(
    candidates: Candidate[],
    f: CompiledFilters,
  ): { facets: Facets; passing: Candidate[] } {
    const facets = emptyFacets();
    const passing: Candidate[] = [];
    const hasDate = f.from !== undefined || f.to !== undefined;
    for (const c of candidates) {
      const meta = this.metas[c.ord]!;
      const okCategory = f.category === undefined || meta.categorySlug === f.category;
      const okTag = f.tag === undefined || meta.tagsLower.includes(f.tag);
      const lang = meta.languageLower;
      const okLanguage =
        f.language === undefined ||
        (lang !== undefined && (lang === f.language || lang.startsWith(f.language + '-')));
      const okDate =
        !hasDate ||
        (!Number.isNaN(meta.time) &&
          (f.from === undefined || meta.time >= f.from) &&
          (f.to === undefined || meta.time <= f.to));
      if (!okDate) continue;
      if (okTag && okLanguage && meta.categorySlug) increment(facets.category, meta.categorySlug);
      if (okCategory && okLanguage) for (const t of meta.tagKeys) increment(facets.tag, t);
      if (okCategory && okTag && lang) increment(facets.language, lang);
      if (okCategory && okTag && okLanguage) passing.push(c);
    }
    return { facets, passing };
  }
}

/**
 * The first `k` items of `items` in `compare` order, sorted. Keeps a sorted buffer of k items
 * instead of sorting everything: a common word matches most of a corpus, and a page is 20 hits.
 */
function topK<T>(items: T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  if (items.length <= k * 4) return items.slice().sort(compare).slice(0, k);
  const top: T[] = [];
  for (const item of items) {
    if (top.length === k && compare(item, top[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(top[mid]!, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
}

/** Builds the search index over `docs` (synchronous; run it in the worker for big corpora). */
export function createSearchIndex(docs: SearchDoc[]): SearchIndex {
  return new MiniSearchIndex(docs);
}
