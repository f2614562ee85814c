// Layout at phone and desktop size: no sideways scrolling, Recent News below (phone) or beside
// (desktop) the main column, and tap targets at least 44 px tall on phones.
import type { Page } from '@playwright/test';
import { test } from './fixtures.ts';
import { checkShell, note, poll, screenshot, stepper, waitForPage, type AppConfig } from './support.ts';
import { articleHref, loadConfig, loadFeed, pickArticle, pickSearchWord } from './feed.mjs';

const config: AppConfig = loadConfig();
const { feed, items } = loadFeed(config);
const { word } = pickSearchWord(feed, items);
const article = pickArticle(feed, items, { withImage: true, language: 'en' });
const laoArticle = pickArticle(feed, items, { withImage: false, language: 'lo' });
const MIN_TAP = 44;

/** A page the test lays out; `articleId` for an article. */
interface LayoutPage {
  name: string;
  path: string;
  articleId?: string;
}

const pages = [
  { name: 'home', path: '/' },
  { name: 'search', path: `/search?q=${encodeURIComponent(word)}` },
  article && { name: 'article', path: articleHref(article), articleId: String(article.id) },
  laoArticle && { name: 'article-lao', path: articleHref(laoArticle), articleId: String(laoArticle.id) },
].filter((p?: LayoutPage): p is LayoutPage => Boolean(p));

/** Measurements in one round trip: overflow, landmark boxes, interactive element heights. */
function measure(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element | null) => el && el.getBoundingClientRect();
    const main = box(document.querySelector('main'));
    const aside = box(document.querySelector('aside'));
    const describe = (el: Element) => {
      const text = (el.getAttribute('aria-label') || el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${el.getAttribute('href') ? `[href="${el.getAttribute('href')}"]` : ''} "${text}"`;
    };
    // The site header (not an article's <header>), every nav (sections, pagination), the aside.
    const scopes = ['header', 'nav', 'aside'];
    const seen = new Set<Element>();
    const targets: { where: string; what: string; height: number; width: number }[] = [];
    for (const scope of scopes) {
      for (const root of document.querySelectorAll(scope)) {
        if (root.closest('dialog:not([open])')) continue;
        if (scope === 'header' && root.parentElement?.closest('main, article, aside, section, footer')) continue;
        for (const el of root.querySelectorAll('a[href], button, [role="button"], input:not([type="hidden"])')) {
          if (seen.has(el) || el.closest('dialog:not([open])')) continue;
          seen.add(el);
          const r = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || style.display === 'none') continue;
          targets.push({ where: scope, what: describe(el), height: Math.round(r.height * 10) / 10, width: Math.round(r.width * 10) / 10 });
        }
      }
    }
    const wide: Element[] = [];
    const vw = document.documentElement.clientWidth;
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > vw + 1 && r.width > 0 && getComputedStyle(el).position !== 'fixed') {
        // Only the outermost offenders: skip those inside an element already listed or a scroller.
        let p = el.parentElement;
        let inside = false;
        while (p && p !== document.body) {
          const ov = getComputedStyle(p).overflowX;
          if (wide.includes(p) || ov === 'auto' || ov === 'scroll' || ov === 'hidden' || ov === 'clip') {
            inside = true;
            break;
          }
          p = p.parentElement;
        }
        if (!inside) wide.push(el);
      }
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      main: main && { top: main.top + scrollY, bottom: main.bottom + scrollY, left: main.left, right: main.right },
      aside: aside && { top: aside.top + scrollY, bottom: aside.bottom + scrollY, left: aside.left, right: aside.right },
      targets,
      wide: wide.slice(0, 8).map((el) => `${describe(el)} right=${Math.round(el.getBoundingClientRect().right)}`),
    };
  });
}

test('layout: no sideways scroll, Recent News placement, 44 px tap targets, hero image', async ({ session: s, vp }) => {
  test.setTimeout(120_000);
  const { page } = s;
  const step = stepper();
  for (const p of pages) {
    await step(p.name, async (c) => {
      note(`${vp} ${p.name}: ${decodeURI(p.path)}`);
      await page.goto(p.path);
      await waitForPage(page);
      const m = await measure(page);
      c.ok(
        m.scrollWidth <= m.innerWidth,
        `horizontal scroll at ${m.innerWidth}px: scrollWidth ${m.scrollWidth}px; widest elements: ${m.wide.join('; ') || 'n/a'}`,
      );
      if (!c.ok(m.main && m.aside, 'missing <main> or <aside>') || !m.main || !m.aside) return; // (the second half: for the compiler)
      if (vp === 'phone') {
        c.ok(m.aside.top >= m.main.bottom, `Recent News is not after the main content on phones (aside top ${m.aside.top}, main bottom ${m.main.bottom})`);
        const small = m.targets.filter((x) => x.height < MIN_TAP);
        c.ok(
          !small.length,
          `${small.length} tap target(s) shorter than ${MIN_TAP}px at 360px:\n${small.map((x) => `      ${x.where}: ${x.what} — ${x.height}×${x.width}px`).join('\n')}`,
        );
      } else {
        c.ok(m.aside.left >= m.main.right, `Recent News is not beside the main content at 1280px (aside left ${m.aside.left}, main right ${m.main.right})`);
      }
      if (p.name === 'article') {
        // The layout needs the hero picture: it must load, with a caption, inside the column.
        const img = page.locator('main figure img').first();
        if (c.ok((await img.count()) === 1, 'article with an image in the feed has no figure > img')) {
          const info = await poll(
            () => img.evaluate((el: HTMLImageElement) => ({ ok: el.complete && el.naturalWidth > 0, w: el.getBoundingClientRect().width, src: el.currentSrc })),
            (v) => v.ok,
            { timeout: 5000 },
          );
          c.ok(info.ok, `hero image did not load (${info.src})`);
          c.ok(info.w <= m.innerWidth, `hero image is ${info.w}px wide at ${m.innerWidth}px`);
          c.ok((await page.locator('main figure figcaption').count()) >= 1, 'hero figure has no figcaption');
        }
      }
      if (p.name !== 'home') {
        await checkShell(page, c, { config, currentArticleId: p.articleId ?? null, where: p.name });
        await c.axe(page, `${p.name} (${vp})`);
      }
      if (p.name === 'article-lao') await screenshot(s, 'article-lao');
    }, { independent: true });
  }
});
