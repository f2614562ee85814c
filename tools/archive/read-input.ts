import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import type { ArticleSummary } from '../../src/types/article.ts';
import type { SourceConfig } from '../../src/types/config.ts';
import { parseJsonFeed } from '../../src/sources/jsonfeed.ts';
import { wordpressAdapter } from '../../src/sources/wordpress.ts';

/*
 * Inputs of the archiver, all mapped to domain articles through the reader's own adapters (a
 * JSON Feed item is validated exactly as the reader validates it). Other formats are first
 * turned into JSON Feed items. A bad item is reported with its file and number and skipped.
 */
export interface InputResult {
  articles: ArticleSummary[];
  skipped: number;
}

export type Warn = (message: string) => void;

const SOURCE = { id: 'archive', name: 'Archive' };

/** Read one input: a JSON Feed (.json), NDJSON (.ndjson/.jsonl), RSS 2.0 or Atom (.xml/.rss/.atom), or a WordPress site URL. */
export async function readInput(input: string, warn: Warn, sourceName?: string): Promise<InputResult> {
  const source = { ...SOURCE, name: sourceName ?? SOURCE.name };
  if (/^https?:\/\//i.test(input)) return readWordPress(input, source, warn);
  const text = readFileSync(input, 'utf8');
  const base = pathToFileURL(input).href;
  const name = basename(input);
  const head = text.trimStart().slice(0, 200);
  if (/\.(ndjson|jsonl)$/i.test(input)) return readItems(ndjsonItems(text, name, warn), base, name, source, warn);
  if (head.startsWith('<')) return readItems(xmlItems(text, name), base, name, source, warn);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${name}: not valid JSON (${(error as Error).message})`);
  }
  const items = (data as { items?: unknown }).items;
  if (!Array.isArray(items)) throw new Error(`${name}: not a JSON Feed (no "items" list)`);
  const feedLanguage = (data as { language?: unknown }).language;
  return readItems(
    items.map((item, i) => ({ item, where: `${name} item ${i + 1}` })),
    base,
    name,
    source,
    warn,
    typeof feedLanguage === 'string' ? feedLanguage : undefined,
  );
}

interface Located {
  item: unknown;
  where: string;
}

/** Validate item by item, so a warning can say which one failed and why. */
function readItems(
  items: Located[],
  base: string,
  _name: string,
  source: Pick<SourceConfig, 'id' | 'name'>,
  warn: Warn,
  language?: string,
): InputResult {
  const articles: ArticleSummary[] = [];
  let skipped = 0;
  for (const { item, where } of items) {
    const page = parseJsonFeed({ language, items: [item] }, base, source);
    const article = page.articles[0];
    if (article) articles.push(article);
    else {
      skipped++;
      warn(`${where}: skipped, ${whyInvalid(item)}`);
    }
  }
  return { articles, skipped };
}

function whyInvalid(item: unknown): string {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return 'not an object';
  const o = item as Record<string, unknown>;
  if (o.id === undefined && typeof o.url !== 'string') return 'it has neither "id" nor "url"';
  return 'it has no title and no text';
}

/**
 * NDJSON: one JSON object a line, either a JSON Feed item or the WordPress importer's format
 * (`title`, `body`, `date`, `category`, `author`, `tags`, `image`; tools/wordpress/import.php).
 */
function ndjsonItems(text: string, name: string, warn: Warn): Located[] {
  const out: Located[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${name} line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      warn(`${where}: skipped, not valid JSON`);
      return;
    }
    out.push({ item: fromImportFormat(value, i + 1), where });
  });
  return out;
}

function fromImportFormat(value: unknown, line: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const o = value as Record<string, unknown>;
  if ('content_html' in o || 'content_text' in o || 'date_published' in o) return o; // already JSON Feed
  if (!('body' in o) && !('title' in o)) return o;
  const body = typeof o.body === 'string' ? o.body : '';
  const category = Array.isArray(o.category) ? o.category[0] : o.category;
  return {
    id: o.id ?? o.slug ?? `line-${line}`,
    title: o.title,
    [/<[a-z][\s\S]*>/i.test(body) ? 'content_html' : 'content_text']: body,
    summary: o.excerpt,
    date_published: o.date,
    authors: typeof o.author === 'string' ? [{ name: o.author }] : undefined,
    tags: o.tags,
    image: typeof o.image === 'string' ? o.image : undefined,
    _news: typeof category === 'string' ? { category } : undefined,
  };
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  // Item-level elements that may repeat are always arrays, so one item and many read alike.
  isArray: (tagName) => ['item', 'entry', 'category', 'link', 'dc:creator', 'author', 'media:content'].includes(tagName),
  processEntities: true,
  htmlEntities: true,
});

/** Text of a parsed XML node: a string, or an object with `#text` (attributes present), or CDATA. */
function textOf(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return textOf(node[0]);
  if (typeof node === 'object') {
    const o = node as Record<string, unknown>;
    return textOf(o['#text'] ?? o.__cdata ?? o.name);
  }
  return undefined;
}

/** RSS 2.0 (`rss > channel > item`) and Atom (`feed > entry`) to JSON Feed items. */
export function xmlItems(text: string, name: string): Located[] {
  const doc = xml.parse(text) as Record<string, Record<string, unknown> | undefined>;
  const channel = doc.rss?.channel as Record<string, unknown> | undefined;
  if (channel) {
    const items = (channel.item as Record<string, unknown>[] | undefined) ?? [];
    return items.map((it, i) => {
      const guid = textOf(it.guid);
      const media = (it['media:content'] as Record<string, unknown>[] | undefined)?.find((m) => typeof m['@url'] === 'string');
      return {
        where: `${name} item ${i + 1}`,
        item: {
          id: guid ?? textOf(it.link),
          url: textOf(it.link),
          title: textOf(it.title),
          content_html: textOf(it['content:encoded']) ?? textOf(it.description),
          summary: textOf(it['content:encoded']) ? textOf(it.description) : undefined,
          date_published: textOf(it.pubDate) ?? textOf(it['dc:date']),
          authors: ((it['dc:creator'] as unknown[] | undefined) ?? (it.author as unknown[] | undefined) ?? []).map((a) => ({ name: textOf(a) })),
          tags: ((it.category as unknown[] | undefined) ?? []).map(textOf).filter(Boolean),
          image: media?.['@url'],
          // The first category is the item's section, as feed readers show it.
          _news: { category: textOf((it.category as unknown[] | undefined)?.[0]) },
        },
      };
    });
  }
  const feed = doc.feed;
  if (feed) {
    const entries = (feed.entry as Record<string, unknown>[] | undefined) ?? [];
    const feedLanguage = (feed['@xml:lang'] as string | undefined) ?? undefined;
    return entries.map((e, i) => {
      const links = (e.link as Record<string, unknown>[] | undefined) ?? [];
      const alternate = links.find((l) => !l['@rel'] || l['@rel'] === 'alternate')?.['@href'];
      const content = e.content as Record<string, unknown> | string | undefined;
      const contentText = textOf(content);
      const contentType = typeof content === 'object' ? content['@type'] : undefined;
      return {
        where: `${name} entry ${i + 1}`,
        item: {
          id: textOf(e.id) ?? alternate,
          url: alternate,
          title: textOf(e.title),
          [contentType === 'text' ? 'content_text' : 'content_html']: contentText,
          summary: textOf(e.summary),
          date_published: textOf(e.published) ?? textOf(e.updated),
          date_modified: textOf(e.updated),
          authors: ((e.author as unknown[] | undefined) ?? []).map((a) => ({ name: textOf(a) })),
          tags: ((e.category as Record<string, unknown>[] | undefined) ?? []).map((c) => c['@term']).filter((t) => typeof t === 'string'),
          _news: { category: (e.category as Record<string, unknown>[] | undefined)?.[0]?.['@term'] },
          language: feedLanguage,
        },
      };
    });
  }
  throw new Error(`${name}: XML, but neither RSS 2.0 (<rss><channel>) nor Atom (<feed>)`);
}

/** Every post of a WordPress site, 100 a request, through the reader's WordPress adapter. */
async function readWordPress(url: string, source: Pick<SourceConfig, 'id' | 'name'>, warn: Warn): Promise<InputResult> {
  const config: SourceConfig = { ...source, type: 'wordpress', url, maxPages: 10_000, perPage: 100 };
  const result = await wordpressAdapter.loadList(config, { timeoutMs: 60_000 });
  if (result.partialError) warn(`${url}: stopped after ${result.pages} page(s): ${result.partialError.message}`);
  if (result.skipped) warn(`${url}: ${result.skipped} post(s) skipped as invalid`);
  return { articles: result.articles, skipped: result.skipped };
}
