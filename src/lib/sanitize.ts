import DOMPurify from 'dompurify';

/**
 * The one HTML sanitizer. DOMPurify with an explicit allowlist: only the elements and attributes a
 * news body needs. Loaded on demand (dynamic import) by the article detail query, so the first
 * screen does not pay for it.
 */
const ALLOWED_TAGS = [
  'p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'figure', 'figcaption', 'img', 'a', 'em', 'strong',
  'b', 'i', 'u', 's', 'sub', 'sup', 'small', 'cite', 'q', 'abbr', 'code', 'pre', 'br', 'hr', 'span',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
];
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'scope', 'lang', 'dir', 'cite'];
/** http(s), mailto, and relative URLs (no scheme); everything else (javascript:, data:, vbscript:) is dropped. */
const ALLOWED_URI_REGEXP = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

let configured = false;

function configure(siteOrigin: string): void {
  if (configured) return;
  configured = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href');
      if (href) {
        let external = false;
        try {
          external = new URL(href, siteOrigin).origin !== siteOrigin;
        } catch {
          node.removeAttribute('href');
        }
        if (external) {
          node.setAttribute('rel', 'noopener noreferrer');
          node.setAttribute('target', '_blank');
        }
      }
    } else if (node.nodeName === 'IMG') {
      node.setAttribute('loading', 'lazy');
      node.setAttribute('decoding', 'async');
      node.setAttribute('referrerpolicy', 'no-referrer');
    }
  });
}

/** Sanitize untrusted HTML from a feed into HTML that is safe to insert into the page. */
export function sanitizeHtml(html: string, siteOrigin = globalThis.location?.origin ?? 'http://localhost'): string {
  configure(siteOrigin);
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    KEEP_CONTENT: true,
    SANITIZE_DOM: true,
    SANITIZE_NAMED_PROPS: true,
    FORBID_TAGS: ['style', 'script', 'iframe', 'object', 'embed', 'form', 'input', 'svg', 'math', 'base', 'meta', 'link'],
  });
}
