// jsdom (the default) until tests/setup.ts can load without `window`; these modules use no DOM.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE, HOSTILE_ALL, HOSTILE_CLEAN, parseXml, text } from './testing/fixtures.ts';
import { feedLine, feedText } from './text.ts';
import { XML_DECLARATION, element, emptyElement, escapeXml, textElement } from './xml.ts';

function doc(body: string): string {
  return `${XML_DECLARATION}\n${body}`;
}

describe('feedText', () => {
  it('drops what XML 1.0 refuses and the C1 controls, and keeps every script, emoji and tab', () => {
    expect(feedText(HOSTILE.controls)).toBe('abcdefghij');
    expect(feedText(HOSTILE.surrogates)).toBe('lone  high, lone  low, pair 🎉 ok');
    expect(feedText(HOSTILE.nonchars)).toBe('xyz');
    for (const kept of [
      HOSTILE.lao,
      HOSTILE.thai,
      HOSTILE.arabic,
      HOSTILE.emoji,
      HOSTILE.markup,
      'tab\there\nline',
      '\u{10ffff}\ue000',
    ]) {
      expect(feedText(kept)).toBe(kept);
    }
    expect(feedText(HOSTILE_ALL)).toBe(HOSTILE_CLEAN);
  });

  it('writes line endings as \\n', () => {
    expect(feedText('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
  });

  it('feedLine collapses white space and calls empty text missing', () => {
    expect(feedLine('  two\n\twords  ')).toBe('two words');
    expect(feedLine(' \u0001 ')).toBeUndefined();
    expect(feedLine(undefined)).toBeUndefined();
  });
});

describe('escapeXml', () => {
  it('escapes markup and never leaves a "]]>"', () => {
    expect(escapeXml('a < b & c > d "e" \'f\'')).toBe(
      'a &#x3C; b &#x26; c &#x3E; d &#x22;e&#x22; &#x27;f&#x27;',
    );
    expect(escapeXml(']]>')).toBe(']]&#x3E;');
  });

  it('round-trips the hostile texts as element text and as an attribute', () => {
    const parsed = parseXml(doc(textElement('a', HOSTILE_ALL, { title: HOSTILE_ALL })));
    const a = parsed.a as Record<string, unknown>;
    expect(text(a)).toBe(HOSTILE_CLEAN);
    expect(a['@title']).toBe(HOSTILE_CLEAN);
  });

  it('keeps tabs and line breaks in attributes, which parsers would turn into spaces', () => {
    const xml = emptyElement('a', { t: 'x\ty\nz' });
    expect(xml).toBe('<a t="x&#x9;y&#xA;z"/>');
    expect((parseXml(doc(xml)).a as Record<string, unknown>)['@t']).toBe('x\ty\nz');
  });

  it('round-trips any string at all, lone surrogates and controls included', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...Object.values(HOSTILE))),
        (s) => {
          // A leading letter: the parser would read an all-digit or empty text differently from a string.
          const value = `x${s}`;
          const a = parseXml(doc(textElement('a', value, { v: value }))).a as Record<string, unknown>;
          expect(text(a)).toBe(feedText(value));
          expect(a['@v']).toBe(feedText(value));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves out optional elements with no text, and empty children', () => {
    expect(textElement('a', undefined)).toBe('');
    expect(element('r', ['', textElement('a', 'x'), ''], { n: undefined })).toBe('<r>\n<a>x</a>\n</r>');
  });
});
