import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readInput } from '../../tools/archive/read-input.ts';
import { segmentForIndex, writeArchive } from '../../tools/archive/write-archive.ts';
import { tokenize } from '../../src/features/search/engine/tokenize.ts';
import { parseJsonFeed } from '../../src/sources/jsonfeed-parse.ts';
import { CORPORA_DIR, describeWithCorpus } from '../corpora.ts';

/** The project's own fixtures (invented text), and the third-party feeds of the shared data. */
const own = (rel: string) => join(dirname(fileURLToPath(import.meta.url)), '../fixtures', rel);
const SHARED = {
  guardian: 'fixtures/rss/guardian.rss',
  heise: 'fixtures/rss/heise.atom',
  jsonFeed11: 'fixtures/jsonfeed/jsonfeed-1.1-3960.json',
  jsonFeed10: 'fixtures/jsonfeed/jsonfeed-1.0-daringfireball.json',
};
const shared = (rel: string) => join(CORPORA_DIR, rel);
const tmp = mkdtempSync(join(tmpdir(), 'archive-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const noWarnings = (message: string) => {
  throw new Error(`unexpected warning: ${message}`);
};

describe('archive inputs', () => {
  it('reads RSS 2.0: every item, with creators, categories, media, content:encoded and decoded titles', async () => {
    const { articles, skipped } = await readInput(own('archive/gazette.rss'), noWarnings);
    expect(articles).toHaveLength(12);
    expect(skipped).toBe(0);
    for (const a of articles) {
      expect(a.headline).not.toMatch(/&(#\d+|amp|quot);/);
      expect(a.url).toMatch(/^https:\/\/gazette\.example\.com\/2025\/jun\//);
      expect(a.datePublished).toMatch(/^2025-06-/);
    }
    const byId = (slug: string) => articles.find((a) => a.id.endsWith(`/${slug}`));
    expect(byId('harbour-dredging')).toMatchObject({
      headline: 'Harbour dredging to start in July',
      datePublished: '2025-06-12T08:10:00.000Z',
      byline: ['Alex Example'],
      category: { name: 'Local', slug: 'local' },
      tags: ['Local', 'Harbour'],
    });
    // Titles arrive entity-encoded twice, as CMSs send them.
    expect(byId('bakery-prize')?.headline).toBe('Town bakery\u2019s rye loaf wins a regional prize');
    expect(byId('choir-concert')?.headline).toBe('Choir sings "Sea Songs" at the old church');
    expect(byId('market-hall')?.headline).toBe('Market hall reopens after repairs & repainting');
    expect(byId('choir-concert')?.byline).toEqual(['Robin Example', 'Kim Sample']);
    expect(byId('library-hours')?.byline).toEqual([]);
    expect(byId('bakery-prize')?.image?.url).toBe('https://img.example.com/gazette/rye-loaf.jpg');
    // content:encoded is the body, the description its standfirst.
    expect(byId('bus-route')).toMatchObject({ standfirst: 'Route 7 starts on Monday and runs every twenty minutes.' });
    expect(byId('bus-route')?.bodyText).toContain('Tickets cost the same');
  });

  it('reads Atom: alternate links, published or updated dates, categories, authors and German text', async () => {
    const { articles, skipped } = await readInput(own('archive/beispielstadt.atom'), noWarnings);
    expect(skipped).toBe(0);
    expect(articles).toHaveLength(4);
    const [library, tram, market, race] = articles;
    expect(library).toMatchObject({
      id: 'https://rundschau.example.de/-1004',
      url: 'https://rundschau.example.de/meldung/bibliothek-1004.html?wt=atom',
      headline: 'Stadtbibliothek öffnet länger & auch sonntags',
      standfirst: 'Ab Mai hat die Bücherei auch am Sonntag geöffnet.',
      datePublished: '2025-04-03T15:30:00.000Z',
      dateModified: '2025-04-03T16:05:00.000Z',
      byline: ['Jana Muster'],
      category: { name: 'Kultur' },
      language: 'de',
    });
    expect(tram).toMatchObject({ tags: ['Verkehr', 'Straßenbahn'], category: { name: 'Verkehr' } });
    // No <published>: <updated> stands in; content type="text" is plain text.
    expect(market).toMatchObject({ datePublished: '2025-04-01T05:45:00.000Z', bodyText: 'Wegen des Stadtlaufs fällt der Wochenmarkt am Samstag aus.' });
    expect(race?.url).toBe('https://rundschau.example.de/meldung/stadtlauf-1001.html');
  });

  it('reads JSON Feed 1.1 and 1.0 through the reader’s own parser', async () => {
    const v11 = await readInput(own('jsonfeed/feed-1.1.json'), noWarnings);
    const v10 = await readInput(own('jsonfeed/feed-1.0.json'), noWarnings);
    expect(v11.articles).toHaveLength(4);
    expect(v11.articles[0]?.language).toMatch(/^de/);
    expect(v11.articles[2]?.language).toBe('en');
    expect(v11.articles[0]?.byline).toEqual(['Jana Muster', 'Ole Beispiel']);
    expect(v10.articles).toHaveLength(3);
    expect(v10.articles[1]?.byline).toEqual(['Kim Guest']);
    expect(v10.articles[0]?.headline).toBe('The Harbour\u2019s New Report');
  });

  it('reads NDJSON in the WordPress importer’s format and names the line of each bad item', async () => {
    const file = join(tmp, 'items.ndjson');
    const sample = readFileSync(own('archive/wordpress-import.ndjson'), 'utf8').split('\n').filter(Boolean);
    writeFileSync(file, [...sample, '{not json', '{"id": "x"}', '[1,2]'].join('\n'));
    const warnings: string[] = [];
    const { articles, skipped } = await readInput(file, (m) => warnings.push(m));
    expect(articles).toHaveLength(3);
    expect(articles[0]).toMatchObject({
      headline: 'Harbour festival returns for a third summer',
      standfirst: 'Stalls line the quay from Friday.',
      category: { name: 'Culture' },
      byline: ['Alex Example'],
      tags: ['festival', 'harbour'],
      datePublished: '2025-02-03T10:00:00.000Z',
    });
    // HTML bodies stay HTML; a list of categories gives its first as the section.
    expect(articles[1]).toMatchObject({ category: { name: 'Local' }, bodyText: expect.stringContaining('Collections move to Tuesdays') as unknown });
    expect(articles[2]).toMatchObject({ id: 'tide-1', image: { url: 'https://img.example.com/gazette/tide.jpg' }, byline: [] });
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

describeWithCorpus(Object.values(SHARED), 'archive inputs: real third-party feeds', () => {
  it('reads RSS 2.0 (Guardian): all 55 items with creators, categories and decoded titles', async () => {
    const { articles, skipped } = await readInput(shared(SHARED.guardian), noWarnings);
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
    const { articles, skipped } = await readInput(shared(SHARED.heise), noWarnings);
    expect(skipped).toBe(0);
    expect(articles.length).toBeGreaterThan(10);
    const first = articles[0];
    expect(first?.url).toMatch(/^https?:\/\/www\.heise\.de\//);
    expect(first?.datePublished).toBeDefined();
    expect(first?.headline.length).toBeGreaterThan(5);
  });

  it('reads JSON Feed 1.1 and 1.0 through the reader’s own parser', async () => {
    const v11 = await readInput(shared(SHARED.jsonFeed11), noWarnings);
    const v10 = await readInput(shared(SHARED.jsonFeed10), noWarnings);
    expect(v11.articles.length).toBeGreaterThan(0);
    expect(v11.articles[0]?.language).toMatch(/^de/);
    expect(v10.articles.length).toBeGreaterThan(0);
    expect(v10.articles.every((a) => a.byline.length > 0)).toBe(true);
  });
});

describe('writeArchive', () => {
  it('writes paged listings, category pages, one file per article and a Pagefind index', async () => {
    const { articles } = await readInput(own('archive/gazette.rss'), noWarnings);
    const out = join(tmp, 'site');
    const stats = await writeArchive([...articles, articles[0]!], { outDir: out, pageSize: 5, title: 'Test archive', quiet: true });
    expect(stats).toMatchObject({ articles: 12, duplicates: 1, listingPages: 3 });

    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Record<string, unknown> & { _archive: { total: number; categories: { slug: string; count: number }[] } };
    expect(manifest._archive.total).toBe(12);
    expect(manifest.next_url).toBe('pages/2.json');
    // The front page is a valid JSON Feed for the reader, without bodies.
    const first = parseJsonFeed(manifest, 'https://cdn.example/archive/manifest.json', { id: 'a', name: 'A' });
    expect(first.articles).toHaveLength(5);
    expect(first.nextUrl).toBe('https://cdn.example/archive/pages/2.json');
    expect(first.articles.every((a) => !a.untrustedBodyHtml)).toBe(true);
    // Newest first across pages, and page 3 ends the chain.
    const last = JSON.parse(readFileSync(join(out, 'pages', '3.json'), 'utf8')) as { next_url?: string; items: unknown[] };
    expect(last.next_url).toBeUndefined();
    expect(last.items).toHaveLength(2);

    // Every article has its own file, with its body.
    const files = readdirSync(join(out, 'articles'));
    expect(files).toHaveLength(12);
    const one = parseJsonFeed(JSON.parse(readFileSync(join(out, 'articles', files[0]!), 'utf8')), 'https://x/', { id: 'a', name: 'A' });
    expect(one.articles[0]?.untrustedBodyHtml?.length).toBeGreaterThan(0);
    expect(`${one.articles[0]?.id}.json`).toBe(files[0]);

    const category = manifest._archive.categories[0]!;
    expect(existsSync(join(out, 'categories', category.slug, '1.json'))).toBe(true);

    // 12 articles fit one search part (the default is 10,000 a part).
    expect(manifest._archive).toMatchObject({ search: { parts: [{ path: 'pagefind/0/', articles: 12 }] } });
    expect(existsSync(join(out, 'pagefind', '0', 'pagefind.js'))).toBe(true);
    expect(existsSync(join(out, 'pagefind', '0', 'pagefind-entry.json'))).toBe(true);
  }, 60_000);

  it('splits the search index into parts of newest articles, with Pagefind’s code in the first only', async () => {
    const { articles } = await readInput(own('archive/gazette.rss'), noWarnings);
    const out = join(tmp, 'parts');
    const stats = await writeArchive(articles, { outDir: out, pageSize: 5, searchPartSize: 5, quiet: true });
    expect(stats.searchParts).toBe(3);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      items: { id: string; date_published: string }[];
      _archive: { search: { parts: { path: string; articles: number; newest?: string; oldest?: string }[] } };
    };
    const parts = manifest._archive.search.parts;
    expect(parts.map((p) => [p.path, p.articles])).toEqual([['pagefind/0/', 5], ['pagefind/1/', 5], ['pagefind/2/', 2]]);
    // Newest first and contiguous in time: each part ends where the next begins, and part 0
    // holds exactly the front page's articles (both are the newest 5).
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.newest! <= parts[i - 1]!.oldest!).toBe(true);
    expect(parts[0]!.newest).toBe(manifest.items[0]!.date_published);
    expect(parts[0]!.oldest).toBe(manifest.items.at(-1)!.date_published);

    for (const [n, part] of parts.entries()) {
      const files = readdirSync(join(out, part.path));
      expect(files, part.path).toContain('pagefind-entry.json');
      expect(files.some((f) => f.endsWith('.pf_meta')), part.path).toBe(true);
      // Pagefind's UIs and worker are never published; its code and WebAssembly once, in part 0.
      expect(files.filter((f) => /^pagefind-(ui|component-ui|modular-ui|highlight|worker)\./.test(f)), part.path).toEqual([]);
      expect(files.includes('pagefind.js'), part.path).toBe(n === 0);
      expect(files.some((f) => f.startsWith('wasm.')), part.path).toBe(n === 0);
      const entry = JSON.parse(readFileSync(join(out, part.path, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
      expect(Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0), part.path).toBe(part.articles);
    }
  }, 60_000);

  it('segments Lao for the index the way the reader segments queries', () => {
    const lao = 'ປະທານປະເທດໄດ້ເດີນທາງໄປຢ້ຽມຢາມແຂວງ';
    const segmented = segmentForIndex(lao);
    expect(segmented.split(' ')).toEqual(['ປະທານ', 'ປະເທດ', 'ໄດ້', 'ເດີນທາງ', 'ໄປ', 'ຢ້ຽມຢາມ', 'ແຂວງ']);
    expect(segmented.replaceAll(' ', '')).toBe(lao);
  });

  it('also indexes a word written with a stray space as the word, and Burmese ၀ typed for ဝ as ဝ', () => {
    const words = segmentForIndex('ການ ດຳ ເນີນ ງານ').split(' ');
    expect(words).toEqual(expect.arrayContaining(['ດໍາ', 'ເນີນ', ...tokenize('ດຳເນີນ')]));
    expect(segmentForIndex('၀န်ကြီး ၂၀၂၄')).toBe(segmentForIndex('ဝန်ကြီး ၂၀၂၄'));
    expect(segmentForIndex('rice harvest')).toBe('rice harvest');
  });
});
