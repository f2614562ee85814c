/* Small articles, a site and an XML reader for the feed tests; written for them, not copied from any data set. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import type { ArticleSummary } from '../../../src/types/article.ts';
import type { FeedSite } from '../site.ts';

export const SITE: FeedSite = {
  siteName: 'Example News Agency',
  description: 'National news in Lao, Thai and English',
  language: 'lo',
  origin: 'https://news.example.org/',
  articleUrl: (a) => `https://news.example.org/articles/${encodeURIComponent(a.id)}/${a.slug}`,
  iconUrl: 'icons/icon-512.png',
};

/** The same site served under a base path. */
export const SITE_UNDER_BASE: FeedSite = {
  ...SITE,
  origin: 'https://example.org/news/',
  articleUrl: (a) => `https://example.org/news/articles/${encodeURIComponent(a.id)}`,
};

/**
 * Text a feed must carry through unchanged or, for characters no XML parser accepts, without
 * them: markup, entities, CDATA's end, every kind of control character, lone surrogates,
 * U+FFFE/U+FFFF, scripts without spaces and right-to-left, emoji sequences.
 */
export const HOSTILE = {
  markup: '<script>alert("x")</script><b>bold</b>',
  ampersands: 'Rice & fish &amp; &lt;tag&gt; &#60; &nbsp;',
  cdataEnd: 'ends ]]> here ]]]]><![CDATA[',
  controls: 'a\u0000b\u0001c\u0008d\u000be\u000cf\u001fg\u007fh\u0085i\u009fj',
  surrogates: 'lone \ud800 high, lone \udfff low, pair \ud83c\udf89 ok',
  nonchars: 'x\ufffey\uffffz',
  lao: 'ສະບາຍດີ ຂ່າວສານປະເທດລາວ',
  thai: 'ข่าวประเทศไทยวันนี้',
  arabic: 'الأخبار العربية اليوم',
  emoji: '🎉 👩🏽‍💻 🇱🇦',
  quotes: `"double" 'single'`,
};

/** Every hostile text in one string. */
export const HOSTILE_ALL = Object.values(HOSTILE).join(' | ');

/** What survives of each: the characters XML refuses and the C1 controls gone, nothing else changed. */
const CLEANED: Partial<Record<keyof typeof HOSTILE, string>> = {
  controls: 'abcdefghij',
  surrogates: 'lone  high, lone  low, pair \ud83c\udf89 ok',
  nonchars: 'xyz',
};

export const HOSTILE_CLEAN = Object.entries(HOSTILE)
  .map(([key, value]) => CLEANED[key as keyof typeof HOSTILE] ?? value)
  .join(' | ');

/** The same as one line (titles, names): white space collapsed. */
export const HOSTILE_LINE = HOSTILE_CLEAN.replace(/\s+/g, ' ').trim();

let counter = 0;

export function article(overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  counter += 1;
  return {
    id: `a${counter}`,
    slug: `story-${counter}`,
    url: `https://publisher.example.com/story/${counter}`,
    headline: `Story ${counter}`,
    standfirst: `Standfirst ${counter}`,
    bodyText: `First paragraph of ${counter}.\nSecond paragraph.`,
    datePublished: '2026-12-01T08:00:00.000Z',
    byline: ['Reporter One'],
    tags: ['economy'],
    sourceId: 'national',
    ...overrides,
  };
}

/** `count` articles, newest first, one minute apart, ending at `newest`. */
export function articles(count: number, newest = Date.parse('2026-12-01T08:00:00Z')): ArticleSummary[] {
  return Array.from({ length: count }, (_, i) =>
    article({ id: `n${i}`, slug: `s${i}`, datePublished: new Date(newest - i * 60_000).toISOString() }),
  );
}

/** XML 1.0's Char production (https://www.w3.org/TR/xml/#charsets), as a whole-string test. */
const ONLY_XML_CHARS = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Numeric character references (&#x26;) are decoded only with this on.
  htmlEntities: true,
  isArray: (_name, jpath) =>
    [
      'rss.channel.item',
      'rss.channel.item.dc:creator',
      'rss.channel.item.category',
      'urlset.url',
      'sitemapindex.sitemap',
    ].includes(String(jpath)),
});

/** Without the line breaks between elements, which `trimValues: false` keeps as text of their parent. */
function withoutLayout(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutLayout);
  if (!node || typeof node !== 'object') return node;
  const entries = Object.entries(node).filter(
    ([key, value]) => !(key === '#text' && typeof value === 'string' && !value.trim()),
  );
  return Object.fromEntries(entries.map(([key, value]) => [key, withoutLayout(value)]));
}

/**
 * The document parsed, after checking it is well-formed. fast-xml-parser's validator lets
 * control characters, lone surrogates and `]]>` in text through, so those are checked here too.
 */
export function parseXml(xml: string): Record<string, unknown> {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(ONLY_XML_CHARS.test(xml)).toBe(true);
  expect(xml).not.toMatch(/]]>/);
  expect(xml).not.toContain('Invalid Date');
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  return withoutLayout(parser.parse(xml)) as Record<string, unknown>;
}

/** The text of a parsed element, whether the parser gave a string or an object with `#text`. */
export function text(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && '#text' in node)
    return String((node as { '#text': unknown })['#text']);
  return undefined;
}
