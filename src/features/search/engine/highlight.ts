/**
 * Highlighting and snippets for search results, as plain data: the UI turns segments into React
 * nodes (`<mark>` for matches), so no HTML string is ever built or parsed here.
 *
 * Matching runs on the tokenizer's offsets into the original text, so accents stay as written
 * (`cafe` marks `Café`) and Lao/Thai words are marked on segment boundaries, never mid-syllable.
 */
import { isUnspacedTerm, spellingVariants, tokenize, tokenizeWithOffsets } from './tokenize.ts';

export interface HighlightSegment {
  text: string;
  match: boolean;
}

interface Matcher {
  /** Normalized terms a token must equal. */
  exact: Set<string>;
  /** Normalized prefix a token may start with (the word being typed). */
  prefix: string | undefined;
  /** Lao/Thai/CJK terms, found as substrings in every spelling. */
  substrings: string[];
}

/**
 * `terms` are the matched index terms of a hit (`SearchHit.terms`); a string is taken as the
 * query itself, its last word a prefix unless followed by a space.
 */
function matcherFor(terms: string[] | string): Matcher {
  const exact = new Set<string>();
  const substrings = new Set<string>();
  const words = typeof terms === 'string' ? terms.split(/\s+/) : terms;
  for (const word of words) {
    const tokens = tokenizeWithOffsets(word);
    for (const t of tokens) exact.add(t.token);
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    // A Lao/Thai/CJK word may be segmented differently in the text than alone: find it as typed.
    if (first && last && tokens.some((t) => isUnspacedTerm(t.token))) {
      for (const v of spellingVariants(word.slice(first.start, last.end))) substrings.add(v);
    }
  }
  let prefix: string | undefined;
  if (typeof terms === 'string' && !/\s$/.test(terms)) {
    const tokens = tokenize(terms);
    prefix = tokens[tokens.length - 1];
  }
  return { exact, prefix, substrings: [...substrings] };
}

/** Matched [start, end) ranges in `text`, sorted and merged where they overlap or touch. */
function matchRanges(text: string, matcher: Matcher): [number, number][] {
  const ranges: [number, number][] = [];
  for (const t of tokenizeWithOffsets(text)) {
    if (matcher.exact.has(t.token) || (matcher.prefix && t.token.startsWith(matcher.prefix))) {
      ranges.push([t.start, t.end]);
    }
  }
  for (const needle of matcher.substrings) {
    let found = false;
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
      ranges.push([at, at + needle.length]);
      found = true;
    }
    // Written with a stray space inside (ດຳ ເນີນ for ດຳເນີນ, decision 073): mark it, space and all.
    if (!found && needle.length > 1 && /\s/.test(text)) {
      const spaced = new RegExp(Array.from(needle, escapeRegExp).join('[ \\u00A0\\u200B]?'), 'g');
      for (const m of text.matchAll(spaced)) ranges.push([m.index, m.index + m[0].length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * Splits `text` into segments, `match: true` for the words that matched. Pass `SearchHit.terms`
 * (or the raw query string). The segments' texts concatenate back to `text` exactly.
 */
export function highlight(text: string, terms: string[] | string): HighlightSegment[] {
  const ranges = matchRanges(text, matcherFor(terms));
  const out: HighlightSegment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) out.push({ text: text.slice(at, start), match: false });
    out.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), match: false });
  return out;
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ELLIPSIS = '…';

/**
 * A window of about `maxLength` characters of `bodyText` around its best match (the most distinct
 * terms, then the most matches), cut on word boundaries, with ellipses where text was cut and
 * whitespace collapsed. Returns '' when no term occurs in the text: callers fall back to the
 * standfirst.
 */
export function makeSnippet(bodyText: string, terms: string[] | string, maxLength = 200): string {
  const matcher = matcherFor(terms);
  const ranges = matchRanges(bodyText, matcher);
  if (ranges.length === 0) return '';
  if (bodyText.length <= maxLength) return collapse(bodyText);

  // Which distinct term each match is (its normalized text).
  const keys = ranges.map(([s, e]) => tokenize(bodyText.slice(s, e)).join(' ') || bodyText.slice(s, e));
  let best = { from: 0, to: 0, distinct: 0, count: 0 };
  let j = 0;
  for (let i = 0; i < ranges.length; i++) {
    if (j < i) j = i;
    while (j + 1 < ranges.length && ranges[j + 1]![1] - ranges[i]![0] <= maxLength) j++;
    const distinct = new Set(keys.slice(i, j + 1)).size;
    const count = j - i + 1;
    if (distinct > best.distinct || (distinct === best.distinct && count > best.count)) {
      best = { from: i, to: j, distinct, count };
    }
  }

  const matchStart = ranges[best.from]![0];
  const matchEnd = ranges[best.to]![1];
  // Centre the matches in the window, a little biased to show what comes after them.
  const slack = Math.max(0, maxLength - (matchEnd - matchStart));
  let start = Math.max(0, matchStart - Math.floor(slack / 3));
  let end = Math.min(bodyText.length, start + maxLength);
  start = Math.max(0, Math.min(start, end - maxLength));

  // Snap to word boundaries: start at a word's start, end at a word's end, inside the window.
  const words = tokenizeWithOffsets(bodyText);
  if (start > 0) {
    const first = words.find((w) => w.start >= start && w.start <= matchStart);
    start = first ? first.start : matchStart;
  }
  if (end < bodyText.length) {
    let lastEnd = matchEnd;
    for (const w of words) {
      if (w.end > end) break;
      if (w.end >= matchEnd) lastEnd = w.end;
    }
    end = Math.max(lastEnd, matchEnd);
  }
  const body = collapse(bodyText.slice(start, end));
  return (start > 0 ? ELLIPSIS : '') + body + (end < bodyText.length ? ELLIPSIS : '');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
