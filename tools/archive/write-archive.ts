import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { ArticleSummary } from '../../src/types/article.ts';
import { byNewest, mergeDuplicates } from '../../src/lib/article-order.ts';
import { searchableText, tokenize } from '../../src/features/search/engine/tokenize.ts';
import { hasBurmese, loadZawgyi } from '../../src/features/search/engine/zawgyi.ts';
import { Progress } from './progress.ts';

/*
 * The static archive the reader's `archive` source reads (layout documented in
 * src/sources/archive.ts). Every file is JSON Feed, so any feed reader can page through it too.
 */
export interface ArchiveOptions {
  outDir: string;
  /** Articles per listing page: what the front page downloads. */
  pageSize?: number;
  title?: string;
  /** One Pagefind index for the whole archive, in this language (stemming); text is pre-segmented. */
  language?: string;
  /**
   * Articles per search part: the index is one Pagefind bundle per this many articles, newest
   * first, and a search downloads the metadata of the parts it searches only.
   */
  searchPartSize?: number;
  /** Progress on stderr; off in tests. */
  quiet?: boolean;
}

/** One Pagefind bundle of the search index: a run of articles, contiguous in time. */
export interface SearchPart {
  /** The bundle's folder, relative to the manifest, ending in `/`. */
  path: string;
  articles: number;
  /** Dates of its newest and oldest dated articles. */
  newest?: string;
  oldest?: string;
}

export interface ArchiveStats {
  articles: number;
  duplicates: number;
  listingPages: number;
  categories: number;
  files: number;
  searchParts: number;
}

/** Each part's Pagefind metadata is what the first search downloads beside the code (sizes: docs/performance.md, "Archives"). */
export const DEFAULT_SEARCH_PART_SIZE = 10_000;

const JSON_FEED = 'https://jsonfeed.org/version/1.1';
/** Categories listed in the manifest (each has its pages whatever the count). */
const MAX_MANIFEST_CATEGORIES = 200;
const STANDFIRST_CHARS = 220;

/** A file-safe, unique id: kept when it already is one, else a readable part plus a short hash. */
function archiveId(id: string, taken: Set<string>): string {
  const out = /^[A-Za-z0-9_-]{1,80}$/.test(id)
    ? id
    : `${id.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60)}-${createHash('sha1').update(id).digest('hex').slice(0, 10)}`;
  let unique = out;
  for (let n = 2; taken.has(unique); n++) unique = `${out}_${n}`;
  taken.add(unique);
  return unique;
}

function cut(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const at = t.lastIndexOf(' ', max);
  return `${t.slice(0, at > max / 2 ? at : max)}…`;
}

/** What a list card needs and no more: no body, no tags. */
function listingItem(a: ArticleSummary) {
  const summary = a.standfirst ?? (a.bodyText ? cut(a.bodyText, STANDFIRST_CHARS) : undefined);
  return {
    id: a.id,
    url: a.url,
    title: a.headline,
    summary,
    date_published: a.datePublished,
    authors: a.byline.length ? a.byline.map((name) => ({ name })) : undefined,
    language: a.language,
    _news:
      a.category || a.dateline || a.image
        ? {
            category: a.category?.name,
            dateline: a.dateline,
            image: a.image
              ? { url: a.image.url, thumb: a.image.thumbUrl, alt: a.image.alt, width: a.image.width, height: a.image.height }
              : undefined,
          }
        : undefined,
  };
}

/** The full item: body, tags, image caption and renditions. */
function fullItem(a: ArticleSummary) {
  const base = listingItem(a);
  return {
    ...base,
    summary: a.standfirst,
    content_html: a.untrustedBodyHtml ?? '',
    date_modified: a.dateModified,
    tags: a.tags.length ? a.tags : undefined,
    _news: {
      ...base._news,
      image: a.image
        ? { ...base._news?.image, caption: a.image.caption, credit: a.image.credit, srcset: a.image.renditions }
        : undefined,
    },
  };
}

function writeJson(path: string, value: unknown): number {
  const text = JSON.stringify(value);
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}

/** Write listing pages chained by `next_url`; page 1 goes where `firstPath` says (the manifest for the front page). */
function writeListing(
  dir: string,
  items: ArticleSummary[],
  pageSize: number,
  first: { path: string; extra: Record<string, unknown>; nextPrefix: string },
): number {
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  mkdirSync(dir, { recursive: true });
  for (let p = 1; p <= pages; p++) {
    const feed = {
      version: JSON_FEED,
      ...(p === 1 ? first.extra : {}),
      next_url: p < pages ? (p === 1 ? `${first.nextPrefix}${p + 1}.json` : `${p + 1}.json`) : undefined,
      items: items.slice((p - 1) * pageSize, p * pageSize).map(listingItem),
    };
    writeJson(p === 1 ? first.path : join(dir, `${p}.json`), feed);
  }
  return pages;
}

/** Build the archive folder from articles (any order, duplicates allowed). */
export async function writeArchive(input: ArticleSummary[], options: ArchiveOptions): Promise<ArchiveStats> {
  const { outDir, pageSize = 20, title = 'News archive', language = 'en', quiet = false, searchPartSize = DEFAULT_SEARCH_PART_SIZE } = options;
  const { articles: unique, duplicates } = mergeDuplicates(input);
  unique.sort(byNewest);
  const taken = new Set<string>();
  const articles = unique.map((a) => ({ ...a, id: archiveId(a.id, taken) }));

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'articles'), { recursive: true });
  let files = 0;

  const progress = new Progress('articles', articles.length, quiet);
  for (const a of articles) {
    writeJson(join(outDir, 'articles', `${a.id}.json`), { version: JSON_FEED, items: [fullItem(a)] });
    files++;
    progress.tick();
  }
  progress.done();

  const byCategory = new Map<string, { name: string; slug: string; items: ArticleSummary[] }>();
  for (const a of articles) {
    if (!a.category) continue;
    let c = byCategory.get(a.category.slug);
    if (!c) byCategory.set(a.category.slug, (c = { ...a.category, items: [] }));
    c.items.push(a);
  }
  const categories = [...byCategory.values()].sort((x, y) => y.items.length - x.items.length);
  for (const c of categories) {
    files += writeListing(join(outDir, 'categories', c.slug), c.items, pageSize, {
      path: join(outDir, 'categories', c.slug, '1.json'),
      extra: { title: c.name },
      nextPrefix: '',
    });
  }

  const parts = await writeSearchIndex(articles, outDir, { language, quiet, partSize: searchPartSize });
  const listingPages = writeListing(join(outDir, 'pages'), articles, pageSize, {
    path: join(outDir, 'manifest.json'),
    nextPrefix: 'pages/',
    extra: {
      title,
      language,
      _archive: {
        version: 1,
        total: articles.length,
        pageSize,
        generated: new Date().toISOString(),
        categories: categories.slice(0, MAX_MANIFEST_CATEGORIES).map((c) => ({ name: c.name, slug: c.slug, count: c.items.length })),
        search: { parts },
      },
    },
  });
  files += listingPages;
  return { articles: articles.length, duplicates, listingPages, categories: categories.length, files, searchParts: parts.length };
}

/**
 * The text Pagefind indexes: our tokenizer's words joined by spaces (Pagefind cannot segment Lao or
 * Thai), normalised as the reader's own index is (NFC, Burmese ၀/ဝ, and Zawgyi once loadZawgyi ran),
 * plus the words that appear only once stray spaces inside Lao, Thai, Khmer or Burmese words are
 * removed (ດຳ ເນີນ → ດຳເນີນ, decision 073), so the word typed without the space finds the article.
 */
export function segmentForIndex(text: string): string {
  const words = tokenize(text);
  const despaced = searchableText(text);
  if (despaced === text) return words.join(' ');
  const seen = new Set(words);
  const bridged = tokenize(despaced).filter((w) => !seen.has(w) && (seen.add(w), true));
  return [...words, ...bridged].join(' ');
}

/**
 * Pagefind's own search UIs (the reader has its own) and its Web Worker (the reader runs Pagefind
 * on the page: src/sources/archive.ts): not published.
 */
const PAGEFIND_UI = /^pagefind-(ui|component-ui|modular-ui|highlight|worker)\./;
/** The search code: published once, in part 0, which the reader loads; later parts are merged into it. */
const PAGEFIND_CODE = /^(pagefind\.js|wasm\..+\.pagefind)$/;

/**
 * Pagefind's chunked index, one bundle per `partSize` articles (newest first): a search downloads
 * Pagefind's code once, then for each part it searches that part's metadata (an entry per
 * article), the chunks of the query's words and the fragments of the results shown. Records
 * carry what a result card needs as `meta`.
 */
async function writeSearchIndex(
  articles: ArticleSummary[],
  outDir: string,
  { language, quiet, partSize }: { language: string; quiet: boolean; partSize: number },
): Promise<SearchPart[]> {
  if (!Number.isInteger(partSize) || partSize < 1) throw new Error(`search part size must be a whole number above 0, got ${partSize}`);
  const parts: SearchPart[] = [];
  // Burmese typed in Zawgyi is indexed as Unicode, as the reader's own index reads it.
  if (hasBurmese(articles.map((a) => a.headline + a.bodyText))) await loadZawgyi();
  const progress = new Progress('indexed', articles.length, quiet);
  try {
    for (let start = 0, n = 0; start < articles.length || n === 0; start += partSize, n++) {
      const slice = articles.slice(start, start + partSize);
      const path = `pagefind/${n}/`;
      await writePart(slice, join(outDir, path), language, progress);
      for (const name of readdirSync(join(outDir, path))) {
        if (PAGEFIND_UI.test(name) || (n > 0 && PAGEFIND_CODE.test(name))) rmSync(join(outDir, path, name));
      }
      const dates = slice.flatMap((a) => (a.datePublished ? [a.datePublished] : []));
      parts.push({ path, articles: slice.length, newest: dates[0], oldest: dates.at(-1) });
    }
  } finally {
    await pagefind.close();
  }
  progress.done();
  return parts;
}

async function writePart(articles: ArticleSummary[], outputPath: string, language: string, progress: Progress) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const BATCH = 200;
  for (let i = 0; i < articles.length; i += BATCH) {
    await Promise.all(
      articles.slice(i, i + BATCH).map(async (a) => {
        const meta: Record<string, string> = { id: a.id, title: a.headline };
        if (a.datePublished) meta.date = a.datePublished;
        const standfirst = a.standfirst ?? (a.bodyText ? cut(a.bodyText, 160) : '');
        if (standfirst) meta.standfirst = cut(standfirst, 160);
        if (a.category) Object.assign(meta, { category: a.category.name, category_slug: a.category.slug });
        if (a.image) Object.assign(meta, { image: a.image.thumbUrl ?? a.image.url, image_alt: a.image.alt });
        if (a.language) meta.language = a.language;
        const result = await index.addCustomRecord({
          url: `/a/${a.id}`,
          content: segmentForIndex([a.headline, a.standfirst ?? '', a.bodyText].join('\n')),
          language,
          meta,
          filters: a.category ? { category: [a.category.name] } : {},
          // No `sort: { date }`: the reader ranks by relevance, and Pagefind keeps sort values for
          // every page in the metadata file each search downloads first (a quarter of its size).
        });
        if (result.errors.length) throw new Error(`Pagefind refused article ${a.id}: ${result.errors.join('; ')}`);
        progress.tick();
      }),
    );
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  await index.deleteIndex();
}
