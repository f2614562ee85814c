import { describe, expect, it } from 'vitest';
import { highlight, makeSnippet } from './highlight.ts';
import type { HighlightSegment } from './highlight.ts';

const marked = (segments: HighlightSegment[]) => segments.filter((s) => s.match).map((s) => s.text);

describe('highlight', () => {
  it('marks a Lao word written with a stray space when the word typed had none, and the form that matched', () => {
    expect(
      highlight('ການ ດຳ ເນີນ ງານ', ['ດຳເນີນ'])
        .filter((s) => s.match)
        .map((s) => s.text),
    ).toEqual(['ດຳ ເນີນ']);
    expect(
      highlight('Elections held', ['elections'])
        .filter((s) => s.match)
        .map((s) => s.text),
    ).toEqual(['Elections']);
  });

  it('marks matched terms as written in the text, accents included', () => {
    const text = 'Le Café de Flore, un café célèbre.';
    const segments = highlight(text, ['cafe']);
    expect(marked(segments)).toEqual(['Café', 'café']);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('takes the raw query too, with its last word as a prefix', () => {
    expect(marked(highlight('The Government said', 'gov'))).toEqual(['Government']);
    expect(marked(highlight('The Government said', 'gov '))).toEqual([]);
  });

  it('marks Lao and Thai words on segment boundaries', () => {
    expect(highlight('ຂ້າພະເຈົ້າຄິດວ່າພວກເຮົາ ກຳ ລັງ', ['ພວກເຮົາ'])).toEqual([
      { text: 'ຂ້າພະເຈົ້າຄິດວ່າ', match: false },
      { text: 'ພວກເຮົາ', match: true },
      { text: ' ກຳ ລັງ', match: false },
    ]);
    expect(marked(highlight('กรมควบคุมโรคเตือนทุกคน', ['ควบคุม']))).toEqual(['ควบคุม']);
  });

  it('marks an unspaced word that the text segments differently, in either spelling', () => {
    // In context the segmenter cuts ຄວາມອົດ|ທົນ, but the reader searched for ອົດທົນ.
    expect(marked(highlight('ທີ່ມີຄວາມອົດທົນແທ້ໆ.', 'ອົດທົນ'))).toEqual(['ອົດທົນ']);
    expect(marked(highlight('ແຕ່ສິ່ງທີ່ສໍາຄັນແມ່ນ', ['ສຳຄັນ']))).toEqual(['ສໍາຄັນ']);
  });

  it('returns the text as one unmatched segment when nothing matches, and never HTML', () => {
    expect(highlight('<b>Rice</b> & beans', ['zebra'])).toEqual([
      { text: '<b>Rice</b> & beans', match: false },
    ]);
    expect(highlight('', ['rice'])).toEqual([{ text: '', match: false }]);
    expect(marked(highlight('<b>Rice</b> & beans', ['rice']))).toEqual(['Rice']);
  });
});

describe('makeSnippet', () => {
  const body =
    'Lorem ipsum dolor sit amet. '.repeat(20) +
    'The rice harvest was good this year, farmers said, and rice prices fell. ' +
    'Unrelated filler text follows here. '.repeat(20) +
    'Harvest notes only.';

  it('cuts a window around the match with the most distinct terms, on word boundaries', () => {
    const snippet = makeSnippet(body, ['rice', 'harvest'], 200);
    expect(snippet).toContain('The rice harvest was good');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(202);
    // Whole words at both ends.
    const inner = snippet.slice(1, -1);
    expect(body.replace(/\s+/g, ' ')).toContain(inner);
    expect(/^\p{L}/u.test(inner) && /[\p{L}.,]$/u.test(inner)).toBe(true);
  });

  it('returns the whole text when it is short, and nothing when no term occurs', () => {
    expect(makeSnippet('Short text\nwith rice.', ['rice'])).toBe('Short text with rice.');
    expect(makeSnippet(body, ['zebra'])).toBe('');
  });

  it('works for Thai text without spaces', () => {
    const thai = 'ข่าวทั่วไป'.repeat(40) + 'กรมควบคุมโรคเตือนทุกคนมีโอกาสติดเชื้อไข้เลือดออก' + 'ข่าวทั่วไป'.repeat(40);
    const snippet = makeSnippet(thai, ['ไข้', 'เลือด'], 80);
    expect(snippet).toContain('ไข้เลือด');
    expect(snippet.length).toBeLessThanOrEqual(82);
  });
});
