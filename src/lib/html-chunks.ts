/*
 * Split a long HTML body into parts at top-level block boundaries, without building a DOM, so a
 * huge article can be sanitized and rendered a part at a time instead of in one long task.
 *
 * Safety does not depend on this being exact: every part is sanitized on its own, and each
 * sanitized part is inserted into its own container. Fidelity does: a cut inside an element
 * would split, say, a list in two. So the scanner only cuts where it is sure it stands between
 * two top-level blocks, and when it loses track (an unclosed comment, quote or <script>, a
 * wrapper element that never closes) it simply stops cutting: the rest stays one part.
 * It runs in linear time on any input (no regex backtracking), so hostile input cannot stall it.
 */

const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose content the HTML parser reads as raw text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
/** Start tags that close an open <p> (the "in body" rules of the HTML parser, simplified). */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'ul', 'dd', 'dt',
]);
/** Top-level elements after which a cut falls between two blocks (rendering is unchanged). */
const BLOCKS = new Set([...CLOSES_P].filter((t) => t !== 'li' && t !== 'dd' && t !== 'dt' && t !== 'summary'));

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;

/** Index of the `>` that ends the tag whose name ends at `from`, honouring quoted attribute values; -1 if none. */
function tagEnd(html: string, from: number): number {
  let quote = 0;
  let afterEquals = false;
  for (let j = from; j < html.length; j++) {
    const c = html.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 62) {
      return j;
    } else if (c === 61) {
      afterEquals = true;
    } else if ((c === 34 || c === 39) && afterEquals) {
      quote = c;
      afterEquals = false;
    } else if (!isSpace(c)) {
      afterEquals = false;
    }
  }
  return -1;
}

function tagName(html: string, from: number): { name: string; end: number } {
  let j = from;
  while (j < html.length) {
    const c = html.charCodeAt(j);
    if (isSpace(c) || c === 47 || c === 62) break;
    j++;
  }
  return { name: html.slice(from, j).toLowerCase(), end: j };
}

/**
 * Cut `html` into parts of at least `target` characters (the last may be shorter), only between
 * top-level blocks. Returns `[html]` when it is short or has no safe cut.
 */
export function splitHtmlBlocks(html: string, target = 32 * 1024): string[] {
  if (html.length <= target) return [html];
  const parts: string[] = [];
  const stack: string[] = [];
  const open = new Map<string, number>(); // how many of each name are on the stack (O(1) "is it open?")
  const push = (name: string) => {
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
  };
  const popUntil = (name: string) => {
    while (stack.length) {
      const top = stack.pop()!;
      open.set(top, (open.get(top) ?? 1) - 1);
      if (top === name) return;
    }
  };
  // Where the next `-->` / `--!>` are, remembered so that many comments cost one pass, not one each.
  let dashClose = -2;
  let bangClose = -2;
  const commentEnd = (from: number): number => {
    if (dashClose !== -1 && dashClose < from) dashClose = html.indexOf('-->', from);
    if (bangClose !== -1 && bangClose < from) bangClose = html.indexOf('--!>', from);
    if (dashClose < 0 && bangClose < 0) return -1;
    if (bangClose < 0 || (dashClose >= 0 && dashClose < bangClose)) return dashClose + 3;
    return bangClose + 4;
  };
  let start = 0;
  let i = 0;
  scan: while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    if (html.startsWith('<!--', lt)) {
      // A comment ends at the first `-->` or `--!>`; `<!-->` and `<!--->` are complete comments.
      if (html.startsWith('<!-->', lt) || html.startsWith('<!--->', lt)) {
        i = html.indexOf('>', lt + 4) + 1;
        continue;
      }
      const end = commentEnd(lt + 4);
      if (end < 0) break;
      i = end;
    } else if (next === 33 || next === 63 || (next === 47 && !isLetter(html.charCodeAt(lt + 2)))) {
      // <!doctype>, <?xml?>, </ 3>: bogus comments, up to the next '>'.
      const end = html.indexOf('>', lt + 2);
      if (end < 0) break;
      i = end + 1;
    } else if (next === 47) {
      const { name, end: nameEnd } = tagName(html, lt + 2);
      const end = tagEnd(html, nameEnd);
      if (end < 0) break;
      i = end + 1;
      if ((open.get(name) ?? 0) > 0) popUntil(name);
      if (stack.length === 0 && BLOCKS.has(name) && i - start >= target && i < html.length) {
        parts.push(html.slice(start, i));
        start = i;
      }
    } else if (isLetter(next)) {
      const { name, end: nameEnd } = tagName(html, lt + 1);
      const end = tagEnd(html, nameEnd);
      if (end < 0) break;
      i = end + 1;
      if (CLOSES_P.has(name) && stack[stack.length - 1] === 'p') popUntil('p');
      if ((name === 'li' || name === 'dd' || name === 'dt') && stack[stack.length - 1] === name) popUntil(name);
      if (RAW_TEXT.has(name)) {
        const close = new RegExp(`</${name}[\\s/>]`, 'ig');
        close.lastIndex = i;
        const found = close.exec(html);
        if (!found) break scan;
        const closeEnd = html.indexOf('>', found.index);
        if (closeEnd < 0) break;
        i = closeEnd + 1;
      } else if (!VOID.has(name)) {
        push(name);
      } else if (name === 'hr' && stack.length === 0 && i - start >= target && i < html.length) {
        parts.push(html.slice(start, i));
        start = i;
      }
    } else {
      i = lt + 1; // a '<' in text
    }
  }
  parts.push(html.slice(start));
  return parts;
}
