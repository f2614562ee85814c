import { describe, expect, it } from 'vitest';
import { countWords, isUnspacedTerm, spellingVariants, tokenize, tokenizeWithOffsets } from './tokenize.ts';
import { itWithCorpus, readCorpusJson } from '../testing/load-corpus.ts';
import { feedToSearchDocs } from '../testing/feed-corpus.ts';

describe('tokenize', () => {
  it('lower-cases English and splits on spaces and punctuation', () => {
    expect(tokenize("Blair's e-mail: UK GDP up 2.5% (Reuters)")).toEqual([
      'blair',
      's',
      'e',
      'mail',
      'uk',
      'gdp',
      'up',
      '2',
      '5',
      'reuters',
    ]);
  });

  it('folds French, German and Vietnamese diacritics so cafe finds café', () => {
    expect(tokenize('Café crème à Noël, naïve Straße, Việt Nam')).toEqual([
      'cafe',
      'creme',
      'a',
      'noel',
      'naive',
      'strasse',
      'viet',
      'nam',
    ]);
    expect(tokenize('cafe')).toEqual(tokenize('CAFÉ'));
    // Decomposed input (e + combining acute) folds the same way.
    expect(tokenize('cafe\u0301')).toEqual(['cafe']);
  });

  it('folds Russian ё but keeps й, and folds Greek accents and final sigma', () => {
    expect(tokenize('Ёлка и мой йогурт')).toEqual(['елка', 'и', 'мой', 'йогурт']);
    expect(tokenize('Москва — столица России')).toEqual(['москва', 'столица', 'россии']);
    expect(tokenize('ΑΘΉΝΑ οδός')).toEqual(['αθηνα', 'οδοσ']);
  });

  it('segments Thai into words and keeps its vowel and tone marks', () => {
    const tokens = tokenize('กรมควบคุมโรคเตือนทุกคน ซึ่งเป็นโรค');
    expect(tokens).toEqual(['กรม', 'ควบคุม', 'โรค', 'เตือน', 'ทุก', 'คน', 'ซึ่ง', 'เป็น', 'โรค']);
    expect(tokens.join('')).toBe('กรมควบคุมโรคเตือนทุกคนซึ่งเป็นโรค');
  });

  it('segments Lao into words, keeping every mark', () => {
    const text = 'ທ່ານປະທານປະເທດເນັ້ນໜັກວ່າ';
    const tokens = tokenize(text);
    expect(tokens.length).toBeGreaterThan(2);
    // Nothing is lost: the segments (in NFKC) spell the text.
    expect(tokens.join('')).toBe(text.normalize('NFKC'));
    expect(tokens.every(isUnspacedTerm)).toBe(true);
  });

  it('gives the same Lao and Thai words for both spellings of ຳ/ໍາ, ໜ/ຫນ and ำ/ํา', () => {
    expect(tokenize('ສໍາຄັນ')).toEqual(tokenize('ສຳຄັນ'));
    expect(tokenize('ຫນ້າເບື່ອ')).toEqual(tokenize('ໜ້າເບື່ອ'));
    expect(tokenize('ทํางานหนัก')).toEqual(tokenize('ทำงานหนัก'));
    expect(spellingVariants('ສຳຄັນ')).toContain('ສໍາຄັນ');
    expect(spellingVariants('ສໍາຄັນ')).toContain('ສຳຄັນ');
  });

  it('segments Chinese and Japanese, and keeps Latin runs inside them as words', () => {
    expect(tokenize('我们今天去北京大学')).toEqual(['我们', '今天', '去', '北京', '大学']);
    expect(tokenize('コーヒーを飲むiPhone15')).toEqual(['コーヒー', 'を', '飲む', 'iphone15']);
  });

  it('gives offsets into the original string, accents and all', () => {
    const text = 'Le Café, ທ່ານປະທານ!';
    const tokens = tokenizeWithOffsets(text);
    expect(tokens[1]).toEqual({ token: 'cafe', start: 3, end: 7 });
    expect(text.slice(tokens[1]!.start, tokens[1]!.end)).toBe('Café');
    for (const t of tokens)
      expect(text.slice(t.start, t.end).normalize('NFKC').toLowerCase().length).toBeGreaterThan(0);
    const lao = tokens.filter((t) => isUnspacedTerm(t.token));
    expect(lao.map((t) => text.slice(t.start, t.end)).join('')).toBe('ທ່ານປະທານ');
    // Composed spellings are mapped back to the original offsets.
    const decomposed = 'ກ ສໍາຄັນ';
    const [, word] = tokenizeWithOffsets(decomposed);
    expect(decomposed.slice(word!.start, word!.end)).toBe('ສໍາຄັນ');
  });

  it('segments a very long unspaced run in windows, giving the words one pass would', () => {
    const long = 'กรมควบคุมโรคเตือนทุกคนมีโอกาสติดเชื้อไข้เลือดออก'.repeat(400); // 19 k characters, no space
    const started = performance.now();
    const tokens = tokenizeWithOffsets(long);
    const ms = performance.now() - started;
    expect(tokens.map((t) => t.token).join('')).toBe(long);
    const onePass = Array.from(new Intl.Segmenter('th', { granularity: 'word' }).segment(long))
      .filter((s) => s.isWordLike)
      .map((s) => `${s.index}:${s.segment}`);
    const windowed = new Set(tokens.map((t) => `${t.start}:${long.slice(t.start, t.end)}`));
    const differing = onePass.filter((w) => !windowed.has(w)).length;
    expect(differing / onePass.length).toBeLessThan(0.01);
    expect(ms).toBeLessThan(1000);
  });

  it('counts words in every script (reading time)', () => {
    expect(countWords('The quick brown fox.')).toBe(4);
    expect(countWords('กรมควบคุมโรคเตือนทุกคน')).toBe(6);
    expect(countWords('')).toBe(0);
    expect(countWords(' — ! ')).toBe(0);
  });
});

describe('tokenizer on the corpora', () => {
  itWithCorpus('lao-a.gold-words.json', 'agrees with human Lao word segmentation at boundary F1 >= 0.85', () => {
    const gold = readCorpusJson('lao-a.gold-words.json') as string[][];
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const words of gold) {
      const sentence = words.join('');
      const goldBounds = new Set<number>();
      let at = 0;
      for (const w of words) {
        at += w.length;
        if (at < sentence.length) goldBounds.add(at);
      }
      const ours = new Set<number>();
      for (const t of tokenizeWithOffsets(sentence)) {
        if (t.start > 0) ours.add(t.start);
        if (t.end < sentence.length) ours.add(t.end);
      }
      for (const b of ours) {
        if (goldBounds.has(b)) tp++;
        else fp++;
      }
      for (const b of goldBounds) if (!ours.has(b)) fn++;
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    const f1 = (2 * precision * recall) / (precision + recall);
    console.info(
      `Lao boundary F1 ${f1.toFixed(3)} (precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, ${gold.length} sentences)`,
    );
    expect(f1).toBeGreaterThanOrEqual(0.85);
  });

  itWithCorpus('bbc-news-2225.feed.json', 'tokenizes the 5 MB BBC corpus (titles and bodies) in under 0.5 s', () => {
    const docs = feedToSearchDocs(readCorpusJson('bbc-news-2225.feed.json'));
    const texts = docs.flatMap((d) => [d.headline, d.bodyText]);
    const chars = texts.reduce((n, t) => n + t.length, 0);
    let best = Infinity;
    let tokens = 0;
    for (let run = 0; run < 2; run++) {
      const started = performance.now();
      tokens = 0;
      for (const t of texts) tokens += tokenize(t).length;
      best = Math.min(best, performance.now() - started);
    }
    console.info(
      `BBC corpus: ${(chars / 1e6).toFixed(2)} M chars, ${tokens} tokens in ${best.toFixed(0)} ms`,
    );
    expect(chars).toBeGreaterThan(4_500_000);
    expect(best).toBeLessThan(500);
  });
});
