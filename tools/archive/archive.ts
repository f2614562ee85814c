/**
 * `npm run archive -- --out DIR [options] INPUT…`: build a static news archive that any static
 * host or CDN serves, for the reader's `archive` source. INPUT is a JSON Feed (.json), NDJSON
 * (.ndjson/.jsonl), RSS 2.0/1.0/0.9x or Atom file, or a WordPress site URL.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ArticleSummary } from '../../src/types/article.ts';
import { readInput } from './read-input.ts';
import { DEFAULT_SEARCH_PART_SIZE, writeArchive } from './write-archive.ts';

const USAGE = `usage: npm run archive -- --out DIR [--page-size 20] [--title TITLE] [--language en] [--source-name NAME]
                          [--search-part-size 10000] INPUT…
  INPUT: feed.json | items.ndjson | feed.rss | feed.rdf | feed.atom | https://wordpress.site/`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    'page-size': { type: 'string', default: '20' },
    title: { type: 'string' },
    language: { type: 'string', default: 'en' },
    'source-name': { type: 'string' },
    'search-part-size': { type: 'string', default: String(DEFAULT_SEARCH_PART_SIZE) },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help || !values.out || positionals.length === 0) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}
const pageSize = Number(values['page-size']);
if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 500) {
  console.error(`--page-size must be a whole number from 1 to 500, got "${values['page-size']}"`);
  process.exit(2);
}

const searchPartSize = Number(values['search-part-size']);
if (!Number.isInteger(searchPartSize) || searchPartSize < 1) {
  console.error(`--search-part-size must be a whole number above 0, got "${values['search-part-size']}"`);
  process.exit(2);
}

const started = performance.now();
const all: ArticleSummary[] = [];
let skipped = 0;
let warnings = 0;
const MAX_WARNINGS = 50;
const warn = (message: string) => {
  warnings++;
  if (warnings <= MAX_WARNINGS) console.error(`warning: ${message}`);
  else if (warnings === MAX_WARNINGS + 1) console.error('warning: (further warnings not shown; see the count below)');
};

// One bad input is reported and the others are still read; an input that yields no article at
// all (malformed, not a feed, every item invalid) makes the run fail at the end (exit 1), so a
// script never mistakes a lost file for an empty one.
const failed: string[] = [];
for (const input of positionals) {
  try {
    const result = await readInput(input, warn, values['source-name']);
    for (const a of result.articles) all.push(a);
    skipped += result.skipped;
    console.error(`read ${input}: ${result.articles.length.toLocaleString('en')} articles, ${result.skipped} skipped`);
    if (result.articles.length === 0) {
      console.error(`error: ${input}: no articles in it`);
      failed.push(input);
    }
  } catch (error) {
    console.error(`error: ${input}: ${(error as Error).message}`);
    failed.push(input);
  }
}
const readMs = performance.now() - started;
if (all.length === 0) {
  console.error('error: no articles read from any input; nothing written');
  process.exit(1);
}

const stats = await writeArchive(all, {
  outDir: values.out,
  pageSize,
  title: values.title,
  language: values.language,
  searchPartSize,
  quiet: values.quiet,
});

const seconds = (performance.now() - started) / 1000;
const bytes = folderBytes(values.out);
console.log(
  [
    `archive: ${values.out}`,
    `  articles     ${stats.articles.toLocaleString('en')} (${skipped} invalid skipped, ${stats.duplicates} duplicates merged, ${warnings} warnings)`,
    `  listing      ${stats.listingPages.toLocaleString('en')} pages of ${pageSize}; ${stats.categories} categories`,
    `  size         ${(bytes.total / 1e6).toFixed(1)} MB in ${bytes.files.toLocaleString('en')} files (search index ${(bytes.pagefind / 1e6).toFixed(1)} MB in ${stats.searchParts} part${stats.searchParts === 1 ? '' : 's'})`,
    `  time         ${seconds.toFixed(1)} s (reading ${(readMs / 1000).toFixed(1)} s)`,
  ].join('\n'),
);

if (failed.length) {
  console.error(`error: ${failed.length} of ${positionals.length} inputs gave no articles: ${failed.join(', ')}`);
  process.exitCode = 1;
}

function folderBytes(dir: string): { total: number; files: number; pagefind: number } {
  let total = 0;
  let files = 0;
  let pagefind = 0;
  const walk = (d: string, inIndex: boolean) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p, inIndex || name === 'pagefind');
      else {
        total += s.size;
        files++;
        if (inIndex) pagefind += s.size;
      }
    }
  };
  walk(dir, false);
  return { total, files, pagefind };
}
