/**
 * Burmese spellings on our own fixtures (testing/burmese-fixtures.ts): the digit ၀ typed for the
 * letter ဝ, Zawgyi on either side, and words written with a stray space. Figures are printed for
 * the README; the assertions are the targets.
 */
import tools from 'myanmar-tools';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from './search-index.ts';
import { tokenize, zeroAsWa } from './tokenize.ts';
import type { SearchDoc } from './types.ts';
import { burmeseDocs, WA_WORDS } from '../testing/burmese-fixtures.ts';
import { withStraySpace } from '../testing/stray-spaces.ts';

const converter = new tools.ZawgyiConverter();
const WA = '\u101D';
const ZERO = '\u1040';

const mapText = (doc: SearchDoc, f: (text: string) => string): SearchDoc => ({
  ...doc,
  headline: f(doc.headline),
  bodyText: f(doc.bodyText),
});

describe('Burmese: the digit ၀ typed for the letter ဝ', () => {
  it('reads ၀ as ဝ in words, and never changes the zeros of numbers and times (ည၇နာရီ, ၂၀၂၄, ၀၉…)', () => {
    const texts = burmeseDocs().flatMap((d) => [d.headline, d.bodyText]);
    // In the Unicode stories every ၀ is a digit: a conversion there is a false one.
    const zeros = texts.reduce((n, t) => n + t.split(ZERO).length - 1, 0);
    const falseConversions = texts.reduce((n, t) => n + zeroAsWa(t).split(WA).length - t.split(WA).length, 0);
    // Typed with ၀ for ဝ, every wa comes back.
    const was = texts.reduce((n, t) => n + t.split(WA).length - 1, 0);
    const restored = texts.reduce((n, t) => n + zeroAsWa(t.replaceAll(WA, ZERO)).split(WA).length - 1, 0);
    console.info(
      `Burmese ၀/ဝ: ${restored}/${was} letters typed as the digit read back as ဝ; ` +
        `${falseConversions} false conversions among ${zeros} digit zeros in numbers and times`,
    );
    expect(zeros).toBeGreaterThanOrEqual(30);
    expect(falseConversions).toBe(0);
    expect(restored).toBe(was);
    expect(zeroAsWa('၀န်ကြီး ၁၀ နာရီ ည၇နာရီ ၂ ဂိုး ၀ ဖြင့်')).toBe('ဝန်ကြီး ၁၀ နာရီ ည၇နာရီ ၂ ဂိုး ၀ ဖြင့်');
  });

  it('finds every article that wrote a word with the digit when the reader types the letter, and back', async () => {
    const original = burmeseDocs();
    // Each story also as many Burmese sites type it, with the digit for the letter.
    const typedWithDigit = original.map((d) => ({
      ...mapText(d, (t) => t.replaceAll(WA, ZERO)),
      id: `${d.id}-digit`,
    }));
    const index = await buildSearchIndex([...original, ...typedWithDigit]);
    let relevant = 0;
    let found = 0;
    let foundTypedWithDigit = 0;
    for (const word of WA_WORDS) {
      const withDigit = typedWithDigit.filter((d) =>
        (d.headline + d.bodyText).includes(word.replaceAll(WA, ZERO)),
      );
      relevant += withDigit.length;
      const ids = new Set(index.search(word, { limit: 50 }).hits.map((h) => h.id));
      found += withDigit.filter((d) => ids.has(d.id)).length;
      const idsDigit = new Set(index.search(word.replaceAll(WA, ZERO), { limit: 50 }).hits.map((h) => h.id));
      foundTypedWithDigit += withDigit.filter((d) => idsDigit.has(d.id)).length;
    }
    console.info(
      `Burmese ၀/ဝ: typed with the letter, ${found}/${relevant} articles written with the digit found; ` +
        `typed with the digit, ${foundTypedWithDigit}/${relevant}`,
    );
    expect(relevant).toBeGreaterThanOrEqual(8);
    expect(found).toBe(relevant);
    expect(foundTypedWithDigit).toBe(relevant);
  });
});

describe('Burmese: Zawgyi', () => {
  it('finds the article of >= 90% of Zawgyi-typed headlines in the top 3 (Unicode articles), and the other way round', async () => {
    const docs = burmeseDocs();
    const unicodeIndex = await buildSearchIndex(docs);
    const zawgyiIndex = await buildSearchIndex(
      docs.map((d) => mapText(d, (t) => converter.unicodeToZawgyi(t))),
    );
    const inTop3 = (index: typeof unicodeIndex, query: string, id: string) =>
      index.search(query, { limit: 3 }).hits.some((h) => h.id === id);
    const zawgyiQueries = docs.filter((d) =>
      inTop3(unicodeIndex, converter.unicodeToZawgyi(d.headline), d.id),
    ).length;
    const unicodeQueries = docs.filter((d) => inTop3(zawgyiIndex, d.headline, d.id)).length;
    // The conversion changes the text: a Zawgyi query is not the Unicode one by accident.
    expect(docs.filter((d) => converter.unicodeToZawgyi(d.headline) !== d.headline).length).toBeGreaterThan(
      20,
    );
    // Zawgyi text tokenizes to the Unicode words.
    expect(tokenize(converter.unicodeToZawgyi(docs[0]!.headline))).toEqual(tokenize(docs[0]!.headline));
    console.info(
      `Burmese Zawgyi: Zawgyi headline queries, article in top 3: ${zawgyiQueries}/${docs.length}; ` +
        `Unicode queries over Zawgyi articles: ${unicodeQueries}/${docs.length}`,
    );
    expect(zawgyiQueries / docs.length).toBeGreaterThanOrEqual(0.9);
    expect(unicodeQueries / docs.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('Burmese: a word written with a stray space', () => {
  it('is found by the word typed without it (>= 95%)', async () => {
    const original = burmeseDocs();
    // In each story, its longest word written with a space inside.
    const cases = original.flatMap((d) => {
      const word = tokenize(d.headline).sort((a, b) => b.length - a.length)[0];
      const spaced = word && withStraySpace(word);
      return word && spaced && d.headline.includes(word) ? [{ id: d.id, word, spaced }] : [];
    });
    const docs = original.map((d) => {
      const c = cases.find((x) => x.id === d.id);
      return c ? mapText(d, (t) => t.replaceAll(c.word, c.spaced)) : d;
    });
    const index = await buildSearchIndex(docs);
    const found = cases.filter((c) =>
      index.search(c.word, { limit: 10 }).hits.some((h) => h.id === c.id),
    ).length;
    console.info(`Burmese stray spaces: ${found}/${cases.length} words found by the unspaced word`);
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(found / cases.length).toBeGreaterThanOrEqual(0.95);
  });
});
