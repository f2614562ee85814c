import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText, inlineText, slugify, textToParagraphs } from './text.ts';

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
