/**
 * What the sanitizer promises, checked on its output: parse the HTML as a browser would and list
 * everything outside the allowlist. An empty list means safe. Used by the sanitizer's tests, the
 * XSS corpus and the property tests.
 */
const TAGS = new Set([
  'P', 'H2', 'H3', 'H4', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'FIGURE', 'FIGCAPTION', 'IMG', 'A', 'EM', 'STRONG', 'TABLE', 'CAPTION',
  'THEAD', 'TBODY', 'TFOOT', 'TR', 'TH', 'TD', 'BR', 'HR', 'B', 'I', 'U', 'S', 'SUB', 'SUP', 'SMALL', 'CITE', 'Q', 'ABBR', 'CODE',
  'PRE', 'SPAN', 'AUDIO', 'VIDEO', 'SOURCE',
]);
const ATTRS = new Set(['href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'scope', 'lang', 'dir', 'cite', 'rel', 'target', 'loading', 'decoding', 'referrerpolicy', 'controls', 'preload', 'poster', 'type', 'data-embed', 'data-embed-src', 'data-gallery']);
const URL_ATTRS = new Set(['href', 'src', 'cite', 'poster']);

export function unsafeParts(html: string, siteOrigin = 'http://localhost'): string[] {
  const problems: string[] = [];
  const template = document.createElement('template');
  template.innerHTML = html;
  const walker = document.createTreeWalker(template.content, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_COMMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.COMMENT_NODE) {
      problems.push(`comment <!--${node.textContent}-->`);
      continue;
    }
    const el = node as Element;
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`foreign element ${el.tagName}`);
    if (!TAGS.has(el.tagName)) problems.push(`element <${el.tagName.toLowerCase()}>`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (!ATTRS.has(name)) problems.push(`attribute ${name} on <${el.tagName.toLowerCase()}>`);
      if (URL_ATTRS.has(name)) {
        let protocol = 'invalid:';
        try {
          protocol = new URL(attr.value).protocol; // absolute: the sanitizer resolves every URL
        } catch {
          /* relative or broken: reported below */
        }
        const ok = protocol === 'https:' || protocol === 'http:' || (name === 'href' && protocol === 'mailto:');
        if (!ok) problems.push(`${name}="${attr.value}" on <${el.tagName.toLowerCase()}>`);
      }
    }
    if (el.tagName === 'A' && el.getAttribute('href')?.startsWith('http')) {
      const external = new URL(el.getAttribute('href')!).origin !== siteOrigin;
      if (external && el.getAttribute('rel') !== 'noopener noreferrer') problems.push(`external link without rel: ${el.outerHTML}`);
    }
    if ((el.tagName === 'AUDIO' || el.tagName === 'VIDEO') && (el.getAttribute('preload') !== 'none' || !el.hasAttribute('controls'))) {
      problems.push(`${el.tagName.toLowerCase()} without controls and preload="none"`);
    }
    if (el.tagName === 'IMG') {
      for (const [a, v] of [['loading', 'lazy'], ['decoding', 'async'], ['referrerpolicy', 'no-referrer']] as const) {
        if (el.getAttribute(a) !== v) problems.push(`img without ${a}="${v}"`);
      }
    }
  }
  return problems;
}
