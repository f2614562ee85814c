/** Words per minute for news prose; a conservative figure that suits most scripts. */
const WORDS_PER_MINUTE = 220;

/**
 * Minutes to read, from a word count. The count must come from the search tokenizer (which
 * segments Lao, Thai and Burmese), never from splitting on spaces.
 */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}
