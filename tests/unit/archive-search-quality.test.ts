/**
 * The archive's search (Pagefind) on the same queries as the reader's own index
 * (src/features/search/engine/search-quality.test.ts): other forms of a word, and Lao and Thai
 * words written with a stray space. Each corpus is written as an archive (tools/archive), and
 * Pagefind's own pagefind.js searches it here in Node, reading its files through a fetch that
 * serves file: URLs. Queries are segmented as the reader segments them (server-results.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tokenize } from '../../src/features/search/engine/tokenize.ts';
import type { SearchDoc } from '../../src/features/search/engine/types.ts';
import { loadCorpus } from '../../src/features/search/testing/load-corpus.ts';
import { straySpaceCorpus } from '../../src/features/search/testing/stray-spaces.ts';
import { WORD_FORMS, wordFormCases } from '../../src/features/search/testing/word-forms.ts';
import type { ArticleSummary } from '../../src/types/article.ts';
import { writeArchive } from '../../tools/archive/write-archive.ts';
import { describeWithCorpus } from '../corpora.ts';

interface PagefindModule {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<{ meta: Record<string, string> }> }[] }>;
}

// Under node_modules/, whose modules the test runner leaves to Node's own import (it cannot import
// pagefind.js from a system temporary folder).
const tmp = join(dirname(fileURLToPath(import.meta.url)), '../../node_modules/.tmp');
mkdirSync(tmp, { recursive: true });
const root = mkdtempSync(join(tmp, 'archive-search-quality-'));
const realFetch = globalThis.fetch;
beforeAll(() => {
  globalThis.fetch = ((input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith('file:')) return Promise.resolve(new Response(readFileSync(new URL(url))));
    return realFetch(input, init);
  }) as typeof fetch;
});
afterAll(() => {
  globalThis.fetch = realFetch;
  rmSync(root, { recursive: true, force: true });
});

/** Writes `docs` as an archive in `language` and opens its Pagefind search; ids are kept as `doc-N`. */
async function archiveSearch(name: string, docs: SearchDoc[], language: string) {
  const outDir = join(root, name);
  const articles = docs.map((d, i): ArticleSummary => ({
    ...d,
    id: `doc-${i}`,
    slug: `doc-${i}`,
    sourceId: 'corpus',
    byline: [],
  }));
  await writeArchive(articles, { outDir, language, quiet: true });
  const part = pathToFileURL(join(outDir, 'pagefind', '0') + '/').href;
  const pagefind = (await import(
    /* @vite-ignore */ join(outDir, 'pagefind', '0', 'pagefind.js')
  )) as PagefindModule;
  await pagefind.options({ basePath: part, noWorker: true });
  await pagefind.init();
  const idOf = new Map(articles.map((a, i) => [a.id, docs[i]!.id]));
  /** The original ids of the top 10 for a query, segmented as the reader segments it. */
  return async (query: string): Promise<string[]> => {
    const { results } = await pagefind.search(tokenize(query).join(' '));
    const top = await Promise.all(results.slice(0, 10).map((r) => r.data()));
    return top.map((r) => idOf.get(r.meta.id ?? '') ?? '');
  };
}

/**
 * Pagefind stems with its own Snowball stemmers in the archive's language; it has none for
 * Ukrainian, and its Arabic matches fewer forms than ours: those floors are what it reaches.
 */
const FLOOR: Record<string, number> = { Ukrainian: 0.2, Arabic: 0.6 };

for (const [file, { language, groups }] of Object.entries(WORD_FORMS)) {
  describeWithCorpus([`corpora/${file}`], `Archive search, ${language} word forms`, () => {
    it('finds articles that use another form of the typed word', async () => {
      const docs = loadCorpus(file);
      const search = await archiveSearch(file, docs, (docs[0]?.language ?? 'en').split('-')[0]!);
      const cases = wordFormCases(docs, groups);
      let relevant = 0;
      let found = 0;
      for (const c of cases) {
        const top = await search(c.query);
        relevant += c.relevant.length;
        found += c.relevant.filter((d) => top.includes(d.id)).length;
      }
      console.info(
        `Archive (Pagefind) ${language} other-form recall@10: ${(found / relevant).toFixed(3)} (${relevant} articles, ${cases.length} word groups)`,
      );
      expect(cases.length).toBeGreaterThanOrEqual(10);
      expect(found / relevant).toBeGreaterThanOrEqual(FLOOR[language] ?? 0.85);
    }, 120_000);
  });
}

for (const [file, language, script] of [
  ['lao-a.feed.json', 'Lao', /^\p{sc=Lao}+$/u],
  ['bbc-thai.feed.json', 'Thai', /^\p{sc=Thai}+$/u],
] as const) {
  describeWithCorpus([`corpora/${file}`], `Archive search, ${language} stray spaces`, () => {
    it('finds >= 95% of words written with a stray space by the word typed without it', async () => {
      const { cases, spacedDocs } = straySpaceCorpus(loadCorpus(file), script);
      const search = await archiveSearch(`${file}-spaced`, spacedDocs, language === 'Lao' ? 'lo' : 'th');
      let found = 0;
      for (const c of cases) if ((await search(c.word)).includes(c.id)) found++;
      console.info(
        `Archive (Pagefind) ${language} stray spaces: ${found}/${cases.length} found by the unspaced word`,
      );
      expect(cases.length).toBeGreaterThanOrEqual(40);
      expect(found / cases.length).toBeGreaterThanOrEqual(0.95);
    }, 120_000);
  });
}
