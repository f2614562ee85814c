// Display: dark theme (chosen, and from the device) passes axe's colour-contrast, is applied
// before the app's JavaScript runs (no flash of the light theme), text size in three steps, and an
// article printed as an article (no header, sidebar, search or share; its URL and date on paper).
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './a11y.ts';
import { test } from './fixtures.ts';
import { norm, screenshot, stepper, waitForPage, type Checks } from './support.ts';
import { articleHref, loadConfig, loadFeed, pickArticle } from './feed.mjs';

const config = loadConfig();
const { feed, items } = loadFeed(config);
const article = pickArticle(feed, items, { withImage: true, language: 'en' });

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const isDark = (rgb: string) => {
  const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number);
  return r + g + b < 120;
};

/** axe's colour-contrast rule alone, then the full WCAG AA set. */
async function contrast(c: Checks, page: Page, label: string) {
  await c.soft(`colour contrast on ${label}`, async () => {
    const r = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
    if (r.violations.length) throw new Error(r.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`)).join('\n'));
    if (!r.passes.length) throw new Error('axe found no text to check contrast on');
  });
  await c.soft(`axe on ${label}`, () => expectNoAxeViolations(page, label));
}

test('themes and text size: dark theme chosen and from the device, contrast, no flash, text size', async ({ session: s, vp }) => {
  test.setTimeout(120_000);
  const { page } = s;
  const step = stepper();
  await step('dark theme chosen in Display settings: contrast AA on home and an article', async (c) => {
    await page.goto('/');
    await waitForPage(page, { h1: 'Latest news' });
    c.ok(!isDark(await background(page)), 'the default (device light) theme is not light');
    await page.getByRole('button', { name: 'Display settings' }).click();
    const panel = page.getByRole('dialog', { name: 'Display settings' });
    await panel.waitFor({ state: 'visible' });
    await c.axe(page, `display settings open (${vp})`);
    await screenshot(s, 'display-settings');
    await panel.getByRole('radio', { name: 'Dark' }).check();
    c.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'data-theme');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    c.ok(isDark(await background(page)), `the page is not dark: ${await background(page)}`);
    await contrast(c, page, `home, dark (${vp})`);
    await screenshot(s, 'home-dark');
    if (!article) throw new Error('no English article with an image in the sample feed');
    await page.goto(articleHref(article));
    await waitForPage(page);
    await contrast(c, page, `article, dark (${vp})`);
    await screenshot(s, 'article-dark');
  });

  await step('the saved theme applies before any app script runs', async (c) => {
    // With every module of the app blocked, only public/theme-init.js can set the theme.
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.goto('/');
    c.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'data-theme without the app');
    c.ok(isDark(await background(page)), 'the prerendered page is not dark before the app runs');
    await page.unroute('**/assets/*.js');
  });

  await step('text size: three steps, remembered', async (c) => {
    await page.goto('/');
    await waitForPage(page, { h1: 'Latest news' });
    const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    c.equal(await rootSize(), 16, 'standard root font size');
    await page.getByRole('button', { name: 'Display settings' }).click();
    const panel = page.getByRole('dialog', { name: 'Display settings' });
    c.equal(await panel.getByRole('radio').count(), 6, 'radios in the panel (3 themes + 3 sizes)');
    await panel.getByRole('radio', { name: 'Larger' }).check();
    c.equal(await rootSize(), 20, 'root font size at "Larger"');
    await panel.getByRole('radio', { name: 'Light' }).check();
    await page.keyboard.press('Escape');
    await page.reload();
    await waitForPage(page, { h1: 'Latest news' });
    c.equal(await rootSize(), 20, 'root font size after a reload');
    c.ok(!isDark(await background(page)), 'light was chosen but the page is dark');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    c.ok(overflow <= 0, `larger text makes the page scroll sideways by ${overflow}px`);
    await screenshot(s, 'home-larger-text');
  });

  await step('no theme chosen: the device’s dark scheme applies through CSS alone', async (c) => {
    await page.evaluate(() => localStorage.clear());
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await waitForPage(page, { h1: 'Latest news' });
    c.equal(await page.evaluate(() => document.documentElement.dataset.theme ?? null), null, 'data-theme');
    c.ok(isDark(await background(page)), 'the device is dark but the page is not');
    await contrast(c, page, `home, device dark (${vp})`);
    await page.emulateMedia({ colorScheme: 'light' });
  });

});

test('print an article', { tag: '@desktop-only' }, async ({ session: s }) => {
  test.setTimeout(60_000);
  const { page } = s;
  const step = stepper();
  await step('prints as an article: no chrome, URL and date shown, picture fits the paper', async (c) => {
    if (!article) throw new Error('no English article with an image in the sample feed');
    await page.goto(articleHref(article));
    await waitForPage(page);
    // Even a reader in the dark theme gets black on white on paper.
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    await page.emulateMedia({ media: 'print' });
    const hidden = async (locator: Locator, what: string) => c.ok(!(await locator.first().isVisible()), `${what} is visible in print`);
    await hidden(page.getByRole('banner'), 'the site header');
    await hidden(page.getByRole('navigation', { name: 'Sections' }), 'the sections nav');
    await hidden(page.getByRole('button', { name: 'Search' }), 'the Search button');
    await hidden(page.getByRole('complementary'), 'Recent News');
    await hidden(page.getByRole('contentinfo'), 'the site footer');
    await hidden(page.getByRole('button', { name: /Copy link|Share/ }), 'the share button');
    await hidden(page.locator('#related-heading'), '"More in" related stories');
    c.ok(await page.locator('main h1').isVisible(), 'the headline is not printed');
    c.ok(await page.locator('main article time').first().isVisible(), 'the date is not printed');
    const url = page.getByText(/^Online at http/);
    c.ok(await url.isVisible(), 'the article URL is not printed');
    c.ok(norm(await url.textContent()).includes(articleHref(article).split('/')[2]), 'the printed URL is not the article’s');
    const img = await page.locator('main figure img').first().boundingBox();
    // 9 cm at 96 dpi is 340 px.
    c.ok(img && img.height <= 341, `the picture is ${img?.height}px high in print (at most 9 cm)`);
    const bg = await background(page);
    c.ok(!isDark(bg), `the printed page is dark: ${bg}`);
    await screenshot(s, 'article-print');
    await page.emulateMedia({ media: 'screen' });
  });
});
