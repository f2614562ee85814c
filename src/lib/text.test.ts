import { describe, expect, it } from 'vitest';
import { clip, decodeEntities, htmlToText, inlineText, slugify, textToParagraphs } from './text.ts';

describe('decodeEntities', () => {
  it('decodes numeric, hex and named references as WordPress sends them', () => {
    expect(decodeEntities('Rice&#8217;s price &amp; &#x201C;demand&#x201D; &hellip;')).toBe('Rice’s price & “demand” …');
  });
  it('leaves unknown names and invalid code points safe', () => {
    expect(decodeEntities('&bogus; &#0; &#xD800;')).toBe('&bogus; \ufffd \ufffd');
  });
  it('never double-decodes', () => {
    expect(decodeEntities('&amp;lt;b&amp;gt;')).toBe('&lt;b&gt;');
  });
});

describe('htmlToText', () => {
  it('drops tags and script contents and keeps paragraph breaks', () => {
    expect(htmlToText('<p>One <b>two</b></p><script>alert(1)</script><p>Three&nbsp;four</p>')).toBe('One two\nThree four');
  });
  it('keeps Lao text intact', () => {
    expect(htmlToText('<p>ບຸນທາດຫຼວງ</p>')).toBe('ບຸນທາດຫຼວງ');
  });
});

describe('inlineText', () => {
  it('flattens a headline that arrives as HTML', () => {
    expect(inlineText('<em>Breaking</em>:\n Mekong &#8211; floods')).toBe('Breaking: Mekong – floods');
  });
});

describe('slugify', () => {
  it('makes readable Latin slugs', () => {
    expect(slugify('Rice harvest beats forecast, officials say!')).toBe('rice-harvest-beats-forecast-officials-say');
  });
  it('keeps Lao letters and combining vowels', () => {
    expect(slugify('ບຸນທາດຫຼວງ ເລີ່ມຂຶ້ນ')).toBe('ບຸນທາດຫຼວງ-ເລີ່ມຂຶ້ນ');
  });
  it('cuts long slugs at a word boundary and never returns an empty slug', () => {
    expect(slugify('word '.repeat(40)).length).toBeLessThanOrEqual(80);
    expect(slugify('!!!')).toBe('article');
  });
});

describe('textToParagraphs', () => {
  it('joins hard-wrapped newswire lines and splits on blank or indented lines', () => {
    const text = 'Showers continued in\nthe Bahia zone.\n    The dry period means\nlate crops.\n\nLast one.';
    expect(textToParagraphs(text)).toEqual(['Showers continued in the Bahia zone.', 'The dry period means late crops.', 'Last one.']);
  });
});

describe('htmlToText on hostile input', () => {
  it('keeps a lone "<" as text and reads the rest', () => {
    expect(htmlToText('a < b and c<d')).toBe('a < b and c<d');
    expect(htmlToText('x <!-- never closed <p>y</p>')).toBe('x');
    expect(htmlToText('<script>one</script>two <script>three')).toBe('two three');
  });

  // Quadratic backtracking (the old regular expressions) would take minutes on these inputs; a
  // linear scan takes far less than the timeout, which is only the guard against that.
  it('stays linear on inputs that make regular expressions backtrack', { timeout: 10_000 }, () => {
    const n = 400_000;
    const inputs = ['<'.repeat(n), '<script'.repeat(n / 7), '<p'.repeat(n / 2), `a${' '.repeat(n)}b`, '<!--'.repeat(n / 4), '&#'.repeat(n / 2)];
    for (const input of inputs) expect(typeof htmlToText(input)).toBe('string');
    expect(textToParagraphs(`a${' '.repeat(n)}b\n${'\t'.repeat(n)}c\nd`)).toEqual(['a b', 'c d']);
  });
});

describe('clip', () => {
  it('leaves short text alone and cuts long text at a word with an ellipsis', () => {
    expect(clip('Short headline', 300)).toBe('Short headline');
    const cut = clip('word '.repeat(100), 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut).toMatch(/word…$/);
    expect(clip('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('slugify at the length limit', () => {
  it('never cuts a character outside the Basic Multilingual Plane in half', () => {
    const slug = slugify(`a${'𝐀'.repeat(60)}`);
    expect(slug).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(slug.length).toBeLessThanOrEqual(80);
  });
});
