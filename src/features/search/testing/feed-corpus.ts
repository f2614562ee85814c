/**
 * Test and benchmark support only (never imported by app code): turns the research corpora in
 * CORPORA_DIR/corpora (JSON Feed 1.1) into SearchDocs without the app's source adapters, so the
 * search tests and benches do not depend on code being written elsewhere at the same time.
 * The HTML handling is deliberately crude (tags stripped, a few entities decoded): the corpora's
 * bodies are plain `<p>` paragraphs.
 */
import type { SearchDoc } from '../engine/types.ts';

interface FeedItem {
  id?: unknown;
  title?: unknown;
  summary?: unknown;
  content_html?: unknown;
  content_text?: unknown;
  date_published?: unknown;
  tags?: unknown;
  language?: unknown;
  _news?: { category?: unknown };
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<\/(p|div|h[1-6]|li|blockquote)>/gi, '\n\n')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  ).trim();
}

function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

/** Maps a parsed JSON Feed (the corpora's shape) to SearchDocs. */
export function feedToSearchDocs(feed: unknown): SearchDoc[] {
  const root = feed as { items?: unknown; language?: unknown };
  const items = Array.isArray(root.items) ? (root.items as FeedItem[]) : [];
  const feedLanguage = str(root.language);
  return items.map((item, i) => {
    const categoryName = str(item._news?.category);
    const html = str(item.content_html);
    const doc: SearchDoc = {
      id: str(item.id) ?? `item-${i}`,
      headline: decodeEntities(str(item.title) ?? ''),
      tags: Array.isArray(item.tags) ? item.tags.filter((t): t is string => typeof t === 'string') : [],
      bodyText: html ? htmlToText(html) : (str(item.content_text) ?? ''),
    };
    const standfirst = str(item.summary);
    if (standfirst) doc.standfirst = decodeEntities(standfirst);
    if (categoryName) doc.category = { name: categoryName, slug: slugify(categoryName) };
    const language = str(item.language) ?? feedLanguage;
    if (language) doc.language = language;
    const date = str(item.date_published);
    if (date) doc.datePublished = date;
    return doc;
  });
}
