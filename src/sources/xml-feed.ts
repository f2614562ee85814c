import { SaxesParser, type SaxesTagNS } from 'saxes';
import { decodeHTML } from 'entities/decode';
import { htmlToText, textToParagraphs } from '../lib/text.ts';
import { absolutizeHtmlUrls } from './absolute-urls.ts';
import { decodeFeedBytes } from './feed-encoding.ts';

/*
 * RSS 2.0, RSS 0.9x, RSS 1.0 (RDF) and Atom 1.0 (and 0.3) read into JSON Feed items, one module
 * for the reader's `rss` source (browser) and for `npm run archive` (Node) (decision 076).
 *
 * saxes does the XML: a strict, namespace-aware parser that reports line and column, keeps every
 * character of text (white space, CDATA) and never turns text into numbers. On it a small tree
 * is built, and each format is read from the tree by namespace and local name. The items that
 * come out are JSON Feed items, validated afterwards by the JSON Feed parser like any other.
 */

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss1: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  xhtml: 'http://www.w3.org/1999/xhtml',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

/** RSS's own elements: no namespace (2.0, 0.9x), Userland's, or RSS 1.0's and 0.90's RDF ones. */
const RSS: readonly string[] = ['', 'http://backend.userland.com/rss2', 'http://backend.userland.com/rss', NS.rss1, NS.rss090, 'http://channel.netscape.com/rdf/simple/0.9/'];
const ATOM: readonly string[] = [NS.atom, NS.atom03];
const MEDIA = [NS.media, 'http://search.yahoo.com/mrss'];
const ITUNES = [NS.itunes, 'http://www.itunes.com/DTDs/Podcast-1.0.dtd'];

/**
 * Prefixes used without being declared, as real feeds do (`<media:content>` with no xmlns:media):
 * read as the namespace everyone means rather than failing the feed; any other undeclared prefix
 * gets a namespace of its own so the element is kept and ignored.
 */
const KNOWN_PREFIXES: Record<string, string> = {
  atom: NS.atom, content: NS.content, dc: NS.dc, media: NS.media, itunes: NS.itunes, rdf: NS.rdf, xhtml: NS.xhtml,
};

export type XmlFeedFormat = 'rss2' | 'rss1' | 'rss090' | 'atom' | 'atom03';

/** A JSON Feed 1.1 item (with the `_news` extension), as the JSON Feed parser validates it. */
export interface FeedItemJson {
  id: string;
  url?: string;
  title?: string;
  content_html?: string;
  content_text?: string;
  summary?: string;
  image?: string;
  date_published?: string;
  date_modified?: string;
  authors?: { name: string }[];
  tags?: string[];
  language?: string;
  _news?: { category?: string };
}

export interface ParsedXmlFeed {
  format: XmlFeedFormat;
  title?: string;
  language?: string;
  /** The site's home page, when the feed links it. */
  homeUrl?: string;
  items: { item: FeedItemJson; where: string }[];
  /** Things read around (an undefined entity, an unknown encoding), one line each. */
  warnings: string[];
  encoding: string;
}

/** The file is not well-formed XML, or not a feed: the message names the line and column. */
export class XmlFeedError extends Error {
  override readonly name = 'XmlFeedError';
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

interface XNode {
  uri: string;
  local: string;
  attrs: Map<string, string>;
  children: (XNode | string)[];
  parent?: XNode;
  /** This element's own xml:base, if it has one. */
  xmlBase?: string;
  lang?: string;
}

/**
 * The base URL in effect at a node: its xml:base resolved against its parent's, up to the
 * document's (the feed's URL). Computed when asked, so the document's base can still be set after
 * parsing (a feed read from a file takes its own URL from its links).
 */
function baseOf(n: XNode): string {
  const parent = n.parent ? baseOf(n.parent) : (n.xmlBase ?? '');
  return n.parent ? withBase(parent, n.xmlBase) : parent;
}

/** Errors after which the text is still read as the author meant; anything else ends the parse. */
const RECOVERABLE = /undefined entity|disallowed character in entity name|disallowed character\.|xml prefix must be bound/;

function withBase(base: string, value: string | undefined): string {
  if (value === undefined) return base;
  try {
    return new URL(value.trim(), base || undefined).href;
  } catch {
    return base; // a relative xml:base with no absolute base above it: nothing to resolve against
  }
}

/** `value` resolved against the base in effect at `n`; undefined when it is not a URL. */
function urlAt(n: XNode, value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  try {
    return new URL(value.trim(), baseOf(n) || undefined).href;
  } catch {
    return undefined;
  }
}

function buildTree(input: string, feedUrl: string, name: string, warnings: string[]): XNode {
  // Blank lines before the XML declaration (common: a CMS template's leading newline) are not
  // well-formed, but harmless: they are dropped, and reported line numbers still count them.
  const lead = /^[\s\uFEFF]*/.exec(input)![0];
  const text = input.slice(lead.length);
  const lineOffset = lead.split('\n').length - 1;
  const parser = new SaxesParser({
    xmlns: true,
    position: true,
    resolvePrefix: (prefix: string) => (prefix ? (KNOWN_PREFIXES[prefix.toLowerCase()] ?? `urn:x-undeclared-prefix:${prefix}`) : undefined),
  });
  // HTML's named entities (&nbsp;, &hellip;) are undefined in XML but everywhere in feeds: saxes
  // reads them from its ENTITIES table, so the names this file uses are added to it first.
  const entities = (parser as unknown as { ENTITIES: Record<string, string> }).ENTITIES;
  const names = new Set<string>();
  for (const m of text.matchAll(/&([A-Za-z][A-Za-z0-9]{1,31});/g)) names.add(m[1]!);
  for (const entity of names) {
    if (entity in entities) continue;
    const decoded = decodeHTML(`&${entity};`);
    if (decoded !== `&${entity};`) entities[entity] = decoded;
  }
  const root: XNode = { uri: '', local: '#document', attrs: new Map(), children: [], xmlBase: feedUrl };
  const stack: XNode[] = [root];
  parser.on('error', (error) => {
    const message = error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, "").replace(/\.$/, '');
    const line = parser.line + lineOffset;
    const where = `line ${line}, column ${parser.column + 1}`;
    if (stack[1]?.local.toLowerCase() === 'html') throw new XmlFeedError(`${name}: not a feed: a web page (HTML)`);
    if (RECOVERABLE.test(message)) {
      if (warnings.length < 20) warnings.push(`${name}: ${where}: ${message}`);
      return;
    }
    throw new XmlFeedError(`${name}: not well-formed XML at ${where}: ${message}`, line, parser.column + 1);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const parent = stack[stack.length - 1]!;
    const attrs = new Map<string, string>();
    for (const a of Object.values(tag.attributes)) attrs.set(a.uri ? `${a.uri} ${a.local}` : a.local, a.value);
    const node: XNode = {
      uri: tag.uri ?? '',
      local: tag.local ?? tag.name,
      attrs,
      children: [],
      parent,
      xmlBase: attrs.get(`${NS.xml} base`),
      lang: attrs.get(`${NS.xml} lang`) ?? parent.lang,
    };
    parent.children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => void stack.pop());
  const addText = (t: string) => {
    if (stack.length > 1) stack[stack.length - 1]!.children.push(t);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(text).close();
  const top = root.children.find((c): c is XNode => typeof c !== 'string');
  if (!top) throw new XmlFeedError(`${name}: the file has no XML element`);
  return top;
}

const isNode = (c: XNode | string): c is XNode => typeof c !== 'string';
const all = (n: XNode | undefined, uris: readonly string[], local: string) =>
  n ? n.children.filter((c): c is XNode => isNode(c) && c.local === local && uris.includes(c.uri)) : [];
const first = (n: XNode | undefined, uris: readonly string[], local: string) => all(n, uris, local)[0];

/** Every character of text inside, as written (CDATA and entities already read). */
function textOf(n: XNode | undefined): string {
  if (!n) return '';
  let out = '';
  for (const c of n.children) out += typeof c === 'string' ? c : textOf(c);
  return out;
}

/** Text with its ends trimmed, or undefined when there is none. */
function value(n: XNode | undefined): string | undefined {
  const t = textOf(n).trim();
  return t || undefined;
}

const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'source', 'track', 'wbr']);
const escapeText = (t: string) => t.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const escapeAttr = (t: string) => escapeText(t).replaceAll('"', '&quot;');

/** Inline XHTML (Atom type="xhtml") as an HTML string, its URLs resolved against its own xml:base. */
function xhtmlToHtml(nodes: (XNode | string)[]): string {
  let out = '';
  for (const c of nodes) {
    if (typeof c === 'string') {
      out += escapeText(c);
      continue;
    }
    if (c.uri !== NS.xhtml) {
      out += xhtmlToHtml(c.children); // an element of another vocabulary: its text only
      continue;
    }
    let attrs = '';
    for (const [key, v] of c.attrs) {
      if (key.includes(' ')) continue; // namespaced (xml:base, xml:lang…)
      const resolved = ['href', 'src', 'cite', 'poster'].includes(key) ? (urlAt(c, v) ?? v) : v;
      attrs += ` ${key}="${escapeAttr(resolved)}"`;
    }
    out += VOID.has(c.local) ? `<${c.local}${attrs}>` : `<${c.local}${attrs}>${xhtmlToHtml(c.children)}</${c.local}>`;
  }
  return out;
}

/** The inline content of an Atom text construct (title, summary, content), by its type. */
function atomContent(n: XNode | undefined): { html?: string; text?: string } {
  if (!n) return {};
  const type = (n.attrs.get('type') ?? 'text').trim().toLowerCase();
  const mode = n.attrs.get('mode'); // Atom 0.3: escaped | xml | base64
  if (type === 'xhtml' || type === 'application/xhtml+xml' || mode === 'xml') {
    const div = n.children.filter(isNode);
    const inner = div.length === 1 && div[0]!.local === 'div' && div[0]!.uri === NS.xhtml ? div[0]!.children : n.children;
    const html = xhtmlToHtml(inner).trim();
    return html ? { html } : {};
  }
  const raw = textOf(n);
  if (!raw.trim()) return {};
  if (type === 'html' || type === 'text/html' || mode === 'escaped') return { html: absolutizeHtmlUrls(raw.trim(), baseOf(n)) };
  if (type === 'text' || type === 'text/plain' || type.startsWith('text/')) return { text: raw.trim() };
  return {}; // base64 and other media types: not text a reader can show
}

/** A one-line text of an Atom text construct: type="html"/"xhtml" markup read as text, type="text" as written. */
function atomText(n: XNode | undefined): string | undefined {
  const c = atomContent(n);
  const t = c.html !== undefined ? htmlToText(c.html) : c.text;
  return t?.replace(/\s+/g, ' ').trim() || undefined;
}

/** Seconds from itunes:duration ("1:02:03", "62:03", "3723"). */
function durationSeconds(text: string | undefined): number | undefined {
  if (!text || !/^\d+(:\d{1,2}){0,2}(\.\d+)?$/.test(text.trim())) return undefined;
  const seconds = text.trim().split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
  return seconds > 0 ? Math.round(seconds) : undefined;
}

type MediaKind = 'image' | 'audio' | 'video';

/** What a media file is: its medium, its MIME type, or the extension of its address. */
function mediaKind(type: string | undefined, medium: string | undefined, url: string): MediaKind | undefined {
  if (medium === 'image' || medium === 'audio' || medium === 'video') return medium;
  const major = type?.split('/')[0]?.trim().toLowerCase();
  if (major === 'image' || major === 'audio' || major === 'video') return major;
  const ext = /\.([a-z0-9]{2,4})(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase();
  if (!ext) return undefined;
  if (['jpg', 'jpeg', 'png', 'gif', 'webp', 'avif'].includes(ext)) return 'image';
  if (['mp3', 'm4a', 'aac', 'ogg', 'oga', 'opus', 'wav', 'flac'].includes(ext)) return 'audio';
  if (['mp4', 'm4v', 'webm', 'mov', 'ogv'].includes(ext)) return 'video';
  return undefined;
}

const GUESSED_TYPE: Record<MediaKind, string> = { image: 'image/*', audio: 'audio/mpeg', video: 'video/mp4' };

interface Media {
  url: string;
  kind: MediaKind;
  type?: string;
  duration?: number;
  title?: string;
}

/** Enclosures, Atom enclosure links and Media RSS of one item, typed, in document order. */
function mediaOf(item: XNode, atomLinks: XNode[]): Media[] {
  const out: Media[] = [];
  const add = (href: string | undefined, at: XNode, type?: string, medium?: string, duration?: number, title?: string) => {
    const url = urlAt(at, href);
    if (!url) return;
    const kind = mediaKind(type, medium, url);
    if (!kind || out.some((m) => m.url === url)) return;
    out.push({ url, kind, type: type?.trim() || undefined, duration, title });
  };
  const itunesDuration = durationSeconds(value(first(item, ITUNES, 'duration')));
  for (const e of all(item, RSS, 'enclosure')) add(e.attrs.get('url'), e, e.attrs.get('type'), undefined, itunesDuration);
  for (const l of atomLinks.filter((l) => l.attrs.get('rel') === 'enclosure')) add(l.attrs.get('href'), l, l.attrs.get('type'), undefined, itunesDuration);
  const contents = [...all(item, MEDIA, 'content'), ...all(item, MEDIA, 'group').flatMap((g) => all(g, MEDIA, 'content'))];
  for (const m of contents) {
    const d = Number(m.attrs.get('duration'));
    add(m.attrs.get('url'), m, m.attrs.get('type'), m.attrs.get('medium'), Number.isFinite(d) && d > 0 ? Math.round(d) : itunesDuration, value(first(m, MEDIA, 'title')));
  }
  for (const t of [...all(item, MEDIA, 'thumbnail'), ...all(item, MEDIA, 'group').flatMap((g) => all(g, MEDIA, 'thumbnail'))]) add(t.attrs.get('url'), t, undefined, 'image');
  const itunesImage = first(item, ITUNES, 'image');
  if (itunesImage) add(itunesImage.attrs.get('href'), itunesImage, undefined, 'image');
  return out;
}

/**
 * An id for an item that has neither guid nor link (RSS 2.0 allows them): a hash of what it
 * says, so the same item gets the same id on every load and two different items differ.
 */
function contentId(parts: (string | undefined)[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const s = parts.map((p) => p ?? '').join('\u0000');
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `item-${(h2 >>> 0).toString(16).padStart(8, '0')}${(h1 >>> 0).toString(16).padStart(8, '0')}`;
}

const httpUrl = (u: string | undefined) => (u && /^https?:\/\//i.test(u) ? u : undefined);

/** Names from RSS `author` ("editor@example.com (Jo Example)") and similar fields. */
function personName(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const inParens = /^\S+@\S+\s*\((.+)\)$/.exec(text.trim())?.[1];
  return (inParens ?? text).replace(/\s+/g, ' ').trim() || undefined;
}

/**
 * Audio and video (a podcast's episode, a video report) as players at the end of the body: native
 * controls, and nothing downloaded before the reader presses play (the sanitizer keeps
 * preload="none"). Pictures: the first is the article's picture.
 */
function withMedia(item: FeedItemJson, media: Media[]): FeedItemJson {
  const picture = media.find((m) => m.kind === 'image');
  if (picture && !item.image) item.image = picture.url;
  let players = '';
  for (const m of media.filter((m) => m.kind !== 'image').slice(0, 10)) {
    const type = m.type ?? GUESSED_TYPE[m.kind];
    const caption = [m.title?.replace(/\s+/g, ' ').trim(), m.duration ? formatDuration(m.duration) : ''].filter(Boolean).join(' · ');
    players += `<figure><${m.kind} controls preload="none"><source src="${escapeAttr(m.url)}" type="${escapeAttr(type)}"></${m.kind}>`;
    players += `${caption ? `<figcaption>${escapeText(caption)}</figcaption>` : ''}</figure>`;
  }
  if (!players) return item;
  if (item.content_text !== undefined) {
    item.content_html = textToParagraphs(item.content_text).map((p) => `<p>${escapeText(p)}</p>`).join('');
    delete item.content_text;
  }
  item.content_html = (item.content_html ?? '') + players;
  return item;
}

/** 3723 → "1:02:03", 62 → "1:02". */
function formatDuration(seconds: number): string {
  const hms = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  const parts = hms[0] ? hms : hms.slice(1);
  return parts.map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0'))).join(':');
}

interface FeedDefaults {
  authors: string[];
  language?: string;
}

/** Byline (the feed's when the item names nobody), tags, section and language of an item. */
function itemMeta(n: XNode, names: string[], categories: string[], feed: FeedDefaults): Pick<FeedItemJson, 'authors' | 'tags' | 'language' | '_news'> {
  return {
    authors: (names.length ? names : feed.authors).map((name) => ({ name })),
    tags: [...new Set(categories)],
    language: n.lang ?? feed.language,
    _news: categories[0] ? { category: categories[0] } : undefined,
  };
}

function rssItem(it: XNode, index: number, name: string, feed: FeedDefaults): { item: FeedItemJson; where: string } {
  const titleNode = first(it, RSS, 'title') ?? first(it, [NS.dc], 'title');
  const title = textOf(titleNode).replace(/\s+/g, ' ').trim() || undefined;
  const linkNode = first(it, RSS, 'link');
  const atomLinks = all(it, [NS.atom], 'link');
  const alternate = atomLinks.find((l) => !l.attrs.get('rel') || l.attrs.get('rel') === 'alternate');
  const about = it.attrs.get(`${NS.rdf} about`);
  const guidNode = first(it, RSS, 'guid');
  const guid = value(guidNode);
  const guidIsLink = guid && guidNode?.attrs.get('isPermaLink')?.trim().toLowerCase() !== 'false';
  const url =
    httpUrl(linkNode && urlAt(linkNode, value(linkNode))) ??
    httpUrl(alternate && urlAt(alternate, alternate.attrs.get('href'))) ??
    httpUrl(urlAt(it, about)) ??
    httpUrl(guidIsLink ? urlAt(guidNode!, guid) : undefined);
  const descriptionNode = first(it, RSS, 'description') ?? first(it, [NS.dc], 'description');
  const description = textOf(descriptionNode).trim();
  const encodedNode = first(it, [NS.content], 'encoded');
  const encoded = textOf(encodedNode).trim(); // an empty content:encoded hides nothing
  const itunesSummary = value(first(it, ITUNES, 'summary')) ?? value(first(it, ITUNES, 'subtitle'));
  const bodyHtml = encoded ? absolutizeHtmlUrls(encoded, baseOf(encodedNode!)) : description ? absolutizeHtmlUrls(description, baseOf(descriptionNode!)) : undefined;
  const summaryText = encoded && description ? htmlToText(description) : undefined;
  const media = mediaOf(it, atomLinks);
  const date = value(first(it, RSS, 'pubDate')) ?? value(first(it, [NS.dc], 'date')) ?? value(first(it, [NS.atom], 'published')) ?? value(first(it, [NS.atom], 'updated'));
  const creators = [...all(it, [NS.dc], 'creator'), ...all(it, [NS.dc], 'contributor')].map(value);
  const authors = (creators.length ? creators : all(it, RSS, 'author').map(value).map(personName)).concat(
    creators.length ? [] : all(it, ITUNES, 'author').map(value),
  );
  const names = [...new Set(authors.filter((a): a is string => Boolean(a)))];
  const categories = [...all(it, RSS, 'category'), ...all(it, [NS.dc], 'subject')].map(value).filter((c): c is string => Boolean(c));
  const id = guid ?? url ?? urlAt(it, about) ?? contentId([title, description, encoded, date, media[0]?.url]);
  const item: FeedItemJson = {
    id,
    url,
    title,
    date_published: date,
    ...itemMeta(it, names, categories, feed),
  };
  if (bodyHtml) item.content_html = bodyHtml;
  else if (itunesSummary) item.content_text = itunesSummary;
  if (summaryText) item.summary = summaryText;
  return { item: withMedia(item, media), where: `${name} item ${index + 1}` };
}

function atomEntry(e: XNode, index: number, name: string, feed: FeedDefaults): { item: FeedItemJson; where: string } {
  const links = all(e, ATOM, 'link');
  const alternate =
    links.find((l) => (!l.attrs.get('rel') || l.attrs.get('rel') === 'alternate') && /html/.test(l.attrs.get('type') ?? 'text/html')) ??
    links.find((l) => !l.attrs.get('rel') || l.attrs.get('rel') === 'alternate');
  const url = httpUrl(alternate && urlAt(alternate, alternate.attrs.get('href')));
  const title = atomText(first(e, ATOM, 'title'));
  const contentNode = first(e, ATOM, 'content');
  const content = atomContent(contentNode);
  const summaryNode = first(e, ATOM, 'summary');
  const summary = atomContent(summaryNode);
  const published = value(first(e, ATOM, 'published')) ?? value(first(e, ATOM, 'issued')) ?? value(first(e, [NS.dc], 'date'));
  const updated = value(first(e, ATOM, 'updated')) ?? value(first(e, ATOM, 'modified'));
  const source = first(e, ATOM, 'source');
  const people = (n: XNode | undefined) => all(n, ATOM, 'author').map((a) => value(first(a, ATOM, 'name')) ?? personName(value(a)));
  const authors = [...people(e), ...all(e, ATOM, 'contributor').map((a) => value(first(a, ATOM, 'name')))].filter((a): a is string => Boolean(a));
  const names = authors.length ? authors : people(source).filter((a): a is string => Boolean(a));
  const categories = all(e, ATOM, 'category')
    .map((c) => (c.attrs.get('label') ?? c.attrs.get('term'))?.trim())
    .filter((c): c is string => Boolean(c));
  const media = mediaOf(e, links);
  const contentHtml = content.html ?? (content.text === undefined ? summary.html : undefined);
  const contentText = content.html === undefined ? (content.text ?? (summary.html === undefined ? summary.text : undefined)) : undefined;
  const hasBody = content.html !== undefined || content.text !== undefined;
  const item: FeedItemJson = {
    id: value(first(e, ATOM, 'id')) ?? url ?? contentId([title, contentHtml, contentText, updated]),
    url: url ?? httpUrl(contentNode && urlAt(contentNode, contentNode.attrs.get('src'))),
    title,
    date_published: published ?? updated,
    date_modified: updated,
    ...itemMeta(e, names, categories, feed),
  };
  if (contentHtml) item.content_html = contentHtml;
  else if (contentText) item.content_text = contentText;
  if (hasBody && (summary.html !== undefined || summary.text !== undefined)) item.summary = atomText(summaryNode);
  return { item: withMedia(item, media), where: `${name} entry ${index + 1}` };
}

function detect(root: XNode, name: string): { format: XmlFeedFormat; channel: XNode; items: XNode[] } {
  if (root.local === 'rss' && RSS.includes(root.uri)) {
    const channel = first(root, RSS, 'channel') ?? root;
    return { format: 'rss2', channel, items: [...all(channel, RSS, 'item'), ...(channel === root ? [] : all(root, RSS, 'item'))] };
  }
  if (root.local === 'RDF' && root.uri === NS.rdf) {
    const channel = first(root, RSS, 'channel') ?? root;
    const items = all(root, RSS, 'item');
    return { format: items.some((i) => i.uri === NS.rss1) || channel.uri === NS.rss1 ? 'rss1' : 'rss090', channel, items };
  }
  if (root.local === 'feed' && ATOM.includes(root.uri)) {
    return { format: root.uri === NS.atom ? 'atom' : 'atom03', channel: root, items: all(root, ATOM, 'entry') };
  }
  const what = root.local.toLowerCase() === 'html' ? 'a web page (HTML)' : `XML whose root element is <${root.local}>`;
  throw new XmlFeedError(`${name}: not a feed: ${what}, neither RSS (<rss>, <rdf:RDF>) nor Atom (<feed>)`);
}

/** Is this text (the start of a file or a response) XML rather than JSON? */
export function looksLikeXml(head: string): boolean {
  return head.replace(/^\uFEFF/, '').trimStart().startsWith('<');
}

/**
 * Parse an RSS or Atom feed, as bytes (the encoding is found from the BOM, `contentType` or the
 * XML declaration) or as text already decoded. `feedUrl` is the base for relative URLs; `name`
 * names the file in messages. Throws XmlFeedError with line and column when it is not
 * well-formed, or when it is XML but not a feed.
 */
export function parseXmlFeed(input: Uint8Array | string, feedUrl: string, name: string, contentType?: string | null): ParsedXmlFeed {
  const warnings: string[] = [];
  let text: string;
  let encoding = 'utf-8';
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeFeedBytes(input, contentType);
    text = decoded.text;
    encoding = decoded.encoding;
    if (decoded.warning) warnings.push(`${name}: ${decoded.warning}`);
  }
  const root = buildTree(text, feedUrl, name, warnings);
  const { format, channel, items } = detect(root, name);
  const isAtom = format === 'atom' || format === 'atom03';
  const feedAuthors = isAtom
    ? all(channel, ATOM, 'author').map((a) => value(first(a, ATOM, 'name')))
    : [value(first(channel, ITUNES, 'author')) ?? value(first(channel, [NS.dc], 'creator'))];
  const language = channel.lang ?? value(first(channel, RSS, 'language')) ?? value(first(channel, [NS.dc], 'language'));
  const defaults: FeedDefaults = { authors: feedAuthors.filter((a): a is string => Boolean(a)), language };
  const homeLink = isAtom
    ? all(channel, ATOM, 'link').find((l) => !l.attrs.get('rel') || l.attrs.get('rel') === 'alternate')
    : undefined;
  const rssLink = isAtom ? undefined : first(channel, RSS, 'link');
  const homeUrl = httpUrl(homeLink ? urlAt(homeLink, homeLink.attrs.get('href')) : rssLink && urlAt(rssLink, value(rssLink)));
  const document = root.parent!;
  if (!/^https?:/i.test(document.xmlBase ?? '')) {
    // Read from a file: relative URLs are relative to where the feed is published, which its
    // self link (or, failing that, the site's home) says; never to a path on this disk.
    const self = all(channel, [NS.atom], 'link').find((l) => l.attrs.get('rel') === 'self');
    const published = httpUrl(self && urlAt(self, self.attrs.get('href'))) ?? homeUrl;
    if (published) document.xmlBase = published;
  }
  return {
    format,
    title: isAtom ? atomText(first(channel, ATOM, 'title')) : textOf(first(channel, RSS, 'title')).replace(/\s+/g, ' ').trim() || undefined,
    language,
    homeUrl,
    items: items.map((it, i) => (isAtom ? atomEntry(it, i, name, defaults) : rssItem(it, i, name, defaults))),
    warnings,
    encoding,
  };
}
