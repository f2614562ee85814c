import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInput } from '../../scripts/archive/read-input.ts';
import { segmentForIndex, writeArchive } from '../../scripts/archive/write-archive.ts';
import { parseJsonFeed } from '../../src/sources/jsonfeed.ts';

const FIXTURES = '../shared/data/fixtures';
const tmp = mkdtempSync(join(tmpdir(), 'archive-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const noWarnings = (message: string) => {
  throw new Error(`unexpected warning: ${message}`);
};

describe('archive inputs', () => {
  it('reads RSS 2.0 (Guardian): all 55 items with creators, categories and decoded titles', async () => {
    const { articles, skipped } = await readInput(`${FIXTURES}/rss/guardian.rss`, noWarnings);
    expect(articles).toHaveLength(55);
    expect(skipped).toBe(0);
    for (const a of articles) {
      expect(a.headline).not.toMatch(/&(#\d+|amp|quot);/);
      expect(a.url).toMatch(/^https:\/\/www\.theguardian\.com\//);
      expect(a.datePublished).toMatch(/^20\d\d-/);
    }
    expect(articles.filter((a) => a.byline.length > 0).length).toBeGreaterThan(40);
    expect(articles.filter((a) => a.category).length).toBeGreaterThan(40);
  });

  it('reads Atom (heise): entries with links, dates and German text', async () => {
    const { articles, skipped } = await readInput(`${FIXTURES}/rss/heise.atom`, noWarnings);
    expect(skipped).toBe(0);
    expect(articles.length).toBeGreaterThan(10);
    const first = articles[0];
    expect(first?.url).toMatch(/^https?:\/\/www\.heise\.de\//);
    expect(first?.datePublished).toBeDefined();
    expect(first?.headline.length).toBeGreaterThan(5);
  });

  it('reads JSON Feed 1.1 and 1.0 through the reader’s own parser', async () => {
    const v11 = await readInput(`${FIXTURES}/jsonfeed/jsonfeed-1.1-3960.json`, noWarnings);
    const v10 = await readInput(`${FIXTURES}/jsonfeed/jsonfeed-1.0-daringfireball.json`, noWarnings);
    expect(v11.articles.length).toBeGreaterThan(0);
    expect(v11.articles[0]?.language).toMatch(/^de/);
    expect(v10.articles.length).toBeGreaterThan(0);
    expect(v10.articles.every((a) => a.byline.length > 0)).toBe(true);
  });

  it('reads NDJSON in the WordPress importer’s format and names the line of each bad item', async () => {
    const file = join(tmp, 'items.ndjson');
    const sample = readFileSync('../shared/tools/wordpress/sample.ndjson', 'utf8').split('\n').filter(Boolean).slice(0, 3);
    writeFileSync(file, [...sample, '{not json', '{"id": "x"}', '[1,2]'].join('\n'));
    const warnings: string[] = [];
    const { articles, skipped } = await readInput(file, (m) => warnings.push(m));
    expect(articles).toHaveLength(3);
    expect(articles[0]).toMatchObject({ headline: 'Exampleton opens a new lighthouse museum on the harbour', category: { name: 'Culture' }, byline: ['Alex Example'] });
    expect(skipped).toBe(2);
    expect(warnings).toEqual([
      'items.ndjson line 4: skipped, not valid JSON',
      'items.ndjson line 5: skipped, it has no title and no text',
      'items.ndjson line 6: skipped, not an object',
    ]);
  });

  it('refuses a file that is not a feed, naming it', async () => {
    const file = join(tmp, 'nope.json');
    writeFileSync(file, '{"hello": 1}');
    await expect(readInput(file, noWarnings)).rejects.toThrow(/nope\.json: not a JSON Feed/);
  });
});

describe('writeArchive', () => {
  it('writes paged listings, category pages, one file per article and a Pagefind index', async () => {
    const { articles } = await readInput(`${FIXTURES}/rss/guardian.rss`, noWarnings);
    const out = join(tmp, 'site');
    const stats = await writeArchive([...articles, articles[0]!], { outDir: out, pageSize: 10, title: 'Test archive', quiet: true });
    expect(stats).toMatchObject({ articles: 55, duplicates: 1, listingPages: 6 });

    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Record<string, unknown> & { _archive: { total: number; categories: { slug: string; count: number }[] } };
    expect(manifest._archive.total).toBe(55);
    expect(manifest.next_url).toBe('pages/2.json');
    // The front page is a valid JSON Feed for the reader, without bodies.
    const first = parseJsonFeed(manifest, 'https://cdn.example/archive/manifest.json', { id: 'a', name: 'A' });
    expect(first.articles).toHaveLength(10);
    expect(first.nextUrl).toBe('https://cdn.example/archive/pages/2.json');
    expect(first.articles.every((a) => !a.untrustedBodyHtml)).toBe(true);
    // Newest first across pages, and page 6 ends the chain.
    const last = JSON.parse(readFileSync(join(out, 'pages', '6.json'), 'utf8')) as { next_url?: string; items: unknown[] };
    expect(last.next_url).toBeUndefined();
    expect(last.items).toHaveLength(5);

    // Every article has its own file, with its body.
    const files = readdirSync(join(out, 'articles'));
    expect(files).toHaveLength(55);
    const one = parseJsonFeed(JSON.parse(readFileSync(join(out, 'articles', files[0]!), 'utf8')), 'https://x/', { id: 'a', name: 'A' });
    expect(one.articles[0]?.untrustedBodyHtml?.length).toBeGreaterThan(0);
    expect(`${one.articles[0]?.id}.json`).toBe(files[0]);

    const category = manifest._archive.categories[0]!;
    expect(existsSync(join(out, 'categories', category.slug, '1.json'))).toBe(true);

    expect(existsSync(join(out, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(existsSync(join(out, 'pagefind', 'pagefind-entry.json'))).toBe(true);
  }, 60_000);

  it('segments Lao for the index the way the reader segments queries', () => {
    const lao = 'ປະທານປະເທດໄດ້ເດີນທາງໄປຢ້ຽມຢາມແຂວງ';
    const segmented = segmentForIndex(lao);
    expect(segmented.split(' ')).toEqual(['ປະທານ', 'ປະເທດ', 'ໄດ້', 'ເດີນທາງ', 'ໄປ', 'ຢ້ຽມຢາມ', 'ແຂວງ']);
    expect(segmented.replaceAll(' ', '')).toBe(lao);
  });
});
