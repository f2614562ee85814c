import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import DOMPurify from 'dompurify';
import { BODY_PART_LENGTH, sanitizeBody, sanitizeHtml } from './sanitize.ts';
import { unsafeParts } from './testing/html-safety.ts';
import { XSS_VECTORS, countByTechnique } from '../../tests/fixtures/xss-vectors.ts';

const SITE = 'https://news.example';
const opts = { baseUrl: 'https://news.example/data/feed.json', siteOrigin: SITE };
const clean = (html: string, o = opts) => String(sanitizeHtml(html, o));

describe('sanitizeHtml: the allowlist', () => {
  it('keeps what a news body needs', () => {
    const html =
      '<h2>Sub</h2><h3>Sub</h3><h4>Sub</h4><p>A <em>b</em> <strong>c</strong><br>d</p><ul><li>x</li></ul><ol><li>y</li></ol>' +
      '<blockquote>q</blockquote><figure><img src="https://cdn.example/a.jpg" alt="A"><figcaption>Cap</figcaption></figure>' +
      '<table><caption>T</caption><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td colspan="2">d</td></tr></tbody></table><hr>';
    const out = clean(html);
    for (const tag of ['h2', 'h3', 'h4', 'p', 'em', 'strong', 'br', 'ul', 'ol', 'li', 'blockquote', 'figure', 'img', 'figcaption', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'hr']) {
      expect(out, tag).toContain(`<${tag}`);
    }
    expect(unsafeParts(out, SITE)).toEqual([]);
  });

  it('maps h1 to h2 and h5/h6 to h4 (the page owns the only h1), keeping their text', () => {
    expect(clean('<h1 lang="lo" onclick="x()">Top <em>story</em></h1><h5>Five</h5><h6>Six</h6>')).toBe(
      '<h2 lang="lo">Top <em>story</em></h2><h4>Five</h4><h4>Six</h4>',
    );
  });

  it('removes script, style, object, embed, form, input, svg and event handlers, keeping text; an unknown iframe becomes a link', () => {
    const out = clean(
      '<p onclick="x()">Hi<script>bad()</script></p><style>p{}</style><iframe src="https://x"></iframe><object data="x"></object>' +
        '<embed src="x"><form><input value="v"></form><svg><script>bad()</script><text>svg text</text></svg>',
    );
    expect(out).toBe('<p>Hi</p><p><a href="https://x/" rel="noopener noreferrer" target="_blank">x/</a></p>');
  });

  it('allows http(s), mailto and relative URLs (resolved against the feed) and nothing else', () => {
    expect(clean('<a href="/news/1">r</a>')).toBe('<a href="https://news.example/news/1">r</a>');
    expect(clean('<a href="images/x">r</a>')).toBe('<a href="https://news.example/data/images/x">r</a>');
    expect(clean('<a href="mailto:desk@news.example">m</a>')).toBe('<a href="mailto:desk@news.example">m</a>');
    for (const bad of ['javascript:x()', 'JaVaScRiPt:x()', 'jav&#x09;ascript:x()', 'data:text/html,x', 'vbscript:x', 'tel:123', 'ftp://x/y']) {
      expect(clean(`<a href="${bad}">l</a>`), bad).toBe('<a>l</a>');
    }
  });

  it('drops images whose address is not http(s), including data: URLs', () => {
    expect(clean('<p>a<img src="data:image/png;base64,AAAA" alt="x">b</p>')).toBe('<p>ab</p>');
    expect(clean('<img src="javascript:x()"><img alt="no src">')).toBe('');
  });

  it('gives links that leave the site rel="noopener noreferrer" and a new tab, and internal links nothing', () => {
    expect(clean('<a href="https://other.example/x">o</a>')).toBe('<a href="https://other.example/x" rel="noopener noreferrer" target="_blank">o</a>');
    expect(clean('<a href="https://news.example/y" rel="opener" target="_self">i</a>')).toBe('<a href="https://news.example/y">i</a>');
  });

  it('keeps audio and video with native controls and nothing downloaded before play', () => {
    expect(clean('<audio src="http://cdn.example/a.mp3" autoplay loop preload="auto"></audio>')).toBe(
      '<audio src="https://cdn.example/a.mp3" controls="" preload="none"></audio>',
    );
    expect(clean('<video poster="p.jpg" width="640" height="360" autoplay muted><source src="v.mp4" type="video/mp4"><track src="data:text/vtt,x" kind="captions"></video>')).toBe(
      '<video poster="https://news.example/data/p.jpg" width="640" height="360" controls="" preload="none"><source src="https://news.example/data/v.mp4" type="video/mp4"></video>',
    );
    expect(clean('<video src="javascript:x()" poster="data:image/png,x"></video>')).toBe('<video controls="" preload="none"></video>');
  });

  it('makes images lazy, async and referrer-free', () => {
    expect(clean('<img src="a.jpg" alt="A" width="10" height="5" srcset="b.jpg 2x" style="x">')).toBe(
      '<img src="https://news.example/data/a.jpg" alt="A" width="10" height="5" loading="lazy" decoding="async" referrerpolicy="no-referrer">',
    );
  });

  it('uses each call’s own origin and base (no first caller baked in)', () => {
    const link = '<a href="https://a.example/x">x</a>';
    expect(clean(link, { baseUrl: 'https://a.example/f.json', siteOrigin: 'https://a.example' })).toBe('<a href="https://a.example/x">x</a>');
    expect(clean(link, { baseUrl: 'https://b.example/f.json', siteOrigin: 'https://b.example' })).toContain('rel="noopener noreferrer"');
    expect(clean('<a href="x">x</a>', { baseUrl: 'https://b.example/feeds/f.json', siteOrigin: 'https://b.example' })).toBe(
      '<a href="https://b.example/feeds/x">x</a>',
    );
  });

  it('does not change what other users of DOMPurify get (hooks act only inside sanitizeHtml)', () => {
    clean('<h1>x</h1>');
    expect(DOMPurify.sanitize('<h1>T</h1><a href="https://elsewhere.example/">e</a>')).toBe('<h1>T</h1><a href="https://elsewhere.example/">e</a>');
  });
});

describe('sanitizeHtml: the XSS corpus', () => {
  it(`has at least 150 vectors over the cheat sheets' techniques`, () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(150);
    expect(Object.keys(countByTechnique()).length).toBeGreaterThanOrEqual(20);
  });

  it.each(XSS_VECTORS.map((v) => [v.id, v.technique, v.payload] as const))('vector %i (%s) comes out inert', (_id, _t, payload) => {
    const out = clean(payload);
    expect(unsafeParts(out, SITE)).toEqual([]);
  });

  it('keeps all vectors inert together in one body, and in parts', async () => {
    const all = XSS_VECTORS.map((v) => `<p>${v.id}</p>${v.payload}`).join('\n');
    expect(unsafeParts(clean(all), SITE)).toEqual([]);
    // Hostile markup that never closes stops the cutting; a long benign start still gets cut.
    const parts = await sanitizeBody('<p>Benign paragraph of a long story.</p>'.repeat(3000) + all, opts);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(unsafeParts(String(part), SITE)).toEqual([]);
  });
});

/** Markup-ish strings: tag and attribute fragments, quotes, entities and comment markers in any order. */
const markupish = fc
  .array(
    fc.oneof(
      fc.constantFrom('<', '>', '</', '/>', '"', "'", '=', ' ', '\n', '<!--', '-->', '<![CDATA[', ']]>', '&', '&#x6A;', '&lt;', '&colon;'),
      fc.constantFrom('script', 'img', 'svg', 'math', 'mglyph', 'mtext', 'style', 'noscript', 'table', 'title', 'textarea', 'template', 'a', 'p', 'h1', 'form', 'iframe', 'base', 'meta'),
      fc.constantFrom(' src=x', ' href=', ' onerror=__xss(1)', ' onload=', ' id=', ' name=', ' style=', 'javascript:', 'data:', ' srcdoc=', ' xlink:href='),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 40 },
  )
  .map((tokens) => tokens.join(''));

describe('sanitizeHtml: properties', () => {
  it('never throws and always returns allowlisted HTML, for any string', () => {
    fc.assert(
      fc.property(fc.oneof(markupish, fc.string({ unit: 'binary' })), (html) => {
        expect(unsafeParts(clean(html), SITE)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('is idempotent: sanitizing its own output changes nothing', () => {
    fc.assert(
      fc.property(markupish, (html) => {
        const once = clean(html);
        expect(clean(once)).toBe(once);
      }),
      { numRuns: 200 },
    );
  });
});

describe('sanitizeBody', () => {
  const paragraph = (i: number) => `<p>Paragraph ${i} with <a href="https://other.example/${i}">a link</a> and <em>words</em>.</p>`;

  it('returns one part for an ordinary body', async () => {
    const parts = await sanitizeBody('<p>Short</p>', opts);
    expect(parts.map(String)).toEqual(['<p>Short</p>']);
  });

  it('cuts a long body into parts between blocks, with the same result as in one piece', async () => {
    let html = '';
    for (let i = 0; html.length < 5 * BODY_PART_LENGTH; i++) html += i % 40 === 0 ? `<ul><li>a</li><li>${paragraph(i)}</li></ul>` : paragraph(i);
    const parts = (await sanitizeBody(html, opts)).map(String);
    expect(parts.length).toBeGreaterThanOrEqual(4);
    expect(parts.join('')).toBe(clean(html));
    for (const part of parts) expect(part.startsWith('<p>') || part.startsWith('<ul>')).toBe(true);
  });
});
