/**
 * Builds the inverted index: per term, per field, the documents and term frequencies, plus the
 * statistics BM25 needs (document count, field lengths) and a sorted vocabulary for prefixes.
 *
 * We own the index rather than feed MiniSearch: its `add` inserts every term occurrence into a
 * radix tree, and its public bulk path (`loadJS`/`loadJSON`) needs the postings as plain objects
 * with integer keys, which are slow to build in V8; both are over the build budgets on the large
 * corpora. Counting postings in hash maps and typed counters is not, and the query side only
 * needs what is built here.
 */
import { isStemmable, languageKey, type Stemmer, type Stemmers } from './stemming.ts';
import { isUnspacedTerm, tokenize } from './tokenize.ts';
import type { SearchDoc } from './types.ts';

/** Field boosts: headline > standfirst > tags (and category) > body. */
export const FIELD_BOOSTS = { headline: 4, standfirst: 2, tags: 1.5, bodyText: 1 } as const;
export const FIELDS = Object.keys(FIELD_BOOSTS) as (keyof typeof FIELD_BOOSTS)[];
/** FIELD_BOOSTS by field id (the position in FIELDS). */
export const BOOST_BY_FIELD: readonly number[] = FIELDS.map((field) => FIELD_BOOSTS[field]);

/** Field id → document ordinal → term frequency. */
export type TermPostings = Map<number, Map<number, number>>;

/** One stemmed language of the corpus: how to find the indexed forms of a word in it. */
export interface LanguageForms {
  language: string;
  stemmer: Stemmer;
  /** This language's bit in `termLanguages`. */
  bit: number;
  /**
   * For stemmers that strip prefixes (Arabic al-, Indonesian me-/di-…), whose stems are not
   * prefixes of the words: the language's terms grouped by stem, at build time. Undefined for the
   * others, whose forms are found at query time among the words that start like the stem.
   */
  byStem: Map<string, number[]> | undefined;
  /** Stems computed at query time, by term id. */
  stems: Map<number, string>;
}

export interface InvertedIndex {
  /** Number of documents (ordinals run 0 … documentCount - 1). */
  documentCount: number;
  /** Term → term id, and term by id. */
  ids: Map<string, number>;
  terms: string[];
  /** Documents containing the term in any field, by term id. */
  df: Int32Array;
  /** Postings by term id. */
  postings: TermPostings[];
  /** All terms in code-unit order, for prefix ranges, and their ids. */
  sorted: string[];
  sortedIds: Int32Array;
  /** cumulativeDf[i] = sum of df of sorted[0..i), so a prefix range's cost is one subtraction. */
  cumulativeDf: Float64Array;
  /** Per document, per field: its number of distinct terms (BM25's field length), and averages. */
  fieldLength: number[][];
  averageFieldLength: number[];
  /** Documents with text in no-space scripts (Lao, Thai, CJK…): the only ones substring matching scans. */
  unspacedDocs: number[];
  /** Per term id, the stemmed languages (LanguageForms.bit) of the documents it occurs in. */
  termLanguages: Int32Array;
  /**
   * Word forms, per language of the corpus that has a stemmer: its stemmer, and the ids of the
   * terms of that language's documents by stem (stemming.ts). Empty when built without stemmers.
   */
  forms: LanguageForms[];
}

/** The text of one document, per field (in FIELDS order); the category name counts as a tag. */
export function fieldTexts(doc: SearchDoc): string[] {
  const tagText = doc.category ? [...doc.tags, doc.category.name] : doc.tags;
  return [doc.headline, doc.standfirst ?? '', tagText.join('\n'), doc.bodyText];
}

/**
 * Builds the index of `docs`; a document's ordinal is its position in `docs`. With `stemmers`, the
 * words of each document whose language has one are also grouped by stem (their word forms).
 */
export function buildIndex(docs: SearchDoc[], stemmers: Stemmers = new Map()): InvertedIndex {
  const termIds = new Map<string, number>();
  const unspacedTerm: boolean[] = [];
  const unspacedDocs: number[] = [];
  const terms: string[] = [];
  const df: number[] = [];
  const lastDoc: number[] = [];
  const pending: number[] = [];
  const fieldLength: number[][] = [];
  const fieldCount = FIELDS.length;
  const totalLength = FIELDS.map(() => 0);
  // Postings are logged flat, as (term id × field count + field id, document, frequency) triples,
  // and grouped by term at the end: growing thousands of Maps at once was GC-bound.
  let log = new Int32Array(1 << 16);
  let logLength = 0;
  // Which stemmed languages each term occurs in, one bit per language (at most 32 stemmers).
  const stemLanguages = [...stemmers.keys()].slice(0, 32);
  const languageMask: number[] = [];

  docs.forEach((doc, ord) => {
    const lengths: number[] = [];
    let hasUnspaced = false;
    const position = stemLanguages.indexOf(languageKey(doc.language) ?? '');
    const languageBit = position === -1 ? 0 : 1 << position;
    fieldTexts(doc).forEach((text, fieldId) => {
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
          languageMask.push(0);
        }
        if (unspacedTerm[id]) hasUnspaced = true;
        if (pending[id]!++ === 0) {
          touched.push(id);
          languageMask[id]! |= languageBit;
        }
      }
      // A field's length is its number of distinct terms (as in MiniSearch, whose ranking we keep).
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
  const postingsOf = (id: number): TermPostings => {
    const byField: TermPostings = new Map();
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
  const sortedIds = Int32Array.from(terms.keys()).sort((x, y) =>
    terms[x]! < terms[y]! ? -1 : terms[x]! > terms[y]! ? 1 : 0,
  );
  const cumulativeDf = new Float64Array(sortedIds.length + 1);
  sortedIds.forEach((id, i) => {
    cumulativeDf[i + 1] = cumulativeDf[i]! + df[id]!;
  });
  return {
    documentCount: count,
    ids: termIds,
    terms,
    df: Int32Array.from(df),
    postings: terms.map((_, id) => postingsOf(id)),
    sorted: Array.from(sortedIds, (id) => terms[id]!),
    sortedIds,
    cumulativeDf,
    fieldLength,
    averageFieldLength: totalLength.map((total) => (count ? total / count : 0)),
    unspacedDocs,
    termLanguages: Int32Array.from(languageMask),
    forms: stemLanguages.map((language, position) => ({
      language,
      stemmer: stemmers.get(language)!,
      bit: 1 << position,
      byStem: PREFIX_STRIPPING.has(language)
        ? groupByStem(terms, languageMask, 1 << position, unspacedTerm, stemmers.get(language)!)
        : undefined,
      stems: new Map(),
    })),
  };
}

/** The ids of the terms of one language (`bit` in `languageMask`), grouped by their stem. */
function groupByStem(
  terms: string[],
  languageMask: number[],
  bit: number,
  unspacedTerm: boolean[],
  stemmer: Stemmer,
): Map<string, number[]> {
  const byStem = new Map<string, number[]>();
  for (let id = 0; id < terms.length; id++) {
    if (!(languageMask[id]! & bit) || unspacedTerm[id]) continue;
    const term = terms[id]!;
    if (!isStemmable(term)) continue;
    const stem = stemmer(term);
    const group = byStem.get(stem);
    if (group) group.push(id);
    else byStem.set(stem, [id]);
  }
  return byStem;
}

/** Languages whose Snowball stemmers strip prefixes: their stems are grouped at build time. */
const PREFIX_STRIPPING = new Set(['ar', 'id', 'ga']);
/** Forms are looked for among the words that start with at least this many letters of the word. */
const MIN_FORM_PREFIX = 2;
/** Candidates stemmed for one query word at most (a very short stem in a huge vocabulary). */
const MAX_FORM_CANDIDATES = 5000;

/**
 * The indexed word forms of `term`: the terms that share its stem in any stemmed language of the
 * corpus, or whose stem is the term itself (Snowball stems a dictionary form and its inflections
 * differently now and then: Turkish seçim → seç but seçimleri → seçim). `term` itself is left out.
 *
 * A suffix-stripping stemmer's stem is the start of the word, but for its last letter now and then
 * (happy → happi, hoping → hope, Turkish seçim → seç): the forms are among the terms that start
 * with what the word and its stem share, less the stem's last letter: a prefix range of the sorted
 * vocabulary. Only those are stemmed, at query time, each once (a few dozen per word; the build
 * stems nothing).
 */
export function wordForms(index: InvertedIndex, term: string): number[] {
  if (index.forms.length === 0 || !isStemmable(term) || isUnspacedTerm(term)) return [];
  const exact = index.ids.get(term);
  const out = new Set<number>();
  for (const forms of index.forms) {
    const stem = forms.stemmer(term);
    if (forms.byStem) {
      for (const key of [stem, term]) {
        for (const id of forms.byStem.get(key) ?? []) if (id !== exact) out.add(id);
      }
      continue;
    }
    // The start the word and its stem share, less the stem's last letter (Turkish seçim → seç:
    // the stemmer may also change a letter).
    let common = 0;
    while (common < stem.length && common < term.length && stem[common] === term[common]) common++;
    const start = term.slice(0, Math.min(common, stem.length >= 4 ? stem.length - 1 : stem.length));
    if (start.length < MIN_FORM_PREFIX) continue;
    const [from, to] = prefixRange(index, start);
    for (let i = from; i < Math.min(to, from + MAX_FORM_CANDIDATES); i++) {
      const id = index.sortedIds[i]!;
      if (id === exact || !(index.termLanguages[id]! & forms.bit)) continue;
      const candidate = index.terms[id]!;
      if (!isStemmable(candidate)) continue;
      let candidateStem = forms.stems.get(id);
      if (candidateStem === undefined) {
        candidateStem = forms.stemmer(candidate);
        forms.stems.set(id, candidateStem);
      }
      if (candidateStem === stem || candidateStem === term) out.add(id);
    }
  }
  return [...out];
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

/** The range of `index.sorted` holding the terms that start with `prefix` (the prefix itself included). */
export function prefixRange(index: InvertedIndex, prefix: string): [number, number] {
  return [lowerBound(index.sorted, prefix), lowerBound(index.sorted, prefix + '\uffff')];
}

const lengthBuckets = new WeakMap<InvertedIndex, Map<number, number[]>>();

/**
 * Ids of the terms within one edit (insertion, deletion or substitution of a UTF-16 code unit)
 * of `term`, with that distance; the term itself is left out. Scans the terms of length ±1,
 * bucketed by length on first use: typo lookups are rare (see plan.ts), so no index is kept for them.
 */
export function termsWithinOneEdit(index: InvertedIndex, term: string): number[] {
  let buckets = lengthBuckets.get(index);
  if (!buckets) {
    buckets = new Map();
    index.terms.forEach((t, id) => {
      let bucket = buckets!.get(t.length);
      if (!bucket) buckets!.set(t.length, (bucket = []));
      bucket.push(id);
    });
    lengthBuckets.set(index, buckets);
  }
  const out: number[] = [];
  for (let length = term.length - 1; length <= term.length + 1; length++) {
    for (const id of buckets.get(length) ?? []) {
      if (isOneEdit(term, index.terms[id]!)) out.push(id);
    }
  }
  return out;
}

/** True when `a` and `b` differ by exactly one edit. */
function isOneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // After the first difference, the rest must line up: skip one unit of the longer (insertion or
  // deletion) or of both (substitution).
  const skipA = a.length >= b.length ? 1 : 0;
  const skipB = b.length >= a.length ? 1 : 0;
  for (let j = i; j + skipA < a.length || j + skipB < b.length; j++) {
    if (a.charCodeAt(j + skipA) !== b.charCodeAt(j + skipB)) return false;
  }
  return true;
}
