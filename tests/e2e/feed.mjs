// The app's own sample config and feed, read from public/ so the tests use real ids and headlines.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server.mjs';

const STOPWORDS = new Set(
  'about above after again against among around before being below between could during every first from have into just more most other over same should since some such than that their them then there these they this those through under until very were what when where which while will with would your year years after says said new'.split(
    ' ',
  ),
);

export function loadConfig() {
  return JSON.parse(readFileSync(join(ROOT, 'public/config.json'), 'utf8'));
}

/** The sample feed named by config.sources[0].url (relative to public/). */
export function loadFeed(config = loadConfig()) {
  const rel = config.sources?.[0]?.url ?? 'data/feed.json';
  const file = join(ROOT, 'public', rel);
  if (!existsSync(file)) throw new Error(`The sample feed ${file} does not exist (config.sources[0].url = ${rel})`);
  const feed = JSON.parse(readFileSync(file, 'utf8'));
  return { feed, items: feed.items ?? [], file };
}

/** Collapse whitespace and strip tags, as the app does for headlines. */
export function plain(s) {
  return String(s ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}

export function itemLanguage(item, feed) {
  return (item.language || feed.language || 'en').toLowerCase();
}

export function itemCategory(item) {
  return item._news?.category?.trim() || undefined;
}

export function itemImage(item) {
  const n = item._news?.image;
  return n?.url ? n : item.image ? { url: item.image } : item.banner_image ? { url: item.banner_image } : undefined;
}

export function itemAuthors(item, feed) {
  const list = item.authors ?? (item.author ? [item.author] : feed.authors ?? (feed.author ? [feed.author] : []));
  return list.map((a) => a?.name).filter(Boolean);
}

export function findItem(items, id) {
  return items.find((i) => String(i.id ?? i.url).trim() === id);
}

/**
 * A search word taken from real English headlines: the word (5+ letters, not a stop word) found in
 * the most headlines, ties broken alphabetically so every run uses the same one.
 */
export function pickSearchWord(feed, items) {
  const counts = new Map();
  for (const item of items) {
    if (!itemLanguage(item, feed).startsWith('en')) continue;
    const words = new Set(plain(item.title).toLowerCase().match(/[a-z]{5,}/g) ?? []);
    for (const w of words) if (!STOPWORDS.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (!ranked.length) throw new Error('No English headline in the sample feed to take a search word from');
  const [word, headlines] = ranked[0];
  return { word, headlines };
}

/** An article to open directly (Lighthouse, layout): the newest English one with an image. */
export function pickArticle(feed, items, { withImage = true, language = 'en' } = {}) {
  const sorted = [...items].sort((a, b) => Date.parse(b.date_published ?? 0) - Date.parse(a.date_published ?? 0));
  return sorted.find((i) => itemLanguage(i, feed).startsWith(language) && (!withImage || itemImage(i)) && i.title);
}

/** The app's slug rule is its own business; any slug resolves by id, but use a readable one. */
export function slugOf(title) {
  return (
    plain(title)
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'article'
  );
}

export function articleHref(item) {
  return `/articles/${encodeURIComponent(String(item.id ?? item.url).trim())}/${encodeURIComponent(slugOf(item.title))}`;
}
