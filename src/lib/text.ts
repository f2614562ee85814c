/**
 * Small, DOM-free text helpers used at the data edge (they also run in Node and in workers,
 * where there is no DOMParser). Their output is only ever rendered as text by React, never as HTML.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  rsquo: '\u2019', lsquo: '\u2018', rdquo: '\u201d', ldquo: '\u201c', sbquo: '\u201a', bdquo: '\u201e',
  mdash: '\u2014', ndash: '\u2013', hellip: '\u2026', laquo: '\u00ab', raquo: '\u00bb',
  copy: '\u00a9', reg: '\u00ae', trade: '\u2122', deg: '\u00b0', middot: '\u00b7', bull: '\u2022',
  eacute: '\u00e9', egrave: '\u00e8', agrave: '\u00e0', aacute: '\u00e1', ccedil: '\u00e7',
  ouml: '\u00f6', uuml: '\u00fc', auml: '\u00e4', szlig: '\u00df', euro: '\u20ac', pound: '\u00a3',
  times: '\u00d7', shy: '\u00ad', zwj: '\u200d', zwnj: '\u200c', thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003',
};

/** Decode HTML character references (`&#8217;`, `&#x2019;`, `&rsquo;`, `&amp;`). Unknown names stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[ref] ?? NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Tags that end a line of text (block boundaries). */
const BLOCK_TAGS = new Set(['p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'figure', 'figcaption', 'tr', 'table', 'section', 'article', 'header', 'footer', 'pre', 'hr']);
/** Elements whose content is not text a reader sees. */
const HIDDEN_CONTENT = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math']);

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Plain text of an HTML fragment: drops script/style contents and tags, turns block boundaries
 * into line breaks, decodes entities and collapses white space. For search, snippets and word
 * counts; the result is text, so React escapes it when rendered.
 *
 * A scanner rather than regular expressions: patterns like `<[^>]*>` backtrack quadratically on
 * hostile input, and a feed must never be able to stall the app.
 * Every character is looked at a bounded number of times, whatever the input.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  const n = html.length;
  /** Names whose end tag is known to be absent after some point: never searched for again. */
  const unclosed = new Set<string>();
  let commentClose = -2; // next '-->' at or after the current comment, cached (-1: none left)
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    out.push(html.slice(i, lt));
    const c = html.charCodeAt(lt + 1);
    if (html.startsWith('<!--', lt)) {
      if (commentClose !== -1 && commentClose < lt + 4) commentClose = html.indexOf('-->', lt + 4);
      if (commentClose < 0) {
        i = n; // an unclosed comment hides the rest, as in a browser
        break;
      }
      out.push(' ');
      i = commentClose + 3;
      continue;
    }
    const closing = c === 47;
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!isAsciiLetter(html.charCodeAt(nameStart)) && c !== 33 && c !== 63) {
      out.push('<'); // "a < b": a less-than sign in text
      i = lt + 1;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) {
      out.push(html.slice(lt)); // no tag can end any more: the rest is text
      i = n;
      break;
    }
    let nameEnd = nameStart;
    while (nameEnd < gt && /[^\s/>]/.test(html[nameEnd]!)) nameEnd++;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    i = gt + 1;
    if (!closing && HIDDEN_CONTENT.has(name) && !unclosed.has(name)) {
      const end = new RegExp(`</${name}\\s*>`, 'ig');
      end.lastIndex = i;
      const found = end.exec(html);
      if (found) {
        out.push(' ');
        i = found.index + found[0].length;
        continue;
      }
      unclosed.add(name);
    }
    if (BLOCK_TAGS.has(name)) out.push('\n');
  }
  if (i < n) out.push(html.slice(i));
  return decodeEntities(out.join(''))
    .replace(/[ \t\f\r\u00a0]+/g, ' ')
    .replace(/ ?\n\s*/g, '\n')
    .trim();
}

/**
 * At most `max` characters, cut at a word boundary when there is one in the second half, with an
 * ellipsis: a 1 MB "headline" from a broken feed must not become a 1 MB heading.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = withoutBrokenPair(text.slice(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Drop a trailing half of a surrogate pair left by cutting a string at an arbitrary index. */
function withoutBrokenPair(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}

/** Text of a one-line field that may arrive as HTML (WordPress titles: `Rice &#8217;26`, `<em>…</em>`). */
export function inlineText(html: string): string {
  return htmlToText(html).replace(/\s+/g, ' ').trim();
}

/**
 * A URL slug from a headline. Letters and marks of every script are kept (a Lao headline gives a
 * Lao slug, percent-encoded in the address bar), everything else becomes a hyphen.
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug || 'article';
  const cut = withoutBrokenPair(slug.slice(0, maxLength));
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/** Escape text for the few places where we build HTML ourselves (plain-text bodies → paragraphs). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Plain-text body (JSON Feed `content_text`, newswire copy with hard line breaks) as paragraphs:
 * a blank line or an indented line starts a new paragraph; other line breaks are soft.
 */
export function textToParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n|\n(?=[ \t]{2,})/)
    // One \s+ pass, not `\s*\n\s*`: that backtracks quadratically on long runs of spaces.
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
