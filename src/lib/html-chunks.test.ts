import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitHtmlBlocks } from './html-chunks.ts';

const p = (i: number) => `<p>Paragraph ${i} <a href="/x?a=1&amp;b=2" title="a > b">link</a>.</p>`;

describe('splitHtmlBlocks', () => {
  it('leaves a short body whole', () => {
    expect(splitHtmlBlocks('<p>a</p><p>b</p>', 100)).toEqual(['<p>a</p><p>b</p>']);
  });

  it('cuts between top-level blocks once a part is long enough', () => {
    const html = Array.from({ length: 20 }, (_, i) => p(i)).join('');
    const parts = splitHtmlBlocks(html, 200);
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.join('')).toBe(html);
    for (const part of parts) expect(part).toMatch(/^<p>Paragraph \d+ .*<\/p>$/);
  });

  it('never cuts inside a list, a table, a quote or a figure', () => {
    const list = `<ul>${Array.from({ length: 30 }, (_, i) => `<li>${p(i)}</li>`).join('')}</ul>`;
    const table = `<table>${Array.from({ length: 30 }, (_, i) => `<tr><td>${p(i)}</td></tr>`).join('')}</table>`;
    const parts = splitHtmlBlocks(`${list}<p>between</p>${table}<blockquote>${p(1)}${p(2)}</blockquote>`, 10);
    expect(parts).toEqual([list, `<p>between</p>`, table, `<blockquote>${p(1)}${p(2)}</blockquote>`]);
  });

  it('reads unclosed <p> and <li> as the parser does', () => {
    const html = '<p>one<p>two<ul><li>a<li>b</ul><p>three';
    expect(splitHtmlBlocks(html, 5)).toEqual(['<p>one<p>two<ul><li>a<li>b</ul>', '<p>three']);
  });

  it('does not cut inside comments, raw text elements or quoted attributes', () => {
    const html = `<p>a</p><!-- </p><p> --><p>b</p><script>"</p>"</script><p title="</p><p>">c</p><p>d</p>`;
    const parts = splitHtmlBlocks(html, 1);
    expect(parts).toEqual(['<p>a</p>', '<!-- </p><p> --><p>b</p>', '<script>"</p>"</script><p title="</p><p>">c</p>', '<p>d</p>']);
  });

  it('stops cutting where it loses track (an unclosed wrapper, comment or script)', () => {
    expect(splitHtmlBlocks('<div><p>a</p><p>b</p>', 1)).toEqual(['<div><p>a</p><p>b</p>']);
    expect(splitHtmlBlocks('<p>a</p><!-- <p>b</p><p>c</p>', 1)).toEqual(['<p>a</p>', '<!-- <p>b</p><p>c</p>']);
    expect(splitHtmlBlocks('<p>a</p><script><p>b</p><p>c</p>', 1)).toEqual(['<p>a</p>', '<script><p>b</p><p>c</p>']);
  });

  it('loses nothing: the parts always join back into the input', () => {
    const piece = fc.oneof(
      fc.constantFrom('<p>', '</p>', '<ul>', '<li>', '</ul>', '<!--', '-->', '<script>', '</script>', '"', "'", '=', '<a title=', '>', '<hr>', '<div>', '</div>', '</ p>'),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (pieces, target) => {
        const html = pieces.join('');
        expect(splitHtmlBlocks(html, target).join('')).toBe(html);
      }),
      { numRuns: 500 },
    );
  });

  // Inputs that make backtracking patterns quadratic (minutes at this size). A linear scanner
  // finishes them in milliseconds; the test's timeout is the guard, not a timing assertion.
  it('stays linear on hostile input', { timeout: 10_000 }, () => {
    const n = 400_000;
    for (const html of ['<'.repeat(n), '<p'.repeat(n / 2), '<a title="'.repeat(n / 10), '<!--'.repeat(n / 4), '<p></p>'.repeat(n / 7) + '<div>', '</x>'.repeat(n / 4)]) {
      expect(splitHtmlBlocks(html, 1000).join('')).toBe(html);
    }
  });
});
