// Languages and scripts: switching the UI to Lao and back, Lao and Thai articles at 360 px (no
// clipped marks), and right-to-left Arabic, as an article in the English UI and as the UI itself
// (the BBC Arabic corpus served as the feed through page.route).
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test } from './fixtures.ts';
import { norm, note, poll, screenshot, stepper, waitForPage, type AppConfig } from './support.ts';
import { articleHref, loadConfig, loadFeed, pickArticle, type Feed, type FeedItem } from './feed.mjs';

const config: AppConfig = loadConfig();
const { feed, items } = loadFeed(config);
const lao = pickArticle(feed, items, { withImage: true, language: 'lo' });
const thai = pickArticle(feed, items, { withImage: false, language: 'th' });
/** In the shared corpora (CORPORA_DIR); the Arabic test skips loudly without it. */
const ARABIC_FEED = 'corpora/bbc-arabic.feed.json';

const picker = (page: Page) => page.getByRole('banner').getByRole('combobox');

/**
 * What could clip stacked vowels and tone marks: line boxes shorter than 1.5 em on the
 * headline, standfirst and body text, or content cut off by an overflow-hidden box.
 */
function scriptMetrics(page: Page) {
  return page.evaluate(() => {
    const out = [];
    for (const sel of ['main h1', 'main article header p', '.article-body p', 'aside li a']) {
      const el = document.querySelector(sel);
      if (!el) continue;
      const cs = getComputedStyle(el);
      const ratio = parseFloat(cs.lineHeight) / parseFloat(cs.fontSize);
      out.push({ sel, lang: el.closest('[lang]')?.getAttribute('lang'), font: cs.fontFamily.split(',')[0], ratio: Math.round(ratio * 100) / 100 });
    }
    const clipped = [...document.querySelectorAll('main *')]
      .filter((el) => ['hidden', 'clip'].includes(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight + 1 && !el.className.toString().includes('line-clamp'))
      .map((el) => el.tagName);
    return { out, clipped };
  });
}

test('Lao UI and back', { tag: '@phone-only' }, async ({ session: s }) => {
  test.setTimeout(90_000);
  const { page } = s;
  const step = stepper();
  await step('switch to Lao: strings loaded on demand, lang, dates from lo.json', async (c) => {
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await page.goto('/');
    await waitForPage(page, { h1: 'Latest news' });
    const localeChunk = (list: string[]) => list.filter((p) => /\/assets\/(lo|th|fr|ar)-[\w-]+\.js$/.test(p));
    c.equal(localeChunk(scripts).length, 0, `locale chunks loaded for the English page: ${localeChunk(scripts)}`);
    await picker(page).selectOption('lo');
    await waitForPage(page, { h1: 'ຂ່າວລ່າສຸດ' });
    c.ok(localeChunk(scripts).some((p) => /\/lo-/.test(p)), `lo.json's chunk was not fetched on switching: ${JSON.stringify(scripts)}`);
    c.equal(await page.evaluate(() => document.documentElement.lang), 'lo', '<html lang>');
    c.equal(await page.evaluate(() => document.documentElement.dir), 'ltr', '<html dir>');
    c.ok(await page.getByRole('navigation', { name: 'ໝວດຂ່າວ' }).count(), 'the sections nav is not named in Lao');
    // Chromium has no Lao date data: the dates come from lo.json's words, never English.
    const time = norm(await page.locator('main time').first().textContent());
    c.ok(/[\u0E80-\u0EFF]/.test(time) && !/ago|hours|days|January|February|March|April|May|June|July|August|September|October|November|December/.test(time), `first date is not in Lao: "${time}"`);
    // An English story inside the Lao page carries lang="en".
    const enCard = page.locator('main article[lang="en"]');
    c.ok((await enCard.count()) > 0, 'no English card marked lang="en" in the Lao UI');
    await screenshot(s, 'home-lo');
  });
  await step('the choice is remembered across a reload', async (c) => {
    await page.reload();
    await waitForPage(page, { h1: 'ຂ່າວລ່າສຸດ' });
    c.equal(await page.evaluate(() => localStorage.getItem('news.locale')), 'lo', 'stored locale');
  });
  await step('switch back to English', async (c) => {
    await picker(page).selectOption('en');
    await waitForPage(page, { h1: 'Latest news' });
    c.equal(await page.evaluate(() => document.documentElement.lang), 'en', '<html lang>');
    c.equal(await page.getByRole('banner').getByRole('combobox', { name: 'Choose language' }).count(), 1, 'language picker named "Choose language"');
  });
});

test('Lao and Thai articles at 360 px: script fonts, line heights, nothing clipped', { tag: '@phone-only' }, async ({ session: s }) => {
  test.setTimeout(90_000);
  const { page } = s;
  const step = stepper();
  for (const [name, item, re] of [
    ['lao', lao, /[\u0E80-\u0EFF]/],
    ['thai', thai, /[\u0E00-\u0E7F]/],
  ] satisfies [string, FeedItem | undefined, RegExp][]) {
    await step(`${name} article: script font, tall lines, nothing clipped`, async (c) => {
      if (!item) throw new Error(`the sample feed has no ${name} article`);
      await page.goto(articleHref(item));
      await waitForPage(page);
      const h1 = norm(await page.locator('main h1').textContent());
      c.ok(re.test(h1), `headline is not in the ${name} script: "${h1}"`);
      const article = page.locator('main article').first();
      c.equal(await article.getAttribute('lang'), item.language, 'article lang');
      c.equal(await article.getAttribute('dir'), 'ltr', 'article dir');
      const { out, clipped } = await scriptMetrics(page);
      note(`${name}: ${JSON.stringify(out)}`);
      for (const m of out.filter((x) => x.lang === item.language)) {
        c.ok(m.ratio >= 1.5, `${m.sel}: line height ${m.ratio} em is too short for ${name} marks`);
        c.ok(/Noto (Sans|Serif) (Lao|Thai)/.test(m.font), `${m.sel}: first font is ${m.font}, not the script's Noto font`);
      }
      c.equal(clipped.length, 0, `boxes cutting off their content: ${clipped.join(', ')}`);
      c.ok(/\d+ min read/.test(norm(await page.locator('main article header').innerText())), 'no reading time in the meta line');
      await c.axe(page, `${name} article`);
      await screenshot(s, `article-${name}`);
    });
  }
});

test('Arabic: right to left, as an article in the English UI and as the UI (BBC Arabic corpus)', async ({ openSession, corpus, vp }) => {
  test.setTimeout(90_000);
  const feedFile = corpus(ARABIC_FEED, 'Arabic right-to-left test (the BBC Arabic corpus)');
  const arabic: Feed = JSON.parse(readFileSync(feedFile, 'utf8'));
  // No service worker here: the route must see the feed request (on the context, so that the
  // end-of-test axe pass sees the same feed).
  const s = await openSession({ contextOptions: { serviceWorkers: 'block' } });
  const { page } = s;
  const step = stepper();
  await s.context.route('**/data/feed.json', (route) => route.fulfill({ path: feedFile, contentType: 'application/json' }));
  const first = arabic.items.find((i) => i.title && i.content_text);
  await step('an Arabic article in the English UI is laid out right to left', async (c) => {
    await page.goto('/');
    await waitForPage(page, { h1: 'Latest news' });
    if (!first) throw new Error(`no item with a title and content_text in ${feedFile}`);
    await page.goto(articleHref(first));
    await waitForPage(page);
    const art = page.locator('main article').first();
    c.equal(await art.getAttribute('lang'), 'ar', 'article lang');
    c.equal(await art.getAttribute('dir'), 'rtl', 'article dir');
    const geo = await page.evaluate(() => {
      const h1 = document.querySelector('main h1')!;
      const article = document.querySelector('main article')!;
      const range = document.createRange();
      range.selectNodeContents(h1);
      const text = range.getBoundingClientRect();
      const box = article.getBoundingClientRect();
      const rt = [...article.querySelectorAll('header span')].find((x) => /min read/.test(x.textContent));
      return {
        direction: getComputedStyle(h1).direction,
        rightGap: Math.round(box.right - text.right),
        leftGap: Math.round(text.left - box.left),
        readingTime: rt?.textContent,
        readingTimeDir: rt?.closest('[dir]')?.getAttribute('dir'),
      };
    });
    c.equal(geo.direction, 'rtl', 'computed direction of the headline');
    c.ok(geo.rightGap <= 2 && geo.leftGap > 0, `headline is not aligned to the right edge: ${JSON.stringify(geo)}`);
    c.equal(geo.readingTimeDir, 'ltr', `the English "min read" inside the Arabic article (${geo.readingTime})`);
    c.equal(await page.evaluate(() => document.documentElement.dir), 'ltr', 'the English page stays ltr');
    await screenshot(s, 'article-arabic-en-ui');
  });

  await step('the Arabic UI mirrors the page', async (c) => {
    await picker(page).selectOption('ar');
    await poll(() => page.evaluate(() => document.documentElement.dir), (d) => d === 'rtl', { timeout: 5000 });
    c.equal(await page.evaluate(() => document.documentElement.dir), 'rtl', '<html dir>');
    c.equal(await page.evaluate(() => document.documentElement.lang), 'ar', '<html lang>');
    await page.goto('/');
    await waitForPage(page, { h1: 'آخر الأخبار' });
    const boxes = await page.evaluate(() => {
      const r = (el: Element | null) => el?.getBoundingClientRect();
      const home = r(document.querySelector('header a[href="/"]'));
      const search = r(document.querySelector('header button[aria-haspopup="dialog"]'));
      const main = r(document.querySelector('main'));
      const aside = r(document.querySelector('aside'));
      return { home: home?.left, search: search?.left, main: main?.left, aside: aside?.left, scrollWidth: document.documentElement.scrollWidth, width: innerWidth };
    });
    c.ok((boxes.home ?? NaN) > (boxes.search ?? NaN), `the site name is not on the right of the Search button: ${JSON.stringify(boxes)}`);
    if (vp === 'desktop') c.ok((boxes.aside ?? NaN) < (boxes.main ?? NaN), `Recent News is not on the left of the main column: ${JSON.stringify(boxes)}`);
    c.ok(boxes.scrollWidth <= boxes.width, `the page scrolls sideways (${boxes.scrollWidth} > ${boxes.width})`);
    await c.axe(page, `Arabic UI home (${vp})`);
    await screenshot(s, 'home-arabic-ui');
    if (!first) throw new Error(`no item with a title and content_text in ${feedFile}`);
    await page.goto(articleHref(first));
    await waitForPage(page);
    // In the Arabic UI the Arabic article is the UI's language: nothing to mark.
    c.equal(await page.locator('main article').first().getAttribute('dir'), null, 'article dir in the Arabic UI');
    await screenshot(s, 'article-arabic');
  });
});

test('a Lao site with native digits (config.json: locale "lo", numerals "native")', { tag: '@phone-only' }, async ({ openSession }) => {
  test.setTimeout(60_000);
  // No service worker here: the route must see the config request.
  const s = await openSession({ contextOptions: { serviceWorkers: 'block' } });
  const { page } = s;
  const step = stepper();
  await s.context.route('**/config.json', (route) => route.fulfill({ json: { ...config, locale: 'lo', numerals: 'native' } }));
  await step('UI, dates and reading time in Lao with Lao digits', async (c) => {
    if (!lao) throw new Error('no Lao article with an image in the sample feed');
    await page.goto(articleHref(lao));
    await waitForPage(page);
    c.equal(await page.evaluate(() => document.documentElement.lang), 'lo', '<html lang>');
    // The dates and the reading time (the headline's own "2026" is the author's text).
    const dates = norm((await page.locator('main article header time').allInnerTexts()).join(' | '));
    c.ok(/[໐-໙]{4}/.test(dates), `no year in Lao digits: "${dates}"`);
    c.ok(!/[0-9]/.test(dates), `Latin digits in the dates: "${dates}"`);
    const meta = norm(await page.locator('main article header').innerText());
    c.ok(/ອ່ານ [໐-໙]+ ນາທີ/.test(meta), `no reading time in Lao digits: "${meta}"`);
    await screenshot(s, 'article-lao-native-digits');
  });
});
