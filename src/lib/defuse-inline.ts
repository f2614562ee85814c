/*
 * Before DOMPurify sees a body, take away the browser's chance to even build inline code from it.
 *
 * DOMPurify has to let the browser parse the untrusted HTML (into an inert document) before it can
 * remove anything, and Chromium checks the page's CSP while parsing: every inline event handler
 * (`onerror=…`, even empty) and every inline style (`style=…`, `<style>`) in hostile markup is
 * reported as a CSP violation, though nothing runs. Those reports would flood an operator's
 * report-uri and hide real ones. (A `<script>` that runs to the end of the input sets off a Trusted
 * Types report the same way, and `<base href>` a base-uri one.) So the names are broken first: a zero-width space after their
 * first letter (`o\u200Bnerror`) makes them unknown attributes, which DOMPurify then drops like
 * any other; `<style>` and `<script>` become `<noembed>`, whose content DOMPurify drops too, and
 * `<base>` an unknown element.
 *
 * This is not the security boundary (DOMPurify is): missing a case costs a spurious report, not
 * safety. So it errs towards touching too much, without needing to know the parser's state:
 * - anywhere, `on…` or `style` right after white space, a quote or `/` and followed by `=`;
 * - inside what reads as a tag, any `on…`/`style` attribute, also without a value;
 * - anywhere, `<style`, `<script` and their end tags, and `<base`.
 * What prose could lose is an invisible character in the rare "style=" or "onclick=" written out.
 * Linear time: one regular expression pass with no backtracking, and one scan.
 */

const ZWSP = '\u200b';
const CODE_TAG = /<(\/?)(?:style|script)(?=[\t\n\f\r />]|$)/gi;
const BASE_TAG = /<(b)(ase)(?=[\t\n\f\r />]|$)/gi;
const VALUED = /([\t\n\f\r /"'])(on[^\t\n\f\r />=]*|style)(?=[\t\n\f\r ]*=)/gi;

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;

/** Break event-handler and style attribute names and `<style>`, `<script>`, `<base>` tags so no parser builds them. */
export function defuseInlineCode(html: string): string {
  if (!/on|style|script|base/i.test(html)) return html;
  const valued = html
    .replace(CODE_TAG, '<$1noembed')
    .replace(BASE_TAG, `<$1${ZWSP}$2`)
    .replace(VALUED, (_m, sep: string, name: string) => `${sep}${name[0]}${ZWSP}${name.slice(1)}`);
  return defuseInTags(valued);
}

/** The attributes of every start tag, as the tokenizer reads them: names starting "on" or equal to "style". */
function defuseInTags(html: string): string {
  const cuts: number[] = [];
  const n = html.length;
  let i = 0;
  scan: while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (!isAsciiLetter(html.charCodeAt(lt + 1))) {
      i = lt + 1;
      continue;
    }
    let j = lt + 1;
    while (j < n && !isSpace(html.charCodeAt(j)) && html[j] !== '/' && html[j] !== '>') j++; // tag name
    for (;;) {
      while (j < n && (isSpace(html.charCodeAt(j)) || html[j] === '/')) j++;
      if (j >= n) break scan;
      if (html[j] === '>') break;
      const start = j;
      j++; // a name may start with any character, even '='
      while (j < n && !isSpace(html.charCodeAt(j)) && html[j] !== '/' && html[j] !== '>' && html[j] !== '=') j++;
      const name = html.slice(start, j).toLowerCase();
      if (name.startsWith('on') || name === 'style') cuts.push(start + 1);
      while (j < n && isSpace(html.charCodeAt(j))) j++;
      if (html[j] !== '=') continue;
      j++;
      while (j < n && isSpace(html.charCodeAt(j))) j++;
      const quote = html[j];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, j + 1);
        if (close < 0) break scan; // the tag never ends: the parser drops it
        j = close + 1;
      } else {
        while (j < n && !isSpace(html.charCodeAt(j)) && html[j] !== '>') j++;
      }
    }
    i = j + 1;
  }
  if (!cuts.length) return html;
  let out = '';
  let last = 0;
  for (const at of cuts) {
    out += html.slice(last, at) + ZWSP;
    last = at;
  }
  return out + html.slice(last);
}
