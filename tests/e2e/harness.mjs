// Browser sessions for the e2e tests: Chromium, the two viewports, error collection, screenshots,
// soft checks and the page-frame (shell) assertions shared by every page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChromium } from './env.mjs';
import { ensureBuild, SCREENSHOT_DIR, startPreview } from './server.mjs';
import { expectNoAxeViolations } from './axe.mjs';

export { SCREENSHOT_DIR };

export const VIEWPORTS = {
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  desktop: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
};

/**
 * Console errors that are not the app's fault. Each entry: a pattern and why it is benign.
 * Keep this list short; everything else logged as an error fails the test.
 */
export const BENIGN_CONSOLE = [
  // (none so far)
];

/**
 * The app under test: E2E_BASE_URL when run through tests/e2e/run.mjs; otherwise (a test file
 * run on its own with `node --test tests/e2e/x.e2e.mjs`) build if stale and serve dist/ here.
 */
export function useApp() {
  const app = { baseUrl: process.env.E2E_BASE_URL ?? '', browser: null };
  let server = null;
  before(async () => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium found; set CHROME_PATH');
    if (!app.baseUrl) {
      ensureBuild({ force: process.env.E2E_BUILD === '1' });
      server = await startPreview();
      app.baseUrl = server.url;
    }
    // launch() starts from a fresh temporary profile every time, and every context is empty too.
    app.browser = await chromium.launch({ executablePath, headless: true, args: CHROME_ARGS });
  });
  after(async () => {
    await app.browser?.close();
    await server?.close();
  });
  return app;
}

/**
 * A new empty browser context with one page, at the given viewport, recording console errors and CSP violations.
 * `contextOptions` go to newContext as they are (e.g. `{ serviceWorkers: 'block' }` so that
 * page.route sees every request of the page).
 */
export async function openSession(app, viewportName, contextOptions = {}) {
  const context = await app.browser.newContext({
    ...VIEWPORTS[viewportName],
    baseURL: app.baseUrl,
    locale: 'en-US',
    timezoneId: 'Asia/Vientiane',
    reducedMotion: 'reduce',
    ...contextOptions,
  });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(20_000);
  const errors = [];
  const violations = [];
  // The server sends the production CSP with Trusted Types (server.mjs): every violation, on any
  // page of any test, is reported here as well as in the console, and fails the test.
  await context.exposeBinding('__reportCspViolation', ({ page: from }, v) => {
    violations.push({ ...v, url: from.url() });
    errors.push(`CSP violation on ${from.url()}: ${v.directive} blocked ${v.blocked || '(inline)'}${v.sample ? ` sample "${v.sample}"` : ''} at ${v.source}:${v.line}`);
  });
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        window.__reportCspViolation?.({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber, disposition: e.disposition });
      },
      true,
    );
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (BENIGN_CONSOLE.some((b) => b.pattern.test(text))) return;
    const loc = msg.location();
    errors.push(`console.error on ${page.url()}: ${text}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror on ${page.url()}: ${err.stack ?? err.message}`));
  return { context, page, errors, violations, viewport: viewportName };
}

/** Soft assertions: collect every failed check of a step and report them together. */
export class Checks {
  constructor() {
    this.failures = [];
  }
  ok(cond, message) {
    if (!cond) this.failures.push(message);
    return Boolean(cond);
  }
  equal(actual, expected, message) {
    return this.ok(actual === expected, `${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
  /** Run an async check; its exception becomes a recorded failure instead of ending the step. */
  async soft(label, fn) {
    try {
      return await fn();
    } catch (e) {
      this.failures.push(`${label}: ${e.message}`);
      return undefined;
    }
  }
  async axe(page, label) {
    await this.soft('accessibility', () => expectNoAxeViolations(page, label));
  }
}

export class SoftFailures extends Error {
  constructor(step, failures) {
    super(`${failures.length} check(s) failed in "${step}":\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`);
    this.name = 'SoftFailures';
    this.stack = `${this.name}: ${this.message}`; // the list is the report; a stack adds nothing
  }
}

/**
 * Steps of a journey as subtests. A step whose checks fail is reported and the journey goes on;
 * a step that throws (page did not load, element missing) breaks the chain, and the later steps
 * that depend on it are skipped rather than failing for the same reason.
 */
export function stepper(t) {
  let broken = null;
  return (name, fn, { independent = false } = {}) =>
    t.test(name, async (st) => {
      if (broken && !independent) {
        st.skip(`depends on the failed step "${broken}"`);
        return;
      }
      const checks = new Checks();
      try {
        await fn(checks);
      } catch (e) {
        broken = name;
        if (checks.failures.length) e.message += `\n(also failed before that:\n${checks.failures.map((f) => `  ✗ ${f}`).join('\n')})`;
        throw e;
      }
      if (checks.failures.length) throw new SoftFailures(name, checks.failures);
    });
}

/** Poll `fn` until `accept(value)` or the timeout; returns the last value either way. */
export async function poll(fn, accept = Boolean, { timeout = 5000, interval = 100 } = {}) {
  const end = Date.now() + timeout;
  let value = await fn();
  while (!accept(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, interval));
    value = await fn();
  }
  return value;
}

/**
 * The scroll position once it has stopped changing (two reads 300 ms apart agree, at most
 * `timeout`): a restore that is later pushed away by content shifting must not pass.
 */
export async function settledScrollY(page, { timeout = 4000 } = {}) {
  const end = Date.now() + timeout;
  let last = await page.evaluate(() => window.scrollY);
  while (Date.now() < end) {
    await page.waitForTimeout(300);
    const now = await page.evaluate(() => window.scrollY);
    if (now === last) return now;
    last = now;
  }
  return last;
}

export const norm = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();

/**
 * Wait until the route has rendered: an h1 in main (with the expected text, when given), no
 * loading skeletons, the network quiet and web fonts ready. Throws when the h1 never shows.
 */
export async function waitForPage(page, { h1 } = {}) {
  const heading = page.locator('main h1').first();
  try {
    await heading.waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    const bodyText = norm(await page.locator('body').innerText().catch(() => '')).slice(0, 300);
    throw new Error(`No <main> h1 appeared on ${page.url()} within 15 s. Page text: "${bodyText}"`);
  }
  if (h1 !== undefined) {
    const match = typeof h1 === 'string' ? (t) => t === h1 : (t) => h1.test(t);
    const text = await poll(async () => norm(await heading.textContent()), match, { timeout: 10_000 });
    if (!match(text)) throw new Error(`h1 on ${page.url()}: expected ${h1 instanceof RegExp ? h1 : JSON.stringify(h1)}, got "${text}"`);
  }
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
  await poll(() => page.locator('.skeleton:visible, [aria-busy="true"]').count(), (n) => n === 0, { timeout: 5000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Full-page screenshot; puts the scroll position back (a full-page capture can move it). */
export async function screenshot(session, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const { page } = session;
  const y = await page.evaluate(() => window.scrollY);
  // A full-page capture does not scroll, so lazy images below the fold would show as alt text.
  await page.evaluate(async () => {
    const lazy = [...document.querySelectorAll('img[loading="lazy"]')];
    for (const img of lazy) img.loading = 'eager';
    const done = (img) => img.complete || new Promise((r) => ['load', 'error'].forEach((e) => img.addEventListener(e, r, { once: true })));
    await Promise.race([Promise.all(lazy.map(done)), new Promise((r) => setTimeout(r, 3000))]);
  });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${session.viewport}-${name}.png`), fullPage: true, animations: 'disabled' });
  if ((await page.evaluate(() => window.scrollY)) !== y) {
    await page.evaluate((v) => window.scrollTo(0, v), y);
    await page.waitForTimeout(100);
  }
}

export function pathOf(page) {
  const u = new URL(page.url());
  return u.pathname + u.search;
}

/** `/articles/<id>/<slug>` → id (decoded), or null. */
export function articleIdFromHref(href) {
  const m = /^\/articles\/([^/?#]+)(?:\/[^/?#]*)?$/.exec(new URL(href, 'http://x').pathname);
  return m ? decodeURIComponent(m[1]) : null;
}

/** The search input in a scope: a searchbox, a combobox (with suggestions) or a textbox. */
export function searchInput(scope, name = 'Search articles') {
  return scope
    .getByRole('searchbox', { name, exact: true })
    .or(scope.getByRole('combobox', { name, exact: true }))
    .or(scope.getByRole('textbox', { name, exact: true }));
}

/**
 * The frame every route shares: skip link, header (home link with the site name, Search button),
 * the Sections nav, main#main with one h1, Recent News (≤ N links, never the open article), footer.
 */
export async function checkShell(page, c, { config, currentArticleId = null, where }) {
  const at = `[${where}]`;
  const skip = page.getByRole('link', { name: 'Skip to main content', exact: true });
  if (c.ok((await skip.count()) >= 1, `${at} no "Skip to main content" link`)) {
    c.equal(await skip.first().getAttribute('href'), '#main', `${at} skip link href`);
  }

  const banner = page.getByRole('banner');
  if (c.equal(await banner.count(), 1, `${at} number of page <header> (banner) landmarks`)) {
    const homeLinks = banner.locator('a[href="/"]');
    const homeTexts = await homeLinks.allInnerTexts();
    c.ok(
      homeTexts.some((t) => norm(t).includes(config.siteName)),
      `${at} header has no link to "/" showing the site name "${config.siteName}" (links to "/": ${JSON.stringify(homeTexts)})`,
    );
    const searchButton = banner.getByRole('button', { name: 'Search', exact: true });
    if (c.equal(await searchButton.count(), 1, `${at} header buttons named "Search"`)) {
      c.equal(await searchButton.getAttribute('aria-haspopup'), 'dialog', `${at} Search button aria-haspopup`);
    }
  }

  const sections = page.getByRole('navigation', { name: 'Sections', exact: true });
  if (c.ok((await sections.count()) >= 1, `${at} no navigation landmark named "Sections"`)) {
    const n = await sections.first().locator('a[href^="/category/"]').count();
    c.ok(n >= 1, `${at} the Sections nav has no /category/<slug> links`);
  }

  c.equal(await page.locator('main').count(), 1, `${at} number of <main> elements`);
  c.equal(await page.locator('main').first().getAttribute('id'), 'main', `${at} <main> id`);
  c.equal(await page.locator('main h1').count(), 1, `${at} number of h1 in main`);
  c.equal(await page.locator('h1:visible').count(), 1, `${at} number of visible h1 on the page`);

  const aside = page.getByRole('complementary', { name: 'Recent News', exact: true });
  if (c.equal(await aside.count(), 1, `${at} asides (complementary) named "Recent News"`)) {
    c.equal(
      await aside.getByRole('heading', { level: 2, name: 'Recent News', exact: true }).count(),
      1,
      `${at} h2 "Recent News" in the aside`,
    );
    const hrefs = await aside.locator('a[href^="/articles/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const max = config.recentNewsCount ?? 6;
    c.ok(hrefs.length >= 1 && hrefs.length <= max, `${at} Recent News has ${hrefs.length} article links (expected 1…${max})`);
    if (currentArticleId) {
      c.ok(
        !hrefs.some((h) => articleIdFromHref(h) === currentArticleId),
        `${at} Recent News links to the article being read (${currentArticleId})`,
      );
    }
  }

  const footer = page.getByRole('contentinfo');
  if (c.ok((await footer.count()) >= 1, `${at} no <footer> (contentinfo) landmark`)) {
    const text = norm(await footer.first().innerText());
    c.ok(
      !config.attribution || text.includes(norm(config.attribution)),
      `${at} footer does not show the attribution "${config.attribution}" (footer text: "${text.slice(0, 200)}")`,
    );
  }
}
