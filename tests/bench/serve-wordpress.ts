// The WordPress side of bench:serve: the local WordPress (../shared/tools/wordpress) up, holding
// the same articles as the reader under test, and the pages both serve for the comparison.
//
// Two imports, each idempotent (skipped when the posts carrying its marker tag are there):
// - the bundled sample feed (public/data/feed.json) in a category of its own, its dates moved
//   before WordPress's own sample posts (sample.ndjson, 2025) so those stay the newest for the
//   tests that use this WordPress (tests/e2e/wordpress.e2e.ts, serve.e2e.ts), its images copied
//   into the media library (real thumbnails, as a WordPress site has them);
// - a large corpus from ../shared/data (BBC News 2004-05, 2,223 articles, dated 2005: older
//   still), in a category of its own too, so that WordPress and the reader work on a database of
//   a real site's size, not 60 posts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from '../e2e/server.mjs';
import { loadFeed, pickArticle, pickSearchWord, plain } from '../e2e/feed.mjs';

export const WP_URL = process.env.WP_URL ?? 'http://127.0.0.1:8080';
export const WP_TOOLS = resolve(ROOT, process.env.WP_TOOLS ?? '../shared/tools/wordpress');
/** The shared corpora, as tests/corpora.ts finds them (that module is vitest's; this is a plain script). */
const CORPORA_DIR = resolve(process.env.CORPORA_DIR ?? join(ROOT, '../shared/data'));

/** WordPress's own sample posts (sample.ndjson, wordpress-extra.ndjson) start on 2025-01-06: ours end before. */
const BEFORE_SAMPLE_POSTS = Date.parse('2025-01-01T00:00:00Z');

interface JsonFeedItem {
  id?: string;
  title?: string;
  summary?: string;
  content_html?: string;
  content_text?: string;
  date_published?: string;
  authors?: { name?: string }[];
  tags?: string[];
  language?: string;
  image?: string;
  _news?: { category?: string; image?: { url?: string } };
}

/** One line of import.php's NDJSON (../shared/tools/wordpress/README.md, "Import format"). */
interface ImportLine {
  title: string;
  body: string;
  date: string;
  category: string;
  author?: string;
  tags: string[];
  image?: string;
  excerpt?: string;
}

export interface Corpus {
  name: string;
  /** The marker tag every imported post carries: the import is skipped when they are all there. */
  tag: string;
  category: string;
  file: string;
}

export const BUNDLED: Corpus = {
  name: 'bundled sample feed',
  tag: 'bench-serve-bundled',
  category: 'Lao News Agency (bench)',
  file: join(ROOT, 'public/data/feed.json'),
};

export const LARGE: Corpus = {
  name: 'BBC News 2004-05 corpus',
  tag: 'bench-serve-bbc',
  category: 'BBC News archive (bench)',
  file: join(CORPORA_DIR, 'corpora/bbc-news-2225.feed.json'),
};

/**
 * JSON Feed items as import.php lines. Dates keep their spacing but are moved, when needed, so
 * that the newest ends a day before `before`; the item's own category becomes a tag (the
 * category is the corpus's, see above), and a relative image is a file next to the feed.
 */
export function toImportLines(
  corpus: Corpus,
  items: JsonFeedItem[],
  before = BEFORE_SAMPLE_POSTS,
): ImportLine[] {
  const dated = items.filter((i) => i.date_published && !Number.isNaN(Date.parse(i.date_published)));
  const newest = Math.max(...dated.map((i) => Date.parse(i.date_published!)));
  const shift = newest >= before ? before - 86_400_000 - newest : 0;
  const feedDir = join(corpus.file, '..');
  const lines: ImportLine[] = [];
  for (const item of dated) {
    const body =
      item.content_html ??
      (item.content_text ? item.content_text : item.summary ? `<p>${item.summary}</p>` : '');
    const title =
      plain(item.title ?? '') ||
      plain(item.summary ?? '')
        .split(/\s+/)
        .slice(0, 10)
        .join(' ');
    if (!title || !body.trim()) continue;
    const imageRel = item._news?.image?.url ?? item.image;
    const image = imageRel && !/^https?:/.test(imageRel) ? join(feedDir, imageRel) : imageRel;
    lines.push({
      title,
      body,
      date: new Date(Date.parse(item.date_published!) + shift).toISOString(),
      category: corpus.category,
      author: item.authors?.[0]?.name,
      tags: [
        ...new Set([
          ...(item.tags ?? []),
          ...(item._news?.category ? [item._news.category] : []),
          corpus.tag,
        ]),
      ],
      ...(image && existsSync(image) ? { image } : {}),
      ...(item.summary ? { excerpt: item.summary } : {}),
    });
  }
  return lines;
}

async function wpJson<T>(path: string): Promise<{ data: T; total: number }> {
  const response = await fetch(`${WP_URL}/wp-json/wp/v2/${path}`, { signal: AbortSignal.timeout(20_000) });
  if (!response.ok) throw new Error(`${WP_URL}/wp-json/wp/v2/${path}: ${response.status}`);
  return { data: (await response.json()) as T, total: Number(response.headers.get('x-wp-total') ?? 0) };
}

async function tagId(slug: string): Promise<number | undefined> {
  const { data } = await wpJson<{ id: number }[]>(`tags?slug=${encodeURIComponent(slug)}&_fields=id`);
  return data[0]?.id;
}

async function postsTagged(slug: string): Promise<number> {
  const id = await tagId(slug);
  if (id === undefined) return 0;
  return (await wpJson<unknown[]>(`posts?tags=${id}&per_page=1&_fields=id`)).total;
}

export async function wordpressUp(): Promise<boolean> {
  try {
    const response = await fetch(`${WP_URL}/wp-json/`, { signal: AbortSignal.timeout(5000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** WordPress running: as it was, or started by ../shared/tools/wordpress/start.sh. Returns whether we started it. */
export async function ensureWordPress(): Promise<boolean> {
  if (await wordpressUp()) return false;
  const start = join(WP_TOOLS, 'start.sh');
  if (!existsSync(start))
    throw new Error(`WordPress is not answering at ${WP_URL} and ${start} is missing (set WP_TOOLS)`);
  console.log(`WordPress is not answering at ${WP_URL}: starting it (${start})…`);
  const r = spawnSync(start, { stdio: 'inherit' });
  if (r.status !== 0 || !(await wordpressUp()))
    throw new Error(`${start} failed (exit ${r.status ?? r.signal})`);
  return true;
}

export function stopWordPress(): void {
  spawnSync(join(WP_TOOLS, 'stop.sh'), { stdio: 'inherit' });
}

/** Imports the corpus unless its posts are there already. Returns what it did, for the log. */
export async function importCorpus(corpus: Corpus): Promise<string> {
  if (!existsSync(corpus.file))
    throw new Error(
      `${corpus.name}: ${corpus.file} is missing (set CORPORA_DIR or check out shared/ beside the repo)`,
    );
  const { items } = JSON.parse(readFileSync(corpus.file, 'utf8')) as { items: JsonFeedItem[] };
  const lines = toImportLines(corpus, items);
  const present = await postsTagged(corpus.tag);
  if (present >= lines.length)
    return `${corpus.name}: ${present} posts already in WordPress (tag ${corpus.tag})`;
  const dir = mkdtempSync(join(tmpdir(), 'bench-wp-import-'));
  try {
    const file = join(dir, `${corpus.tag}.ndjson`);
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const t0 = Date.now();
    const r = spawnSync('php', ['-d', 'memory_limit=1G', join(WP_TOOLS, 'import.php'), file], {
      encoding: 'utf8',
    });
    if (r.status !== 0)
      throw new Error(
        `import.php ${corpus.name} failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`,
      );
    const summary = r.stdout
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('imported'))
      .join(' ');
    return `${corpus.name}: ${summary} (${((Date.now() - t0) / 1000).toFixed(1)} s)`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ComparedPage {
  name: 'home' | 'article' | 'search';
  /** Path on the reader (npm run serve). */
  reader: string;
  /** Path on WordPress (its own theme). */
  wordpress: string;
}

/**
 * The pages compared: the front page, the bundled feed's newest English article with an image
 * (as WordPress's permalink and the reader's /articles/ID/slug), and a search for the word in
 * most of the bundled feed's English headlines.
 */
export async function comparedPages(readerUrl: string): Promise<ComparedPage[]> {
  const { feed, items } = loadFeed();
  const item = pickArticle(feed, items, { withImage: true }) as JsonFeedItem;
  const { word } = pickSearchWord(feed, items) as { word: string };
  const id = await tagId(BUNDLED.tag);
  const { data: posts } = await wpJson<{ id: number; link: string; title: { rendered: string } }[]>(
    `posts?tags=${id}&per_page=100&_fields=id,link,title`,
  );
  const post = posts.find((p) => plain(p.title.rendered) === plain(item.title));
  if (!post) throw new Error(`the bundled article "${item.title}" is not in WordPress`);
  // The reader answers /articles/ID/anything with a 301 to the article's canonical path.
  const probe = await fetch(`${readerUrl}/articles/${post.id}/x`, { redirect: 'manual' });
  const readerArticle = probe.headers.get('location') ?? `/articles/${post.id}/x`;
  return [
    { name: 'home', reader: '/', wordpress: '/' },
    {
      name: 'article',
      reader: new URL(readerArticle, readerUrl).pathname,
      wordpress: new URL(post.link).pathname,
    },
    {
      name: 'search',
      reader: `/search?q=${encodeURIComponent(word)}`,
      wordpress: `/?s=${encodeURIComponent(word)}`,
    },
  ];
}

/** Post ids and WordPress permalinks, newest first (for the memory run's article URLs). */
export async function postIds(count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ids.length < count; page++) {
    const { data } = await wpJson<{ id: number }[]>(`posts?per_page=100&page=${page}&_fields=id`).catch(
      () => ({ data: [] as { id: number }[] }),
    );
    if (!data.length) break;
    ids.push(...data.map((p) => p.id));
  }
  return ids.slice(0, count);
}
