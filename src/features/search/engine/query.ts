/**
 * Reading a query: the words (through the document tokenizer, so a query word the segmenter splits
 * still matches), quoted phrases, the word being typed, and Lao/Thai/CJK words that may also match
 * as substrings.
 */
import {
  isUnspacedTerm,
  searchableText,
  spellingVariants,
  tokenize,
  tokenizeWithOffsets,
} from './tokenize.ts';

/** Prefix expansion of a 1-letter word matches most of the index; wait for the second letter. */
const PREFIX_MIN_LENGTH = 2;

/** Terms that must occur adjacent and in this order (a quoted phrase). */
export interface Phrase {
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
export interface UnspacedWord {
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
        const variants = spellingVariants(word.slice(first.start, last.end));
        unspacedWords.push({ terms, variants: [...new Set([...variants, ...variants.map(searchableText)])] });
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
