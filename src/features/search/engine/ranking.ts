/**
 * Scoring: BM25+ per field times the field's boost, summed over the terms a query term matches.
 * This is MiniSearch's ranking (its defaults: BM25+ k 1.2, b 0.7, d 0.5; a prefix completion
 * weighted 0.375 and a one-edit typo 0.45, less for longer expansions; the sum multiplied by the
 * number of query terms matched), which the engine used before it owned its index: rankings stay
 * as they were, and search-index.test.ts compares the scores with MiniSearch's own.
 */
import { BOOST_BY_FIELD, termsWithinOneEdit, type InvertedIndex, type TermPostings } from './index-build.ts';
import type { TermPlan } from './plan.ts';

const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/**
 * Weight of another form of the word (same stem: "elections" for "election"). Below the word
 * itself, and scored with the word's own rarity (see scoreTerm), so where both forms occur alike
 * the form typed ranks first; above a prefix completion or a typo, which are weaker evidence.
 */
export const FORM_WEIGHT = 0.6;

/** A matching document and how it matched. */
export interface Candidate {
  ord: number;
  score: number;
  /** Index terms that matched (the query terms after prefix and typo expansion). */
  terms: string[];
  /** Terms not known yet (broad query): computed for the returned page only. */
  termsPending: boolean;
  /**
   * How closely it matched the words typed: per query word, TIER.exact when it matched the word
   * itself, TIER.form when only another form of it, 0 for a completion or a typo; summed. The
   * first sort key of relevance order, so an exact word beats its variants.
   */
  exact: number;
}

/** The match tiers summed in {@link Candidate.exact}. */
export const TIER = { exact: 2, form: 1, other: 0 } as const;

/** One document's match of the terms of a query so far. */
export interface TermMatch {
  score: number;
  /** The query terms matched, whose count multiplies the score. */
  queryTerms: string[];
  /** The index terms matched. */
  terms: string[];
  /** Sum over the query terms of their best tier (TIER). */
  exact: number;
}

/** Which documents may be scored at all (the others are skipped before any work). */
export type Accept = (ord: number) => boolean;

function bm25(tf: number, matching: number, total: number, fieldLength: number, average: number): number {
  const idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return (
    idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * fieldLength) / average)))
  );
}

/**
 * Adds the scores of index term `id`, reached from query term `source` with `weight`, to `out`.
 * With `rarityOf`, a field's document count is at least that term's (so a rare form of a common
 * word is not scored as a rare word: it is the same word).
 */
function scoreTerm(
  index: InvertedIndex,
  source: string,
  id: number,
  weight: number,
  accept: Accept | undefined,
  out: Map<number, TermMatch>,
  tier: number,
  rarityOf?: TermPostings,
): void {
  const term = index.terms[id]!;
  const byField = index.postings[id]!;
  for (let fieldId = 0; fieldId < BOOST_BY_FIELD.length; fieldId++) {
    const byDoc = byField.get(fieldId);
    if (!byDoc) continue;
    const fieldWeight = weight * BOOST_BY_FIELD[fieldId]!;
    const average = index.averageFieldLength[fieldId]!;
    const matching = Math.max(byDoc.size, rarityOf?.get(fieldId)?.size ?? 0);
    for (const [ord, tf] of byDoc) {
      if (accept && !accept(ord)) continue;
      const score =
        fieldWeight * bm25(tf, matching, index.documentCount, index.fieldLength[ord]![fieldId]!, average);
      const match = out.get(ord);
      if (!match) out.set(ord, { score, queryTerms: [source], terms: [term], exact: tier });
      else {
        match.score += score;
        if (tier > match.exact) match.exact = tier;
        if (!match.terms.includes(term)) match.terms.push(term);
      }
    }
  }
}

/**
 * The documents one planned term matches: the term itself, its other forms, its completions, its
 * one-edit neighbours (a term reached two ways counts once, by the first of these).
 */
function scorePlan(index: InvertedIndex, plan: TermPlan, accept: Accept | undefined): Map<number, TermMatch> {
  const out = new Map<number, TermMatch>();
  const { term } = plan;
  const exact = index.ids.get(term);
  if (exact !== undefined) scoreTerm(index, term, exact, 1, accept, out, TIER.exact);
  const forms = new Set(plan.forms);
  const rarity = exact === undefined ? undefined : index.postings[exact];
  for (const id of forms) scoreTerm(index, term, id, FORM_WEIGHT, accept, out, TIER.form, rarity);
  const typos = plan.fuzzy ? new Set(termsWithinOneEdit(index, term)) : undefined;
  for (const id of forms) typos?.delete(id);
  if (plan.prefix && plan.range) {
    for (let i = plan.range[0]; i < plan.range[1]; i++) {
      const id = index.sortedIds[i]!;
      if (id === exact || forms.has(id)) continue;
      // A completion that is also one edit away counts as a completion.
      typos?.delete(id);
      const length = index.terms[id]!.length;
      scoreTerm(
        index,
        term,
        id,
        (PREFIX_WEIGHT * length) / (length + 0.3 * (length - term.length)),
        accept,
        out,
        TIER.other,
      );
    }
  }
  for (const id of typos ?? []) {
    const length = index.terms[id]!.length;
    scoreTerm(index, term, id, (FUZZY_WEIGHT * length) / (length + 1), accept, out, TIER.other);
  }
  return out;
}

function addUnique(to: string[], from: string[]): void {
  for (const item of from) if (!to.includes(item)) to.push(item);
}

/**
 * Scores the documents matching all planned terms (`AND`) or any of them (`OR`). A document's
 * score is the sum of its terms' scores times the number of query terms it matched.
 */
export function scoreQuery(
  index: InvertedIndex,
  plans: TermPlan[],
  combine: 'AND' | 'OR',
  accept?: Accept,
): Map<number, TermMatch> {
  let combined: Map<number, TermMatch> | undefined;
  for (const plan of plans) {
    const next = scorePlan(index, plan, accept);
    if (!combined) {
      combined = next;
      continue;
    }
    const merged: Map<number, TermMatch> = combine === 'AND' ? new Map() : combined;
    for (const [ord, match] of next) {
      const existing = combined.get(ord);
      if (!existing) {
        if (combine === 'OR') merged.set(ord, match);
        continue;
      }
      existing.score = existing.score + match.score;
      existing.exact += match.exact;
      addUnique(existing.queryTerms, match.queryTerms);
      addUnique(existing.terms, match.terms);
      merged.set(ord, existing);
    }
    combined = merged;
  }
  const out = combined ?? new Map<number, TermMatch>();
  for (const match of out.values()) match.score *= match.queryTerms.length || 1;
  return out;
}

/** The score of document `ord` for exactly `term` (no expansion), as scoreQuery would give it alone. */
export function exactScore(index: InvertedIndex, term: string, ord: number): number {
  const id = index.ids.get(term);
  if (id === undefined) return 0;
  let score = 0;
  for (const [fieldId, byDoc] of index.postings[id]!) {
    const tf = byDoc.get(ord);
    if (!tf) continue;
    score +=
      BOOST_BY_FIELD[fieldId]! *
      bm25(
        tf,
        byDoc.size,
        index.documentCount,
        index.fieldLength[ord]![fieldId]!,
        index.averageFieldLength[fieldId]!,
      );
  }
  return score;
}

/**
 * The first `k` items of `items` in `compare` order, sorted. Keeps a sorted buffer of k items
 * instead of sorting everything: a common word matches most of a corpus, and a page is 20 hits.
 */
export function topK<T>(items: T[], k: number, compare: (a: T, b: T) => number): T[] {
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

/**
 * Candidate order: by the number of words matched as typed, then by score (scores within a
 * relative 1e-9 are equal, and recency breaks the tie); or newest first. `sortTime` is a document's date, undated documents last.
 */
export function candidateOrder(
  sort: 'relevance' | 'newest',
  sortTime: (ord: number) => number,
): (a: Candidate, b: Candidate) => number {
  if (sort === 'newest') {
    return (a, b) => sortTime(b.ord) - sortTime(a.ord) || b.score - a.score || a.ord - b.ord;
  }
  return (a, b) => {
    if (a.exact !== b.exact) return b.exact - a.exact;
    const diff = b.score - a.score;
    if (Math.abs(diff) > 1e-9 * Math.max(a.score, b.score)) return diff;
    return sortTime(b.ord) - sortTime(a.ord) || a.ord - b.ord;
  };
}
