/**
 * Test support only: a word as a writer types it with a stray space inside (ດຳ ເນີນ for ດຳເນີນ):
 * the space goes at the user-perceived character boundary nearest the middle of the word.
 * Undefined when the word has fewer than two such characters.
 */
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

export function withStraySpace(word: string): string | undefined {
  const bounds = Array.from(graphemes.segment(word), (g) => g.index).slice(1);
  if (bounds.length === 0) return undefined;
  const middle = bounds.reduce((best, b) =>
    Math.abs(b - word.length / 2) < Math.abs(best - word.length / 2) ? b : best,
  );
  return `${word.slice(0, middle)} ${word.slice(middle)}`;
}
