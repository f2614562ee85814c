/**
 * Query planning: how each query term is looked up (exactly, as a prefix, with one typo allowed)
 * and what that is expected to cost in postings, from the document frequencies. match.ts uses
 * the costs to match the rarest term first and to spot queries of only very common words.
 */
import { prefixRange, wordForms, type InvertedIndex } from './index-build.ts';
import type { ParsedQuery } from './query.ts';
import { isUnspacedTerm } from './tokenize.ts';

/** Typo tolerance (one edit) only for words this long: shorter words have too many neighbours. */
const FUZZY_MIN_LENGTH = 5;
/** Words found in more documents than this are real words, not typos: no fuzzy expansion. */
export const FUZZY_MAX_DF = 2;
/** Planning estimate of the postings a fuzzy expansion touches (unknown until run). */
const FUZZY_COST = 50;
/**
 * A word being typed that is already a complete prefix of at most this many indexed words may
 * still be a typo of another word ("entirel" for "entire"): the one-typo rule runs for it too.
 */
const FUZZY_PREFIX_MAX_COMPLETIONS = 3;

/** How one query term is looked up, and how many postings that is expected to touch. */
export interface TermPlan {
  term: string;
  prefix: boolean;
  /** Edits allowed (one), or none. */
  fuzzy: number | false;
  /** Sum of the document frequencies of the terms it matches (an upper bound of its matches). */
  cost: number;
  /** For a prefix: its range in the sorted vocabulary. */
  range: [number, number] | undefined;
  /** Ids of the indexed word forms of the term (same stem, stemming.ts), the term itself left out. */
  forms: number[];
}

/** One edit for words of FUZZY_MIN_LENGTH letters or more; never for Lao/Thai/CJK segments. */
export function fuzzyFor(term: string): number | false {
  if (isUnspacedTerm(term)) return false;
  let letters = 0;
  for (const ch of term) if (/\p{L}/u.test(ch)) letters++;
  return letters >= FUZZY_MIN_LENGTH ? 1 : false;
}

/** Number of documents that contain exactly `term`. */
export function documentFrequency(index: InvertedIndex, term: string): number {
  const id = index.ids.get(term);
  return id === undefined ? 0 : index.df[id]!;
}

/** The summed document frequencies of term ids. */
function formsCost(index: InvertedIndex, forms: number[]): number {
  let cost = 0;
  for (const id of forms) cost += index.df[id]!;
  return cost;
}

/**
 * The plan of a term matched as a prefix. A word being typed may be a typo when no indexed word
 * starts with it, or when it is a complete prefix of only a few rare words ("entirel").
 */
export function prefixPlan(index: InvertedIndex, term: string): TermPlan {
  const range = prefixRange(index, term);
  const cost = index.cumulativeDf[range[1]]! - index.cumulativeDf[range[0]]!;
  const completions = range[1] - range[0];
  const mayBeTypo =
    cost === 0 ||
    (completions <= FUZZY_PREFIX_MAX_COMPLETIONS && documentFrequency(index, term) <= FUZZY_MAX_DF);
  const forms = wordForms(index, term);
  return {
    term,
    prefix: true,
    fuzzy: mayBeTypo ? fuzzyFor(term) : false,
    cost: cost + formsCost(index, forms),
    range,
    forms,
  };
}

/** How each query term will be looked up, with its expected cost in postings. */
export function planQuery(index: InvertedIndex, parsed: ParsedQuery): TermPlan[] {
  const phraseTerms = new Set(parsed.phrases.flatMap((g) => g.terms));
  return parsed.terms.map((term) => {
    if (term === parsed.prefixTerm) return prefixPlan(index, term);
    const df = documentFrequency(index, term);
    // Phrase words must match exactly (the phrase check compares exact terms), and a word that
    // the corpus uses is not a typo: fuzzy matching it would only add noise ("united" → "unites").
    const inPhrase = phraseTerms.has(term);
    const fuzzy = inPhrase || df > FUZZY_MAX_DF ? false : fuzzyFor(term);
    // Phrase words match as written; other words also match their forms ("election" → "elections").
    const forms = inPhrase ? [] : wordForms(index, term);
    const cost = df + formsCost(index, forms) + (fuzzy ? FUZZY_COST : 0);
    return { term, prefix: false, fuzzy, cost, range: undefined, forms };
  });
}
