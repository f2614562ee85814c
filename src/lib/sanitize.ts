import DOMPurify, { type Config } from 'dompurify';
import type { SanitizedHtml } from '../types/article.ts';
import { splitHtmlBlocks } from './html-chunks.ts';
import { defuseInlineCode } from './defuse-inline.ts';
import { embedReplacement, markGallery } from './embed-markup.ts';
import { embedOf } from './embeds.ts';
import { yieldToBrowser } from './yield.ts';

/*
 * The one HTML sanitizer: DOMPurify with an explicit allowlist of what a news body needs.
 * Loaded on demand (dynamic import) by the article detail query, so the first screen does not
 * pay for it. With RETURN_TRUSTED_TYPE, DOMPurify returns TrustedHTML made by its own private
 * `dompurify` policy, the only TrustedHTML the app can make (see trusted-types.ts).
 */

const ALLOWED_TAGS = [
  // What the issue lists: paragraphs, h2-h4, lists, quotes, figures, images, links, emphasis, tables, breaks.
  'p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'figure', 'figcaption', 'img', 'a', 'em', 'strong',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'br', 'hr',
  // Inline text semantics that CMS copy uses and that carry no URL and no script: kept, not flattened.
  'b', 'i', 'u', 's', 'sub', 'sup', 'small', 'cite', 'q', 'abbr', 'code', 'pre', 'span',
  // Audio and video from the feed (a podcast episode, a video report): native controls, nothing
  // downloaded before the reader presses play (the hook sets both). No <track>: see defuse-inline.ts.
  'audio', 'video', 'source',
];
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'scope', 'lang', 'dir', 'cite', 'poster', 'type', 'data-embed', 'data-embed-src', 'data-gallery'];
/** Elements that may be an embed (embed-markup.ts): each becomes a click-to-load facade, or a link. */
const EMBED_CANDIDATES = new Set(['iframe', 'figure', 'blockquote', 'div', 'p', 'ul']);
/** Attributes that hold URLs: each is resolved and must be http(s) (or mailto for links). */
const URL_ATTRS = ['href', 'src', 'cite', 'poster'] as const;
/** The page has its own h1 (the headline): a body's h1 becomes h2, h5/h6 become h4. */
const HEADING_MAP: Record<string, string> = { h1: 'h2', h5: 'h4', h6: 'h4' };
/** Attributes a remapped heading keeps (the others would be dropped by the allowlist anyway). */
const HEADING_ATTRS = ['lang', 'dir', 'title'];

const CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  // A first filter; the hook below decides for real by parsing each URL as the browser would.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  FORBID_TAGS: ['style', 'script', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'svg', 'math', 'base', 'meta', 'link', 'template', 'noscript'],
  FORBID_ATTR: ['style', 'srcset', 'srcdoc', 'formaction', 'action', 'xlink:href', 'background', 'ping', 'id', 'name', 'class'],
  RETURN_TRUSTED_TYPE: true,
} satisfies Config;

export interface SanitizeOptions {
  /** Relative URLs in the body are resolved against this (the feed's URL). */
  baseUrl: string;
  /** This site's origin: links elsewhere open in a new tab with rel="noopener noreferrer". */
  siteOrigin: string;
}

/*
 * Hooks live on DOMPurify's shared instance (so its single `dompurify` Trusted Types policy is
 * shared too), but act only during our own sanitize calls, with that call's options: another
 * caller of DOMPurify is not affected, and no first caller's origin gets baked in.
 */
let active: SanitizeOptions | null = null;
let hooksAdded = false;

function addHooks(): void {
  if (hooksAdded) return;
  hooksAdded = true;
  DOMPurify.addHook('uponSanitizeElement', (node, data) => {
    if (active && node.nodeType === 1 && EMBED_CANDIDATES.has(data.tagName)) {
      const replacement = embedReplacement(node as Element, active.baseUrl);
      // DOMPurify sees the old node detached and visits the replacement next, like any other node.
      if (replacement) (node as Element).replaceWith(replacement);
      else markGallery(node as Element);
      return;
    }
    const level = active && HEADING_MAP[data.tagName];
    if (!level || node.nodeType !== 1) return;
    const heading = node as Element;
    const replacement = heading.ownerDocument.createElement(level);
    for (const name of HEADING_ATTRS) {
      const value = heading.getAttribute(name);
      if (value !== null) replacement.setAttribute(name, value);
    }
    while (heading.firstChild) replacement.append(heading.firstChild);
    // DOMPurify sees the old node detached and visits the replacement next, like any other node.
    heading.replaceWith(replacement);
  });
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (!active) return;
    if (node.hasAttribute('data-embed') || node.hasAttribute('data-embed-src')) {
      // Only a facade made above keeps these: a known provider's own player, on a figure.
      const embed = embedOf(node.getAttribute('data-embed-src'));
      if (node.nodeName !== 'FIGURE' || embed?.player !== node.getAttribute('data-embed-src') || embed?.provider !== node.getAttribute('data-embed')) {
        node.removeAttribute('data-embed');
        node.removeAttribute('data-embed-src');
      }
    }
    for (const name of URL_ATTRS) {
      const value = node.getAttribute(name);
      if (value === null) continue;
      const url = safeUrl(value, active.baseUrl, name === 'href');
      if (url) node.setAttribute(name, url.href);
      else node.removeAttribute(name);
    }
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href');
      if (href && /^https?:/.test(href) && new URL(href).origin !== active.siteOrigin) {
        node.setAttribute('rel', 'noopener noreferrer');
        node.setAttribute('target', '_blank');
      }
    } else if (node.nodeName === 'AUDIO' || node.nodeName === 'VIDEO') {
      node.setAttribute('controls', '');
      node.setAttribute('preload', 'none');
      upgradeToHttps(node, 'src', active.siteOrigin);
      upgradeToHttps(node, 'poster', active.siteOrigin);
    } else if (node.nodeName === 'SOURCE') {
      upgradeToHttps(node, 'src', active.siteOrigin);
    } else if (node.nodeName === 'IMG') {
      if (!node.getAttribute('src')) {
        node.remove(); // an image with no usable address shows nothing useful
        return;
      }
      upgradeToHttps(node, 'src', active.siteOrigin);
      node.setAttribute('loading', 'lazy');
      node.setAttribute('decoding', 'async');
      node.setAttribute('referrerpolicy', 'no-referrer');
    }
  });
}

/**
 * Like the feed's own images (sources/jsonfeed.ts): cross-site media over https only, which the
 * CSP's img-src and media-src ask for and browsers do on https pages anyway.
 */
function upgradeToHttps(node: Element, name: string, siteOrigin: string): void {
  const value = node.getAttribute(name);
  if (!value) return;
  const url = new URL(value);
  if (url.protocol === 'http:' && url.origin !== siteOrigin) {
    url.protocol = 'https:';
    node.setAttribute(name, url.href);
  }
}

/**
 * Parse a URL exactly as the browser will (entities are already decoded, tabs and newlines
 * inside `java\nscript:` are dropped by the URL parser) and keep http(s), plus mailto for links.
 */
function safeUrl(value: string, base: string, allowMailto: boolean): URL | undefined {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return undefined;
  }
  if (url.protocol === 'https:' || url.protocol === 'http:') return url;
  if (allowMailto && url.protocol === 'mailto:') return url;
  return undefined;
}

function defaults(): SanitizeOptions {
  const origin = globalThis.location?.origin ?? 'http://localhost';
  return { baseUrl: globalThis.location?.href ?? origin, siteOrigin: origin };
}

/**
 * Sanitize untrusted HTML from a feed into HTML that is safe to insert into the page. Inline
 * handlers and styles are defused first (defuse-inline.ts) so that parsing hostile markup does
 * not set off CSP violation reports.
 */
export function sanitizeHtml(html: string, options: SanitizeOptions = defaults()): SanitizedHtml {
  addHooks();
  active = options;
  try {
    return DOMPurify.sanitize(defuseInlineCode(html), CONFIG) as unknown as SanitizedHtml;
  } finally {
    active = null;
  }
}

/** Parts of about this many characters are sanitized, and rendered, one task at a time. */
export const BODY_PART_LENGTH = 32 * 1024;

/**
 * Sanitize an article body in parts cut between top-level blocks (html-chunks.ts), yielding to
 * the browser between parts: a 1 MB body costs many short tasks instead of one long freeze.
 * Each part is sanitized, and later inserted, on its own, so a cut can never join two halves of
 * something into markup the sanitizer did not see.
 */
export async function sanitizeBody(html: string, options: SanitizeOptions = defaults()): Promise<SanitizedHtml[]> {
  const parts = splitHtmlBlocks(html, BODY_PART_LENGTH);
  const out: SanitizedHtml[] = [];
  for (const [i, part] of parts.entries()) {
    if (i > 0) await yieldToBrowser();
    out.push(sanitizeHtml(part, options));
  }
  return out;
}
