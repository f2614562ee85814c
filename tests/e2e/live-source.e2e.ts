// Live sources on static hosting (no server of ours): a WordPress site (WP_URL, the local
// WordPress of ../shared/tools/wordpress with sample.ndjson and fixtures/wordpress-extra.ndjson
// imported) and a static archive written by `npm run archive` (the Guardian RSS fixture of the
// shared corpora, 55 articles in listing pages of 10).
//
// - Back from a story opened from far down the endless (virtualized) list puts that story where
//   it was on the screen, though rows below the fold are laid out anew from estimates.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import type { Page } from '@playwright/test';
import { CORPORA_DIR, missing, test, type Session } from './fixtures.ts';
import { note, poll, settledScrollY, stepper, waitForPage } from './support.ts';
import { ROOT } from './server.mjs';

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
    await page.locator(`main article h2 a[href="${story.href}"]`).click();
    await waitForPage(page);
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
