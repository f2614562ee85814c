import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArticleSummary } from '../../src/types/article.ts';
import type { SourceConfig } from '../../src/types/config.ts';
import { parseJsonFeed } from '../../src/sources/jsonfeed-parse.ts';
import { wordpressAdapter } from '../../src/sources/wordpress.ts';
import { decodeFeedBytes } from '../../src/sources/feed-encoding.ts';
import { looksLikeXml, parseXmlFeed, XmlFeedError } from '../../src/sources/xml-feed.ts';

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

/** Read one input: a JSON Feed (.json), NDJSON (.ndjson/.jsonl), RSS 2.0/1.0/0.9x or Atom (any name: told from the content), or a WordPress site URL. */
export async function readInput(input: string, warn: Warn, sourceName?: string): Promise<InputResult> {
  const source = { ...SOURCE, name: sourceName ?? SOURCE.name };
  if (/^https?:\/\//i.test(input)) return readWordPress(input, source, warn);
  const bytes = readFileSync(input);
  const base = pathToFileURL(input).href;
  const name = basename(input);
  const { text, warning } = decodeFeedBytes(bytes);
  if (/\.(ndjson|jsonl)$/i.test(input)) return readItems(ndjsonItems(text, name, warn), base, name, source, warn);
  if (looksLikeXml(text)) {
    let feed;
    try {
      // Bytes, not text: the XML declaration may name the encoding (windows-1251, GB2312…).
      feed = parseXmlFeed(bytes, base, name);
    } catch (error) {
      if (error instanceof XmlFeedError) throw new Error(error.message.replace(`${name}: `, ''));
      throw error;
    }
    for (const w of feed.warnings) warn(w);
    return readItems(feed.items, base, name, source, warn, feed.language);
  }
  if (warning) warn(`${name}: ${warning}`);
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

/** Every post of a WordPress site, 100 a request, through the reader's WordPress adapter. */
async function readWordPress(url: string, source: Pick<SourceConfig, 'id' | 'name'>, warn: Warn): Promise<InputResult> {
  const config: SourceConfig = { ...source, type: 'wordpress', url, maxPages: 10_000, perPage: 100 };
  const result = await wordpressAdapter.loadList(config, { timeoutMs: 60_000 });
  if (result.partialError) warn(`${url}: stopped after ${result.pages} page(s): ${result.partialError.message}`);
  if (result.skipped) warn(`${url}: ${result.skipped} post(s) skipped as invalid`);
  return { articles: result.articles, skipped: result.skipped };
}
