/**
 * Test support only: words as writers type them with a stray space inside (ດຳ ເນີນ for ດຳເນີນ).
 */
import { tokenize } from '../engine/tokenize.ts';
import type { SearchDoc } from '../engine/types.ts';

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * `word` with a space at the user-perceived character boundary nearest its middle; undefined when
 * the word has fewer than two such characters.
 */
export function withStraySpace(word: string): string | undefined {
  const bounds = Array.from(graphemes.segment(word), (g) => g.index).slice(1);
  if (bounds.length === 0) return undefined;
  const middle = bounds.reduce((best, b) =>
    Math.abs(b - word.length / 2) < Math.abs(best - word.length / 2) ? b : best,
  );
  return `${word.slice(0, middle)} ${word.slice(middle)}`;
}

export interface StraySpaceCase {
  /** The article that writes the word with a space. */
  id: string;
  word: string;
  spaced: string;
}

const textOf = (d: SearchDoc) => [d.headline, d.standfirst ?? '', d.bodyText].join('\n');

/**
 * In each article, one word of `script` of 6+ code units that occurs in at most 10 articles,
 * rewritten everywhere in the article with a space inside: the cases, and the rewritten corpus.
 */
export function straySpaceCorpus(
  docs: SearchDoc[],
  script: RegExp,
): { cases: StraySpaceCase[]; spacedDocs: SearchDoc[] } {
  const docsWith = new Map<string, number>();
  for (const d of docs)
    for (const t of new Set(tokenize(textOf(d)))) docsWith.set(t, (docsWith.get(t) ?? 0) + 1);
  const cases = docs.flatMap((d) => {
    const text = textOf(d);
    const word = [...new Set(tokenize(text))].find(
      (t) => t.length >= 6 && script.test(t) && (docsWith.get(t) ?? 0) <= 10 && text.includes(t),
    );
    const spaced = word && withStraySpace(word);
    return word && spaced ? [{ id: d.id, word, spaced }] : [];
  });
  const spacedDocs = docs.map((d) => {
    const c = cases.find((x) => x.id === d.id);
    if (!c) return d;
    const respace = (t: string) => t.replaceAll(c.word, c.spaced);
    return {
      ...d,
      headline: respace(d.headline),
      standfirst: d.standfirst && respace(d.standfirst),
      bodyText: respace(d.bodyText),
    };
  });
  return { cases, spacedDocs };
}
