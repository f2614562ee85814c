import { embedOf, type Embed } from './embeds.ts';

/*
 * Inside the sanitizer (a DOMPurify hook, on its inert document): embeds as the feed writes them
 * become facades, `<figure data-embed="youtube" data-embed-src="PLAYER"><a href="PAGE">title</a>
 * <figcaption>…</figcaption></figure>`, which article-body.tsx turns into a button that loads the
 * player. Recognised: iframes, WordPress embed blocks (`wp-block-embed`, with an iframe or a bare
 * URL), the oEmbed markup of X, Instagram, TikTok and Facebook (blockquote/div with the post's
 * address) and a paragraph that is only a provider's URL. An iframe of any other provider becomes
 * a link to its address, never a silent gap.
 */

const text = (n: Element) => (n.textContent ?? '').replace(/\s+/g, ' ').trim();
const classes = (n: Element) => ` ${n.getAttribute('class') ?? ''} `;

function facade(doc: Document, embed: Embed, title: string, caption?: Element | null): Element {
  const figure = doc.createElement('figure');
  figure.setAttribute('data-embed', embed.provider);
  figure.setAttribute('data-embed-src', embed.player);
  const link = doc.createElement('a');
  link.setAttribute('href', embed.page);
  link.textContent = title.slice(0, 300) || embed.page;
  figure.append(link);
  if (caption) figure.append(caption);
  return figure;
}

/** A link to an iframe's address, for a provider we do not know: the reader can still go there. */
function linkTo(doc: Document, src: string, title: string): Element | undefined {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const p = doc.createElement('p');
  const a = doc.createElement('a');
  a.setAttribute('href', url.href);
  a.textContent = title || url.host + url.pathname;
  p.append(a);
  return p;
}

/** The address an oEmbed-style block points at (X, Instagram, TikTok, Facebook markup). */
function oembedUrl(n: Element): string | undefined {
  const c = classes(n);
  if (n.localName === 'blockquote' && / (twitter-tweet|instagram-media|tiktok-embed) /.test(c)) {
    const links = [...n.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
    return n.getAttribute('data-instgrm-permalink') ?? n.getAttribute('cite') ?? links.reverse().find((h) => embedOf(h)) ?? undefined;
  }
  if (n.localName === 'div' && / fb-(post|video) /.test(c)) return n.getAttribute('data-href') ?? undefined;
  return undefined;
}

/**
 * The element that replaces `n` (resolved against `base`), or undefined to leave `n` to the
 * sanitizer as it is.
 */
export function embedReplacement(n: Element, base: string): Element | undefined {
  const doc = n.ownerDocument;
  const resolve = (v: string | null | undefined) => {
    try {
      return v ? new URL(v.trim(), base).href : undefined;
    } catch {
      return undefined;
    }
  };
  if (n.localName === 'iframe') {
    const src = resolve(n.getAttribute('src') ?? n.getAttribute('data-src'));
    const title = (n.getAttribute('title') ?? '').trim();
    const embed = embedOf(src);
    if (embed) return facade(doc, embed, title);
    return src ? linkTo(doc, src, title) : undefined;
  }
  if (n.localName === 'figure' && / wp-block-embed /.test(classes(n))) {
    const wrapper = n.querySelector('.wp-block-embed__wrapper') ?? n;
    const iframe = wrapper.querySelector('iframe');
    const url = resolve(iframe?.getAttribute('src') ?? wrapper.querySelector('a[href]')?.getAttribute('href') ?? text(wrapper));
    const embed = embedOf(url) ?? embedOf(oembedUrl(wrapper.querySelector('blockquote, div') ?? n));
    const caption = n.querySelector('figcaption');
    if (embed) return facade(doc, embed, (iframe?.getAttribute('title') ?? caption?.textContent ?? '').trim(), caption);
    return undefined;
  }
  const oembed = oembedUrl(n);
  if (oembed) {
    const embed = embedOf(resolve(oembed));
    return embed && facade(doc, embed, text(n).slice(0, 200));
  }
  if (n.localName === 'p' && n.children.length <= 1) {
    // WordPress's auto-embed: a paragraph that is only a provider's URL (bare, or as its own link).
    const only = n.children[0];
    const url = only ? (only.localName === 'a' && text(only) === text(n) && text(only) === only.getAttribute('href')?.trim() ? text(only) : undefined) : text(n);
    const embed = url && /^https?:\/\/\S+$/.test(url.trim()) ? embedOf(url) : undefined;
    return embed && facade(doc, embed, '');
  }
  return undefined;
}

/**
 * WordPress galleries (the block's `wp-block-gallery`, the classic shortcode's `gallery`) keep
 * their pictures and get `data-gallery`, which the article body turns into a gallery with a
 * lightbox (gallery.ts). The class that says so does not survive sanitizing; this mark does.
 */
export function markGallery(n: Element): void {
  const c = classes(n);
  if ((n.localName === 'figure' || n.localName === 'div' || n.localName === 'ul') && / (wp-block-gallery|gallery|blocks-gallery-grid) /.test(c)) {
    n.setAttribute('data-gallery', '');
  }
}

