/*
 * Relative URLs in an HTML fragment made absolute against the base the feed gave them (its URL,
 * an xml:base), at the edge: once an article is stored (an archive) or cached, nobody knows that
 * base any more, and the sanitizer would resolve them against the wrong host.
 *
 * A linear scanner over start tags (decision 052: no backtracking patterns on feed input). It
 * rewrites only attribute values it is sure of; what it cannot read it leaves as it was, and the
 * sanitizer still checks every URL afterwards.
 */

import { scanAttributes } from '../lib/html-attributes.ts';

const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'cite', 'data-src']);

function absolute(value: string, base: string): string {
  const v = value.trim();
  if (!v || /^[a-z][a-z0-9+.-]*:/i.test(v)) return value;
  try {
    return new URL(v, base).href;
  } catch {
    return value;
  }
}

/** `html` with relative href/src/poster/cite values resolved against `base`. */
export function absolutizeHtmlUrls(html: string, base: string): string {
  if (!base || !html.includes('=')) return html;
  let out = '';
  let last = 0;
  scanAttributes(html, ({ name, value }) => {
    if (!value || !URL_ATTRIBUTES.has(name)) return;
    const written = html.slice(value.start, value.end).replaceAll('&amp;', '&');
    const resolved = absolute(written, base);
    if (resolved === written) return;
    // Re-escaped for any quoting: a resolved URL has no spaces or '>', and quotes are percent-encoded.
    out += html.slice(last, value.start) + resolved.replaceAll('&', '&amp;').replaceAll('"', '%22').replaceAll("'", '%27');
    last = value.end;
  });
  return last === 0 ? html : out + html.slice(last);
}
