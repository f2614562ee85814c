// Live sources on static hosting (no server of ours): a WordPress site (WP_URL, the local
// WordPress of ../shared/tools/wordpress with sample.ndjson and fixtures/wordpress-extra.ndjson
// imported) and a static archive written by `npm run archive` (the Guardian RSS fixture of the
// shared corpora, 55 articles in listing pages of 10).
//
// - Back from a story opened from far down the endless (virtualized) list puts that story where
//   it was on the screen, though rows below the fold are laid out anew from estimates.
// - The service worker keeps a WordPress source's data (the REST API, cross-origin) for reading
//   offline, and its first-visit warm-up fetches the posts the list reads, not the site's home page.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import type { Page } from '@playwright/test';
import { CORPORA_DIR, missing, test, type Session } from './fixtures.ts';
import { norm, note, poll, settledScrollY, stepper, waitForPage } from './support.ts';
import { DIST, ROOT, freePort, previewHeaders } from './server.mjs';

/** The fixture posts' external pictures point at images.example.com, which does not resolve. */
const EXTERNAL_IMAGES = { pattern: /images\.example\.com|ERR_NAME_NOT_RESOLVED/, why: "the fixture posts' external images do not resolve" };
/** Posts a page: small, so the endless list pages often on the way down. */
const PER_PAGE = 5;
const wordpressConfig = (url: string, perPage = PER_PAGE) =>
  JSON.stringify({
    siteName: 'Exampleton Gazette',
    sources: [{ id: 'wp', name: 'Exampleton Gazette', type: 'wordpress', url, perPage, maxPages: 1 }],
    pageSize: perPage,
    recentNewsCount: 3,
  });
/**
 * For the tests with the service worker: a first page that fills the screen, so the list asks for
 * the second only when the reader scrolls (by then the worker is in control and keeps it).
 */
const OFFLINE_PER_PAGE = 10;
/**
 * dist/ is built with the sample feed in public/config.json, so its pages preload that feed,
 * which a configuration naming WordPress never reads: offline, that preload fails
 * (docs/sources.md: build with your own sources in public/config.json).
 */
const SAMPLE_FEED_PRELOAD = { pattern: /Failed to load resource: net::ERR_FAILED \(http:\/\/127\.0\.0\.1:\d+\/data\/feed\.json/, why: "offline, the build's preload of its sample feed (not this configuration's source)" };

/**
 * Scroll down like a reader, a screen at a time (the endless list loads its next pages on the
 * way), until `distance` px or the end of the list.
 */
async function scrollDown(page: Page, distance: number) {
  for (let still = 0; still < 2; ) {
    const before = await page.evaluate(() => window.scrollY);
    if (before >= distance) return;
    await page.evaluate(() => window.scrollBy(0, innerHeight));
    await page.waitForTimeout(150);
    await poll(() => page.locator('main [aria-busy="true"]').count(), (n) => n === 0, { timeout: 10_000 });
    still = (await page.evaluate(() => window.scrollY)) === before ? still + 1 : 0;
  }
}

/** Where a story's card is on the screen (its top, px from the viewport's top), or null when it is not in the page. */
const cardTop = (page: Page, href: string) =>
  page.evaluate((h) => {
    const link = [...document.querySelectorAll('main article h2 a')].find((a) => a.getAttribute('href') === h);
    return link ? Math.round(link.closest('article')!.getBoundingClientRect().top) : null;
  }, href);

/** How far down the reported list was read (1280×900: scrollY 9,202). */
const FAR = 9000;

/**
 * Scroll about 9,000 px down the home list (three quarters of it when it is shorter), open the
 * story at the top of the screen, come back with Back: the story's card must be where it was on
 * the screen.
 */
async function backToTheStory(session: Session) {
  const { page } = session;
  const step = stepper();
  await step('Back puts the story the reader opened where it was on the screen', async (c) => {
    await page.goto('/');
    await waitForPage(page, { h1: 'Latest news' });
    await scrollDown(page, FAR);
    const maxScroll = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
    if (maxScroll < FAR) await page.evaluate((y) => window.scrollTo(0, y), Math.round(maxScroll * 0.75));
    await page.waitForTimeout(300);
    // The first story whose headline is wholly on screen: a click does not scroll the page first.
    const story = await page.evaluate(() => {
      for (const a of document.querySelectorAll('main article h2 a')) {
        const r = a.getBoundingClientRect();
        if (r.top >= 0 && r.bottom <= innerHeight && r.height > 0) return { href: a.getAttribute('href')!, top: Math.round(a.closest('article')!.getBoundingClientRect().top) };
      }
      return null;
    });
    if (!story) throw new Error('no story headline wholly on screen');
    const yBefore = await page.evaluate(() => window.scrollY);
    const link = page.locator(`main article h2 a[href="${story.href}"]`);
    const headline = norm(await link.innerText());
    await link.click();
    // The story's own headline: the URL changes before the article commits (a transition).
    await waitForPage(page, { h1: headline });
    await page.goBack();
    await page.waitForURL((u) => u.pathname === '/');
    await waitForPage(page, { h1: 'Latest news' });
    const yAfter = await settledScrollY(page);
    const top = await cardTop(page, story.href);
    note(`${session.viewport}: ${story.href} at ${story.top}px (scrollY ${yBefore}); after Back ${top === null ? 'not in the page' : `${top}px`} (scrollY ${yAfter})`);
    c.ok(top !== null, `after Back the story ${story.href} is not in the page (it was at ${story.top}px, scrollY ${yBefore}; now scrollY ${yAfter})`);
    if (top !== null) c.ok(Math.abs(top - story.top) <= 2, `after Back the story is at ${top}px on the screen, it was at ${story.top}px (scrollY ${yBefore} → ${yAfter})`);
  });
}

test('Back on the endless list of a WordPress source returns to the story, at its place on the screen', async ({ openSession, wpURL }) => {
  test.setTimeout(240_000);
  const session = await openSession({ contextOptions: { serviceWorkers: 'block' }, expectedErrors: [EXTERNAL_IMAGES] });
  await session.context.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: wordpressConfig(wpURL) }));
  await backToTheStory(session);
});

const ARCHIVE = '/e2e-live-archive/';
const GUARDIAN_RSS = join(CORPORA_DIR, 'fixtures/rss/guardian.rss');

test('Back on the endless list of an archive returns to the story, at its place on the screen', async ({ openSession }) => {
  test.setTimeout(240_000);
  if (!existsSync(GUARDIAN_RSS)) missing(`archive: ${GUARDIAN_RSS} does not exist`, 'set CORPORA_DIR to the shared data folder; by default <repo>/../shared/data');
  const dir = mkdtempSync(join(tmpdir(), 'e2e-live-archive-'));
  try {
    const r = spawnSync('npx', ['tsx', 'tools/archive/archive.ts', '--quiet', '--out', dir, '--page-size', '10', '--title', 'Guardian archive', GUARDIAN_RSS], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm run archive failed: ${r.stderr}`);
    const session = await openSession({ contextOptions: { serviceWorkers: 'block' } });
    const { context } = session;
    const config = { siteName: 'Guardian archive', sources: [{ id: 'guardian', name: 'The Guardian archive', type: 'archive', url: `${ARCHIVE}manifest.json` }], pageSize: 10, recentNewsCount: 3 };
    await context.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }));
    // The Guardian's pictures: a stand-in, since the tests have no Internet.
    await context.route('https://i.guim.co.uk/**', (route) =>
      route.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="140" height="84"><rect width="140" height="84" fill="#ccc"/></svg>' }),
    );
    await context.route(`**${ARCHIVE}**`, (route) => {
      const path = normalize(decodeURIComponent(new URL(route.request().url()).pathname.slice(ARCHIVE.length)));
      const file = join(dir, path);
      if (!file.startsWith(dir + sep) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ body: readFileSync(file), contentType: extname(path) === '.json' ? 'application/json' : 'application/octet-stream' });
    });
    await backToTheStory(session);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.webp': 'image/webp', '.txt': 'text/plain' };

/**
 * dist/ on a static host of its own, with the production headers and `config` as config.json:
 * the service worker's requests do not pass through page.route (decision 023), so the test
 * cannot hand the configuration to the page any other way.
 */
async function staticHost(config: string) {
  const port: number = await freePort();
  const headers = previewHeaders(port);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url!, 'http://x') /* always set on a server's requests */.pathname);
    let file = normalize(join(DIST, path));
    if (!file.startsWith(DIST + sep) && file !== DIST) return res.writeHead(403).end();
    if (path === '/config.json') return res.writeHead(200, { ...headers, 'content-type': TYPES['.json'], 'cache-control': 'no-cache' }).end(config);
    if (existsSync(join(file, 'index.html'))) file = join(file, 'index.html');
    else if (!existsSync(file) || !extname(file)) {
      if (extname(path)) return res.writeHead(404, headers).end('not found');
      file = join(DIST, 'shell.html');
    }
    res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Wait until a service worker controls the page (clientsClaim on first install). */
async function waitForController(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  const ok = await poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), Boolean, { timeout: 10_000 });
  if (!ok) throw new Error('no service worker took control of the page');
}

/** The URLs in the worker's data cache. */
const cachedData = (page: Page) =>
  page.evaluate(async () => (await (await caches.open('news-data')).keys()).map((r) => r.url));

/** The REST API request of the list's first page, as the WordPress adapter makes it. */
const firstPostsPage = (wpURL: string) => `${wpURL}/wp-json/wp/v2/posts?_embed=1&per_page=${OFFLINE_PER_PAGE}&page=1`;

test('a WordPress source offline: the list and the stories read before', async ({ openSession, wpURL }) => {
  test.setTimeout(240_000);
  const host = await staticHost(wordpressConfig(wpURL, OFFLINE_PER_PAGE));
  try {
    const session = await openSession({
      baseURL: host.url,
      expectedErrors: [
        EXTERNAL_IMAGES,
        SAMPLE_FEED_PRELOAD,
        // A picture on another origin is an opaque response, which the worker never keeps.
        { pattern: /Failed to load resource: net::ERR_(FAILED|INTERNET_DISCONNECTED) \(http:\/\/127\.0\.0\.1:8080\/wp-content\//, why: "offline, the WordPress site's pictures cannot load" },
      ],
    });
    const { page, context } = session;
    const step = stepper();
    const read: { href: string; title: string }[] = [];
    const open = async (link: ReturnType<Page['locator']>) => {
      const href = (await link.getAttribute('href'))!;
      const title = (await link.textContent())!.trim();
      await link.click();
      await waitForPage(page, { h1: title });
      read.push({ href, title });
    };

    await step('first visit: the worker takes control; a story of the first page and one of the second are read', async (c) => {
      await page.goto('/');
      await waitForPage(page, { h1: 'Latest news' });
      await waitForController(page);
      await open(page.locator('main article h2 a').first());
      c.ok((await page.locator('.article-body p').count()) > 0, 'the first story has no body online');
      await page.goBack();
      await waitForPage(page, { h1: 'Latest news' });
      // The endless list's next page, and a story on it (fetched on its own: include=ID).
      const onPage2 = page.locator(`main ol > li[data-index="${OFFLINE_PER_PAGE + 1}"] article h2 a`);
      await scrollDown(page, 1500);
      for (let i = 0; i < 20 && (await onPage2.count()) === 0; i++) await page.evaluate(() => window.scrollBy(0, innerHeight / 2));
      await open(onPage2);
      c.ok((await page.locator('.article-body p').count()) > 0, 'the second story has no body online');
      // Asked for after the worker took control: its data route keeps them (REST API URLs, another origin).
      const secondPage = `${wpURL}/wp-json/wp/v2/posts?_embed=1&per_page=${OFFLINE_PER_PAGE}&page=2`;
      const kept = (urls: string[]) => urls.includes(secondPage) && urls.some((u) => u.startsWith(`${wpURL}/wp-json/wp/v2/posts?_embed=1&include=`));
      const cached = await poll(() => cachedData(page), kept, { timeout: 10_000 });
      note(`${session.viewport}: data cache after reading: ${cached.map((u) => u.replace(wpURL, 'WP')).join(' ')}`);
      c.ok(kept(cached), `the list's second page and the story fetched on its own are not in the data cache: ${JSON.stringify(cached)}`);
    });

    await step('offline, reload: home shows the WordPress list, with the offline notice', async (c) => {
      await context.setOffline(true);
      await page.goto('/');
      await waitForPage(page, { h1: 'Latest news' });
      const headlines = await page.locator('main article h2').count();
      c.ok(headlines >= 3, `the home page lists ${headlines} stories offline`);
      c.ok(await page.getByText('Offline: showing saved articles').isVisible(), 'no "Offline: showing saved articles" notice');
      c.equal(await page.locator('main').getByRole('button', { name: /try again|retry/i }).count(), 0, 'an error with a Retry button instead of the list');
    });

    await step('offline: the stories read before open with their bodies', async (c) => {
      for (const story of read) {
        await page.goto(story.href);
        await waitForPage(page, { h1: story.title });
        c.ok((await page.locator('.article-body p').count()) > 0, `${story.href}: no body offline`);
      }
    });
    await context.setOffline(false);
    await session.close(); // its end-of-test checks revisit the pages: the host must still serve them
  } finally {
    await host.close();
  }
});

test("first visit with a WordPress source: the warm-up keeps the posts the list reads, and asks for nothing else", async ({ openSession, wpURL }) => {
  const host = await staticHost(wordpressConfig(wpURL, OFFLINE_PER_PAGE));
  try {
    // Any console error fails the test (fixtures.ts): fetching the site's home page from the
    // page is a CORS error.
    const session = await openSession({ baseURL: host.url, expectedErrors: [EXTERNAL_IMAGES] });
    const { page } = session;
    const step = stepper();
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(wpURL)) asked.push(r.url());
    });
    await step('the posts of the first page are in the worker\'s data cache; the site\'s home page was never asked for', async (c) => {
      await page.goto('/');
      await waitForPage(page, { h1: 'Latest news' });
      await waitForController(page);
      const cached = await poll(() => cachedData(page), (urls) => urls.includes(firstPostsPage(wpURL)), { timeout: 10_000 });
      c.ok(cached.includes(firstPostsPage(wpURL)), `${firstPostsPage(wpURL)} is not in the data cache: ${JSON.stringify(cached)}`);
      await page.waitForLoadState('networkidle');
      const pages = asked.filter((u) => !u.startsWith(`${wpURL}/wp-json/`) && !u.startsWith(`${wpURL}/wp-content/`));
      c.equal(JSON.stringify(pages), '[]', 'requests to the WordPress site other than its REST API and pictures');
    });
    await session.close(); // its end-of-test checks revisit the pages: the host must still serve them
  } finally {
    await host.close();
  }
});
