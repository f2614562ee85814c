// Helpers shared by the browser tests: soft checks and journey steps on top of Playwright Test's
// test.step, polling, waiting for a route to render, screenshots and the page-frame (shell) checks.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SCREENSHOT_DIR } from './server.mjs';
import { expectNoAxeViolations } from './a11y.ts';

export { SCREENSHOT_DIR };

export type ViewportName = 'phone' | 'desktop';

/** public/config.json, as far as the tests read it. */
export interface AppConfig {
  siteName: string;
  sources: { id: string; name: string; url: string; type?: string }[];
  pageSize?: number;
  recentNewsCount?: number;
  attribution?: string;
  [key: string]: unknown;
}

export const VIEWPORTS = {
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  desktop: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
} as const;

/** Soft assertions: collect every failed check of a step and report them together. */
export class Checks {
  failures: string[] = [];
  ok(cond: unknown, message: string): boolean {
    if (!cond) this.failures.push(message);
    return Boolean(cond);
  }
  equal(actual: unknown, expected: unknown, message: string): boolean {
    return this.ok(actual === expected, `${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
  /** Run an async check; its exception becomes a recorded failure instead of ending the step. */
  async soft<T>(label: string, fn: () => Promise<T> | T): Promise<T | undefined> {
    try {
      return await fn();
    } catch (e) {
      this.failures.push(`${label}: ${(e as Error).message}`);
      return undefined;
    }
  }
  async axe(page: Page, label: string): Promise<void> {
    await this.soft('accessibility', () => expectNoAxeViolations(page, label));
  }
}

type StepFn = (c: Checks) => Promise<unknown> | unknown;

/**
 * Steps of a journey, each a test.step. A step's checks are all made and reported together
 * (a soft failure: the journey goes on); a step that throws (page did not load, element missing)
 * breaks the chain, and the later steps that depend on it are skipped (an annotation says so)
 * rather than failing for the same reason; `independent` steps run anyway.
 */
export function stepper() {
  let broken: string | null = null;
  return async (name: string, fn: StepFn, { independent = false } = {}): Promise<void> => {
    if (broken && !independent) {
      test.info().annotations.push({ type: 'skipped step', description: `"${name}" depends on the failed step "${broken}"` });
      return;
    }
    await test.step(name, async () => {
      const checks = new Checks();
      try {
        await fn(checks);
      } catch (e) {
        broken = name;
        const also = checks.failures.length ? `\n(also failed before that:\n${checks.failures.map((f) => `  ✗ ${f}`).join('\n')})` : '';
        expect.soft(`${(e as Error).message ?? e}${also}`, `step "${name}" could not go on`).toBe('');
        return;
      }
      expect.soft(checks.failures, `${checks.failures.length} check(s) failed in "${name}"`).toEqual([]);
    });
  };
}

/** The middle value (the lower of the two middle ones for an even count); 0 for none. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : 0;
}

/** Poll `fn` until `accept(value)` or the timeout; returns the last value either way. */
export async function poll<T>(
  fn: () => Promise<T> | T,
  accept: (v: T) => unknown = Boolean,
  { timeout = 5000, interval = 100 } = {},
): Promise<T> {
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
export async function settledScrollY(page: Page, { timeout = 4000 } = {}): Promise<number> {
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

export const norm = (s: unknown): string => String(s ?? '').replace(/\s+/g, ' ').trim();

/**
 * Wait until the route has rendered: an h1 in main (with the expected text, when given), no
 * loading skeletons, the network quiet and web fonts ready. Throws when the h1 never shows.
 */
export async function waitForPage(page: Page, { h1 }: { h1?: string | RegExp | null } = {}): Promise<void> {
  const heading = page.locator('main h1').first();
  try {
    await heading.waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    const bodyText = norm(await page.locator('body').innerText().catch(() => '')).slice(0, 300);
    throw new Error(`No <main> h1 appeared on ${page.url()} within 15 s. Page text: "${bodyText}"`);
  }
  if (h1 !== undefined && h1 !== null) {
    const match = typeof h1 === 'string' ? (t: string) => t === h1 : (t: string) => h1.test(t);
    const text = await poll(async () => norm(await heading.textContent()), match, { timeout: 10_000 });
    if (!match(text)) throw new Error(`h1 on ${page.url()}: expected ${h1 instanceof RegExp ? h1 : JSON.stringify(h1)}, got "${text}"`);
  }
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
  await poll(() => page.locator('.skeleton:visible, [aria-busy="true"]').count(), (n) => n === 0, { timeout: 5000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Full-page screenshot to tests/e2e/screenshots/<viewport>-<name>.png; puts the scroll position back. */
export async function screenshot(session: { page: Page; viewport: ViewportName }, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const { page } = session;
  const y = await page.evaluate(() => window.scrollY);
  // A full-page capture does not scroll, so lazy images below the fold would show as alt text.
  await page.evaluate(async () => {
    const lazy = [...document.querySelectorAll<HTMLImageElement>('img[loading="lazy"]')];
    for (const img of lazy) img.loading = 'eager';
    const done = (img: HTMLImageElement) =>
      img.complete || new Promise((r) => ['load', 'error'].forEach((e) => img.addEventListener(e, r, { once: true })));
    await Promise.race([Promise.all(lazy.map(done)), new Promise((r) => setTimeout(r, 3000))]);
  });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${session.viewport}-${name}.png`), fullPage: true, animations: 'disabled' });
  if ((await page.evaluate(() => window.scrollY)) !== y) {
    await page.evaluate((v) => window.scrollTo(0, v), y);
    await page.waitForTimeout(100);
  }
}

export function pathOf(page: Page): string {
  const u = new URL(page.url());
  return u.pathname + u.search;
}

/** `/articles/<id>/<slug>` → id (decoded), or null. */
export function articleIdFromHref(href: string | null | undefined): string | null {
  const m = /^\/articles\/([^/?#]+)(?:\/[^/?#]*)?$/.exec(new URL(href ?? '', 'http://x').pathname);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

/** The search input in a scope: a searchbox, a combobox (with suggestions) or a textbox. */
export function searchInput(scope: Page | Locator, name = 'Search articles'): Locator {
  return scope
    .getByRole('searchbox', { name, exact: true })
    .or(scope.getByRole('combobox', { name, exact: true }))
    .or(scope.getByRole('textbox', { name, exact: true }));
}

/**
 * The frame every route shares: skip link, header (home link with the site name, Search button),
 * the Sections nav, main#main with one h1, Recent News (≤ N links, never the open article), footer.
 */
export async function checkShell(
  page: Page,
  c: Checks,
  { config, currentArticleId = null, where }: { config: AppConfig; currentArticleId?: string | null; where: string },
): Promise<void> {
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

/** A line for the report (what the test picked, what it measured). */
export function note(description: string): void {
  test.info().annotations.push({ type: 'note', description });
}
