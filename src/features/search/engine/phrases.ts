/**
 * Phrase checks: are a phrase's terms adjacent and in order within one field of a document? The
 * index keeps no positions (they would double its size for a rare kind of query), so a candidate's
 * fields are tokenized again, and the most recent ones are kept.
 */
import { fieldTexts } from './index-build.ts';
import type { Phrase } from './query.ts';
import { tokenize } from './tokenize.ts';
import type { SearchDoc } from './types.ts';

/** Tokenized documents kept for phrase checks. */
const TOKEN_CACHE_SIZE = 3000;
const TOKEN_SEP = '\u0001';
const FIELD_SEP = '\u0002';

export class PhraseMatcher {
  private readonly cache = new Map<number, string>();

  constructor(private readonly docOf: (ord: number) => SearchDoc) {}

  /** True when the phrase's terms occur adjacent and in order within one field of the document. */
  matches(ord: number, phrase: Phrase): boolean {
    const needle = TOKEN_SEP + phrase.terms.join(TOKEN_SEP) + (phrase.prefixLast ? '' : TOKEN_SEP);
    return this.tokenString(ord).includes(needle);
  }

  /** The document's terms as one string, `\u0001`-separated, fields `\u0002`-separated. */
  private tokenString(ord: number): string {
    const cached = this.cache.get(ord);
    if (cached !== undefined) {
      // Refresh its position: the Map's insertion order is our LRU order.
      this.cache.delete(ord);
      this.cache.set(ord, cached);
      return cached;
    }
    const value = fieldTexts(this.docOf(ord))
      .map((f) => TOKEN_SEP + tokenize(f).join(TOKEN_SEP) + TOKEN_SEP)
      .join(FIELD_SEP);
    this.cache.set(ord, value);
    if (this.cache.size > TOKEN_CACHE_SIZE) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return value;
  }
}
