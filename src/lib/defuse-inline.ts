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
 * `<base>` an unknown element. So does `<track>`: Chromium checks a track's `src` against the CSP
 * as soon as the element is parsed, in an inert document too (measured for DOMParser,
 * createHTMLDocument and <template>: a `data:` track is a media-src report), and no other element
 * of the XSS corpus made a request or a report at parse time (issue 16).
 *
 * This is not the security boundary (DOMPurify is): missing a case costs a spurious report, not
 * safety. So it errs towards touching too much, without needing to know the parser's state:
 * - anywhere, `on…` or `style` right after white space, a quote or `/` and followed by `=`;
 * - inside what reads as a tag, any `on…`/`style` attribute, also without a value;
 * - anywhere, `<style`, `<script` and their end tags, and `<base`.
 * What prose could lose is an invisible character in the rare "style=" or "onclick=" written out.
 * Linear time: one regular expression pass with no backtracking, and one scan.
 */

import { scanAttributes } from './html-attributes.ts';

const ZWSP = '\u200b';
const CODE_TAG = /<(\/?)(?:style|script)(?=[\t\n\f\r />]|$)/gi;
const BASE_TAG = /<(b)(ase)(?=[\t\n\f\r />]|$)/gi;
/** `<track src>` is checked against the CSP (media-src) while the inert document is built, even there. */
const TRACK_TAG = /<(t)(rack)(?=[\t\n\f\r />]|$)/gi;
const VALUED = /([\t\n\f\r /"'])(on[^\t\n\f\r />=]*|style)(?=[\t\n\f\r ]*=)/gi;


/** Break event-handler and style attribute names and `<style>`, `<script>`, `<base>`, `<track>` tags so no parser builds them. */
export function defuseInlineCode(html: string): string {
  if (!/on|style|script|base|track/i.test(html)) return html;
  const valued = html
    .replace(CODE_TAG, '<$1noembed')
    .replace(BASE_TAG, `<$1${ZWSP}$2`)
    .replace(TRACK_TAG, `<$1${ZWSP}$2`)
    .replace(VALUED, (_m, sep: string, name: string) => `${sep}${name[0]}${ZWSP}${name.slice(1)}`);
  return defuseInTags(valued);
}

/** The attributes of every start tag, as the tokenizer reads them: names starting "on" or equal to "style". */
function defuseInTags(html: string): string {
  const cuts: number[] = [];
  scanAttributes(html, ({ name, nameStart }) => {
    if (name.startsWith('on') || name === 'style') cuts.push(nameStart + 1);
  });
  if (!cuts.length) return html;
  let out = '';
  let last = 0;
  for (const at of cuts) {
    out += html.slice(last, at) + ZWSP;
    last = at;
  }
  return out + html.slice(last);
}
