// The reader on a static archive written by `npm run archive`, searched with Pagefind in real
// Chromium. The archive is the Guardian RSS fixture (55 articles) with search parts of 20, so
// its index has three Pagefind bundles, newest first; listing pages are 20 long too, so part N
// holds exactly the articles of listing page N+1, which lets the test check which part each
// result came from. A search covers the newest part until the reader asks for older ones, and
// downloads only the parts it searches.
//
// The archive is served by page.route from a temporary folder. The page keeps the production
// CSP with Trusted Types, plus 'wasm-unsafe-eval': what an operator with an archive source
// turns on (CSP_ALLOW_WASM=1), since Pagefind is WebAssembly.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import assert from 'node:assert/strict';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './a11y.ts';
import { CORPORA_DIR, missing, test, type Session } from './fixtures.ts';
import { articleIdFromHref, norm, poll, screenshot, searchInput, stepper, waitForPage } from './support.ts';
import { ROOT, previewHeaders } from './server.mjs';

const PART = 20;
const ARCHIVE = '/e2e-archive/';
const GUARDIAN_RSS = join(CORPORA_DIR, 'fixtures/rss/guardian.rss');
let dir = '';
const config = JSON.stringify({
  siteName: 'Guardian archive',
  sources: [{ id: 'guardian', name: 'The Guardian archive', type: 'archive', url: `${ARCHIVE}manifest.json` }],
  pageSize: 10,
  recentNewsCount: 3,
});
/** A listing page of the archive (a JSON Feed), as far as the test reads it. */
interface ArchivePage {
  items: { id: string; title: string }[];
}
/** manifest.json: listing page 1 and the archive's description (src/sources/archive.ts). */
interface ArchiveManifestFile extends ArchivePage {
  _archive: { search: { parts: { articles: number }[] } };
}
const read = <T extends ArchivePage = ArchivePage>(path: string): T => JSON.parse(readFileSync(join(dir, path), 'utf8'));
/** Article ids of search part N: listing page N+1 (looked up with result ids, which may be null). */
let parts: ReadonlySet<string | null>[] = [];
let manifest: ArchiveManifestFile;
let query: string;

test.beforeAll(() => {
  if (!existsSync(GUARDIAN_RSS)) missing(`archive search: ${GUARDIAN_RSS} does not exist`, 'set CORPORA_DIR to the shared data folder; by default <repo>/../shared/data');
  dir = mkdtempSync(join(tmpdir(), 'e2e-archive-'));
  const r = spawnSync(
    'npx',
    ['tsx', 'tools/archive/archive.ts', '--quiet', '--out', dir, '--page-size', String(PART), '--search-part-size', String(PART), '--title', 'Guardian archive', GUARDIAN_RSS],
    { cwd: ROOT, encoding: 'utf8' },
  );
  assert.equal(r.status, 0, `npm run archive failed: ${r.stderr}`);
  manifest = read<ArchiveManifestFile>('manifest.json');
  parts = [manifest.items, read('pages/2.json').items, read('pages/3.json').items].map((items) => new Set(items.map((i) => i.id)));
  assert.deepEqual(manifest._archive.search.parts.map((p) => p.articles), [20, 20, 15], 'three search parts of at most 20');
  // A word in headlines of every part, so each deeper search finds more.
  const words = (items: { title: string }[]) => new Set(items.flatMap((i) => i.title.toLowerCase().match(/\p{L}{5,}/gu) ?? []));
  const [w0, w1, w2] = [manifest.items, read('pages/2.json').items, read('pages/3.json').items].map(words);
  const shared = [...w0].find((w) => w1.has(w) && w2.has(w));
  assert.ok(shared, 'a headline word shared by all three parts');
  query = shared;
});
test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const TYPES: Record<string, string> = { '.json': 'application/json', '.js': 'text/javascript' };

/** Serve the archive from its folder, record what was fetched, and allow WebAssembly on documents. */
async function serve(session: Session, appURL: string) {
  // On the context, so that the end-of-test axe pass sees the pages as the test did.
  const page = session.context;
  const fetched: string[] = [];
  const port = new URL(appURL).port;
  const strict = previewHeaders(port)['Content-Security-Policy'];
  const withWasm = previewHeaders(port, { CSP_ALLOW_WASM: '1' })['Content-Security-Policy'];
  // The Guardian's pictures: a stand-in, since the tests have no Internet.
  await page.route('https://i.guim.co.uk/**', (route) =>
    route.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="140" height="84"><rect width="140" height="84" fill="#ccc"/></svg>' }),
  );
  await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: config }));
  await page.route(`**${ARCHIVE}**`, (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname.slice(ARCHIVE.length));
    fetched.push(path);
    try {
      const body = readFileSync(join(dir, normalize(path)));
      return route.fulfill({ body, contentType: TYPES[extname(path)] ?? 'application/octet-stream' });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  });
  await page.route(
    (url) => url.origin === appURL && !extname(url.pathname),
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      const headers = response.headers();
      assert.equal(headers['content-security-policy'], strict, 'the server sends the production CSP');
      await route.fulfill({ response, headers: { ...headers, 'content-security-policy': withWasm } });
    },
  );
  return fetched;
}

const resultIds = async (page: Page) =>
  (await page.locator('main ol h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).map(articleIdFromHref);
const statusText = (page: Page) => page.locator('main p[role="status"]');
const count = async (page: Page) => Number(/^(\d+) results?$/.exec(norm(await statusText(page).textContent()))?.[1] ?? NaN);
const partsFetched = (fetched: string[]) => [...new Set(fetched.flatMap((p) => /^pagefind\/(\d+)\//.exec(p)?.[1] ?? []))].sort();

test('archive search in parts, newest first', async ({ openSession, appURL }) => {
  test.setTimeout(120_000);
  const session = await openSession({ contextOptions: { serviceWorkers: 'block' } });
  const { page } = session;
  const step = stepper();
  const fetched = await serve(session, appURL);
  const scope = page.locator('main p', { hasText: /^Searched the newest|^Searching all of/ });

  await step('searches the newest part only, and says how far back it looked', async () => {
    await page.goto(`/search?q=${encodeURIComponent(query)}`);
    await waitForPage(page, { h1: `Results for “${query}”` });
    await statusText(page).filter({ hasText: /results?$/ }).waitFor();
    const ids = await resultIds(page);
    assert.ok(ids.length > 0, `"${query}" finds articles in the newest part`);
    for (const id of ids) assert.ok(parts[0].has(id), `result ${id} is in the newest part`);
    // At least every article of the newest part with the word in its headline (others may
    // have it in their text only).
    const word = new RegExp(`(^|[^\\p{L}])${query}($|[^\\p{L}])`, 'u');
    const titled = manifest.items.filter((i) => word.test(i.title.toLowerCase()));
    assert.ok(titled.length > 0, `"${query}" is a headline word of the newest part`);
    assert.ok((await count(page)) >= titled.length, `at least the ${titled.length} newest articles with "${query}" in their headline`);
    assert.match(norm(await scope.textContent()), /^Searched the newest 20 of 55 articles in The Guardian archive, back to [\w ,]+ \d{4}\. Also search 20 older articles, back to [\w ,]+ \d{4}$/);
    assert.deepEqual(partsFetched(fetched), ['0'], `only part 0 was downloaded: ${fetched.join(', ')}`);
    assert.ok(!fetched.some((p) => /pagefind-(worker|ui)/.test(p)), 'no Pagefind worker or UI files');
    await expectNoAxeViolations(page, 'archive search, newest part');
    await screenshot(session, 'archive-search');
  });

  let depth1: number;
  await step('"Also search older articles" adds one part at a time, in the URL', async () => {
    depth1 = await count(page);
    await page.getByRole('link', { name: /^Also search 20 older articles/ }).click();
    await poll(() => new URL(page.url()).searchParams.get('older'), (v) => v === '1');
    await poll(() => partsFetched(fetched).join(), (v) => v === '0,1');
    await scope.filter({ hasText: 'Searched the newest 40 of 55' }).waitFor();
    const depth2 = await count(page);
    assert.ok(depth2 > depth1, `two parts find more than one (${depth2} vs ${depth1})`);
    for (const id of await resultIds(page)) assert.ok(parts[0].has(id) || parts[1].has(id), `result ${id} is in the newest two parts`);

    await page.getByRole('link', { name: /^Also search 15 older articles/ }).click();
    await scope.filter({ hasText: 'Searching all of The Guardian archive' }).waitFor();
    assert.deepEqual(partsFetched(fetched), ['0', '1', '2']);
    assert.ok((await count(page)) > depth2, 'all three parts find more than two');
    assert.equal(await page.getByRole('link', { name: /^Also search/ }).count(), 0, 'nothing older to offer');
    await expectNoAxeViolations(page, 'archive search, whole archive');
  });

  await step('back to the newest part: the count as before, and a new query keeps to that part', async () => {
    await page.goBack();
    await page.goBack();
    await poll(() => new URL(page.url()).searchParams.get('older'), (v) => v === null);
    await scope.filter({ hasText: 'Searched the newest 20 of 55' }).waitFor();
    assert.equal(await count(page), depth1);
    // A new query at this depth keeps to the newest part though three are merged now.
    await searchInput(page).fill(`${query} `);
    await searchInput(page).press('Enter');
    await statusText(page).filter({ hasText: /results?$/ }).waitFor();
    await page.waitForLoadState('networkidle');
    for (const id of await resultIds(page)) assert.ok(parts[0].has(id), `result ${id} is in the newest part`);
  });

  await step('a result opens from its own file', async () => {
    const first = page.locator('main ol h2 a').first();
    const id = articleIdFromHref(await first.getAttribute('href'));
    const headline = norm(await first.innerText());
    await first.click();
    // Its own headline, not the results page's h1, which stays on screen until the article commits.
    await waitForPage(page, { h1: headline });
    assert.ok(fetched.includes(`articles/${id}.json`), `articles/${id}.json fetched`);
    await expectNoAxeViolations(page, 'archive article');
  });
});
