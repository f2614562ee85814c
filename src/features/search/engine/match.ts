/**
 * Matching: which documents a planned query matches, and their scores. Three strategies, chosen
 * from the plan's costs: an AND anchored on the rarest term (matchAnd), a cheap pass over the
 * postings for queries of only very common words (matchBroad), and substring matching for
 * Lao/Thai/CJK words (matchUnspaced).
 */
import { BOOST_BY_FIELD, fieldTexts, type InvertedIndex } from './index-build.ts';
import type { PhraseMatcher } from './phrases.ts';
import type { TermPlan } from './plan.ts';
import type { ParsedQuery } from './query.ts';
import { exactScore, FORM_WEIGHT, scoreQuery, TIER, type Accept, type Candidate } from './ranking.ts';
import { tokenizeWithOffsets } from './tokenize.ts';
import type { SearchDoc } from './types.ts';

/**
 * A query whose cheapest term matches more documents than this is "broad" (see matchBroad):
 * scoring costs per matching document, and this many keeps a query within the latency budget.
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
/** Completions of a prefix reported for highlighting on a broad query's hits. */
const HIGHLIGHT_EXPANSIONS = 50;

export interface MatchContext {
  index: InvertedIndex;
  docOf: (ord: number) => SearchDoc;
  phrases: PhraseMatcher;
  /** A field's text normalized for substring search (tokenize.ts searchableText), cached. */
  normalized: (ord: number, fieldId: number, text: string) => string;
}

/** All documents matching the query (before filters), with their scores. */
export function matchQuery(ctx: MatchContext, parsed: ParsedQuery, plans: TermPlan[]): Candidate[] {
  // AND: a term nothing can match empties the result (unless it is part of an unspaced word,
  // which may still match as a substring).
  const unmatchable = plans.some((p) => p.cost === 0 && !p.fuzzy);
  let candidates: Candidate[];
  if (parsed.unspacedWords.length > 0) {
    candidates = matchUnspaced(ctx, parsed, plans, unmatchable);
  } else if (unmatchable) {
    return [];
  } else {
    const cheapest = Math.min(...plans.map((p) => p.cost));
    candidates =
      cheapest > BROAD_QUERY_COST
        ? matchBroad(ctx.index, plans)
        : Array.from(matchAnd(ctx.index, plans).values());
  }
  if (parsed.phrases.length > 0) {
    candidates = candidates.filter((c) => parsed.phrases.every((g) => ctx.phrases.matches(c.ord, g)));
  }
  return candidates;
}

function scored(index: InvertedIndex, plans: TermPlan[], accept: Accept | undefined): Map<number, Candidate> {
  const out = new Map<number, Candidate>();
  for (const [ord, m] of scoreQuery(index, plans, 'AND', accept)) {
    out.set(ord, { ord, score: m.score, terms: m.terms, termsPending: false, exact: m.exact });
  }
  return out;
}

/**
 * AND of all terms. Scoring a term costs its whole posting list, so the cheapest term (the
 * anchor) is matched first and the other terms score only the documents it matched; and common
 * terms ("of", "the": in over a fifth of a large corpus) are only checked for presence in those
 * documents, on the postings, and added with their exact score, the way Lucene's common-terms
 * query treats them.
 */
function matchAnd(index: InvertedIndex, plans: TermPlan[]): Map<number, Candidate> {
  const n = index.documentCount;
  const commonCost = n >= COMMON_MIN_DOCS ? n * COMMON_DF_SHARE : Infinity;
  const common = plans.filter((p) => p.cost > commonCost && !p.fuzzy);
  const rare = common.length < plans.length ? plans.filter((p) => !common.includes(p)) : plans;
  const checked = rare === plans ? [] : common;

  let result: Map<number, Candidate>;
  if (rare.length === 1) {
    result = scored(index, rare, undefined);
  } else {
    const anchor = rare.reduce((a, b) => (b.cost < a.cost ? b : a));
    const anchored = scored(index, [anchor], undefined);
    result = anchored.size === 0 ? anchored : scored(index, rare, (ord) => anchored.has(ord));
  }
  // The score of an AND is the summed term scores times the number of terms matched.
  const rescale = plans.length / rare.length;
  for (const plan of checked) {
    if (result.size === 0) break;
    const present = new Uint8Array(n);
    forEachPosting(index, plan, (ord) => {
      if (result.has(ord)) present[ord] = 1;
    });
    for (const [ord, c] of result) {
      if (!present[ord]) {
        result.delete(ord);
        continue;
      }
      c.terms.push(plan.term);
      const score = exactScore(index, plan.term, ord);
      c.score += score * rare.length;
      c.exact += score > 0 ? TIER.exact : TIER.form;
    }
  }
  if (checked.length > 0) for (const c of result.values()) c.score *= rescale;
  return result;
}

/** Calls `visit` for every (document, field) posting of the terms a plan matches (no fuzzy). */
function forEachPosting(
  index: InvertedIndex,
  plan: TermPlan,
  visit: (ord: number, weight: number, termId: number) => void,
): void {
  const { postings, ids, sortedIds } = index;
  const exact = ids.get(plan.term);
  const visitTerm = (id: number, factor: number) => {
    for (const [fieldId, byDoc] of postings[id]!) {
      const weight = BOOST_BY_FIELD[fieldId]! * factor;
      for (const ord of byDoc.keys()) visit(ord, weight, id);
    }
  };
  if (exact !== undefined) visitTerm(exact, 1);
  for (const id of plan.forms) visitTerm(id, FORM_WEIGHT);
  if (plan.range) {
    for (let i = plan.range[0]; i < plan.range[1]; i++) {
      const id = sortedIds[i]!;
      if (id !== exact && !plan.forms.includes(id)) visitTerm(id, BROAD_PREFIX_WEIGHT);
    }
  }
}

/**
 * A query with Lao/Thai/CJK words: documents that match all terms, plus documents that contain
 * each unspaced word as typed (a substring) and every other term.
 */
function matchUnspaced(
  ctx: MatchContext,
  parsed: ParsedQuery,
  plans: TermPlan[],
  unmatchable: boolean,
): Candidate[] {
  const { index } = ctx;
  const byOrd = unmatchable ? new Map<number, Candidate>() : matchAnd(index, plans);

  const bonus = new Map<number, { score: number; found: string[]; aligned: number }>();
  for (const ord of index.unspacedDocs) {
    const fields = fieldTexts(ctx.docOf(ord));
    let score = 0;
    const found: string[] = [];
    let aligned = 0;
    const all = parsed.unspacedWords.every((word) => {
      let seen = false;
      let wordAligned = false;
      for (const variant of word.variants) {
        fields.forEach((text, fieldId) => {
          const at = findWord(text, variant, fieldId, ord, ctx);
          if (!at) return;
          score += BOOST_BY_FIELD[fieldId]!;
          seen = true;
          if (at.aligned) wordAligned = true;
          if (!found.includes(variant)) found.push(variant);
        });
      }
      if (wordAligned) aligned++;
      return seen;
    });
    if (all) bonus.set(ord, { score, found, aligned });
  }

  const extra = new Set<number>();
  for (const ord of bonus.keys()) if (!byOrd.has(ord)) extra.add(ord);
  if (extra.size > 0) {
    // The substring stands for the unspaced word's terms; every other term is still required.
    const wordTerms = new Set(parsed.unspacedWords.flatMap((w) => w.terms));
    const required = plans.filter((p) => !wordTerms.has(p.term)).map((p) => p.term);
    const partial = scoreQuery(index, plans, 'OR', (ord) => extra.has(ord));
    for (const ord of extra) {
      const m = partial.get(ord);
      if (!required.every((t) => m?.queryTerms.includes(t))) continue;
      byOrd.set(ord, {
        ord,
        score: m?.score ?? 0,
        terms: m?.terms ?? [],
        termsPending: false,
        exact: m?.exact ?? 0,
      });
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
    // An unspaced word found whole (on the document's word boundaries, not inside a longer word:
    // ทำนา in ชาวนาทำนา, not in ทำนาย) counts as matched as typed, like an exact term.
    c.exact = Math.min(
      TIER.exact * plans.length,
      Math.max(c.exact, exactOutsideWords(c, parsed, plans) + TIER.exact * b.aligned),
    );
    // The word as typed, for highlight.ts (which finds unspaced terms as substrings).
    c.terms = [...new Set([...c.terms, ...b.found])];
  }
  return Array.from(byOrd.values());
}

/** The tiers of the query terms outside unspaced words that the candidate matched exactly (at most). */
function exactOutsideWords(c: Candidate, parsed: ParsedQuery, plans: TermPlan[]): number {
  const wordTerms = new Set(parsed.unspacedWords.flatMap((w) => w.terms));
  let n = 0;
  for (const p of plans) if (!wordTerms.has(p.term) && c.terms.includes(p.term)) n++;
  return Math.min(TIER.exact * n, c.exact);
}

/**
 * Where `word` occurs in a field: as written, or in its normalized text (across a stray space,
 * ດຳ ເນີນ for ດຳເນີນ; Zawgyi as Unicode; see searchableText), and whether one occurrence is a whole word of the text (starts and ends on the
 * tokenizer's word boundaries). Undefined when it does not occur.
 */
function findWord(
  text: string,
  word: string,
  fieldId: number,
  ord: number,
  ctx: MatchContext,
): { aligned: boolean } | undefined {
  let haystack = text;
  let at = text.indexOf(word);
  if (at === -1) {
    haystack = ctx.normalized(ord, fieldId, text);
    if (haystack === text) return undefined;
    at = haystack.indexOf(word);
    if (at === -1) return undefined;
  }
  for (
    let i = at, checked = 0;
    i !== -1 && checked < MAX_ALIGNMENT_CHECKS;
    i = haystack.indexOf(word, i + 1), checked++
  ) {
    if (isWholeWord(haystack, i, i + word.length)) return { aligned: true };
  }
  return { aligned: false };
}

/** Occurrences of a word checked for word boundaries per field (the first few decide). */
const MAX_ALIGNMENT_CHECKS = 8;

/**
 * Context segmented around an occurrence on each side: Lao and Chinese runs between spaces can be
 * paragraphs, and segmenting a whole one per matching document would cost milliseconds each.
 */
const ALIGNMENT_CONTEXT = 32;

/** Whether [start, end) of `text` begins and ends on word boundaries of the text around it. */
function isWholeWord(text: string, start: number, end: number): boolean {
  const floor = Math.max(0, start - ALIGNMENT_CONTEXT);
  const ceiling = Math.min(text.length, end + ALIGNMENT_CONTEXT);
  let runStart = start;
  while (runStart > floor && !/\s/.test(text[runStart - 1]!)) runStart--;
  let runEnd = end;
  while (runEnd < ceiling && !/\s/.test(text[runEnd]!)) runEnd++;
  let startsWord = false;
  for (const t of tokenizeWithOffsets(text.slice(runStart, runEnd))) {
    if (t.start + runStart === start) startsWord = true;
    if (startsWord && t.end + runStart === end) return true;
    if (t.start + runStart > end) break;
  }
  return false;
}

/**
 * A query whose every term is common ("in", "the", a two-letter prefix) matches most of the
 * corpus, and BM25 scoring allocates a result per matching document. Such a query is matched on
 * the postings directly, with typed arrays, and scored simply: for each term, the boost of the
 * best field it occurs in (headline 4 … body 1; a prefix completion counts half). Equal scores
 * then go newest first. For a query this unspecific that ranking is as good as BM25's, and
 * `total` and facets stay exact.
 */
function matchBroad(index: InvertedIndex, plans: TermPlan[]): Candidate[] {
  const n = index.documentCount;
  const count = new Uint16Array(n);
  const stamp = new Uint16Array(n);
  const best = new Float32Array(n);
  const score = new Float64Array(n);
  const exact = new Uint16Array(n);
  const exactStamp = new Uint16Array(n);
  const bestTier = new Uint8Array(n);
  plans.forEach((plan, t) => {
    const mark = t + 1;
    const exactId = index.ids.get(plan.term);
    forEachPosting(index, plan, (ord, weight, id) => {
      const tier = id === exactId ? TIER.exact : plan.forms.includes(id) ? TIER.form : TIER.other;
      if (exactStamp[ord] !== mark) {
        exactStamp[ord] = mark;
        bestTier[ord] = tier;
        exact[ord]! += tier;
      } else if (tier > bestTier[ord]!) {
        exact[ord]! += tier - bestTier[ord]!;
        bestTier[ord] = tier;
      }
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
    if (count[ord] === all) {
      candidates.push({ ord, score: score[ord]!, terms: [], termsPending: true, exact: exact[ord]! });
    }
  }
  return candidates;
}

/**
 * Terms a broad query can highlight: each exact term, and for a prefix its most frequent
 * completions (a two-letter prefix has hundreds; the frequent ones are what a page shows).
 */
export function highlightTerms(index: InvertedIndex, plans: TermPlan[]): number[] {
  const { ids, df, sortedIds } = index;
  const out: number[] = [];
  for (const plan of plans) {
    const exact = ids.get(plan.term);
    if (exact !== undefined) out.push(exact);
    out.push(...plan.forms);
    if (!plan.range) continue;
    const range = Array.from(sortedIds.subarray(plan.range[0], plan.range[1]));
    range.sort((a, b) => df[b]! - df[a]!);
    out.push(...range.slice(0, HIGHLIGHT_EXPANSIONS));
  }
  return [...new Set(out)];
}

/** The terms among `termIds` that occur in the document (any field). */
export function termsIn(index: InvertedIndex, ord: number, termIds: number[]): string[] {
  const out: string[] = [];
  for (const id of termIds) {
    for (const byDoc of index.postings[id]!.values()) {
      if (byDoc.has(ord)) {
        out.push(index.terms[id]!);
        break;
      }
    }
  }
  return out;
}
