// Embedding as custom elements, at phone and desktop size, on public/portal-demo.html: a portal with
// hostile CSS that holds a <news-reader> (Shadow DOM) and a <news-recent>. Styles must not cross the
// shadow boundary either way, memory routing must never touch the host's URL, hash routing must
// deep-link, instances must be independent, and axe must pass inside. The iframe reader on the same
// page: embed-iframe.e2e.ts; both under a strict CSP: embed-csp.e2e.ts.
import type { Browser, Page } from '@playwright/test';
import type { ArticleOpenDetail, NavigateDetail } from '../../src/embed/messages.ts';
import { expectNoAxeViolations } from './a11y.ts';
import { test } from './fixtures.ts';
import { norm, poll, screenshot, stepper, VIEWPORTS, type AppConfig, type ViewportName } from './support.ts';
import { articleHref, loadConfig, loadFeed, pickArticle, pickSearchWord, plain } from './feed.mjs';
import { DEMO, PORTAL_SESSION, measureHost, type Measurement, measureInside, readerH1, waitForDemo, waitForH1 } from './embed-support.ts';

const config: AppConfig = loadConfig();
const { feed, items } = loadFeed(config);
const article = pickArticle(feed, items, { withImage: true, language: 'en' });
const { word } = pickSearchWord(feed, items);

test.use({ sessionOptions: PORTAL_SESSION });

/** The reader's events, as the memory-routing step records them on `window.__events`. */
interface RecordedEvent {
  composed: boolean;
  bubbles: boolean;
}
type NavigateEvent = RecordedEvent & { type: 'news-reader:navigate'; detail: NavigateDetail };
type ArticleOpenEvent = RecordedEvent & { type: 'news-reader:article-open'; detail: ArticleOpenDetail };
type ReaderEvent = NavigateEvent | ArticleOpenEvent;


declare global {
  interface Window {
    __events: ReaderEvent[];
  }
}

/** Every difference between two measurements, as readable lines. */
function diff(a: Measurement, b: Measurement, label: string): string[] {
  const out: string[] = [];
  for (const name of Object.keys(a)) {
    if (!a[name] || !b[name]) {
      out.push(`${label} ${name}: element missing (${a[name] ? 'control' : 'hostile'} page has none)`);
      continue;
    }
    for (const p of Object.keys(a[name])) if (a[name][p] !== b[name][p]) out.push(`${label} ${name} ${p}: ${JSON.stringify(a[name][p])} → ${JSON.stringify(b[name][p])}`);
  }
  return out;
}

const READER_ELEMENTS = {
  root: '.news-root',
  masthead: 'header',
  siteName: 'header a span',
  searchButton: 'header button',
  sectionLink: 'nav a',
  h1: 'h1',
  kicker: 'article a',
  leadHeadline: 'article h2',
  leadLink: 'article h2 a',
  standfirst: 'article p',
  time: 'article time',
  list: 'ol',
  secondCard: 'li + li article',
  pagination: 'nav[aria-label="Pages"] a',
  recentBox: 'aside section',
  recentHeading: 'aside h2',
  footer: 'footer',
};
const RECENT_ELEMENTS = { box: 'section', heading: 'h2', list: 'ol', item: 'li', link: 'li a', time: 'time' };
const HOST_ELEMENTS = {
  body: 'body',
  title: '#portal-title',
  nav: '.portal-nav',
  navLink: '.portal-nav a',
  card: '#portal-card',
  cardHeading: '#portal-card h2',
  cardText: '#portal-card p',
  button: '#portal-button',
  side: '.portal-side',
  footer: '.portal-footer p',
};

/** A second context, no error collection: for control loads with parts of the page blocked. */
async function controlPage(browser: Browser, baseURL: string, vp: ViewportName) {
  const context = await browser.newContext({ ...VIEWPORTS[vp], baseURL, locale: 'en-US', timezoneId: 'Asia/Vientiane', reducedMotion: 'reduce' });
  context.setDefaultTimeout(10_000);
  return { context, page: await context.newPage() };
}

/** axe inside one embedded widget (the portal around it is not the reader's page). */
function axeInside(page: Page, include: string, label: string) {
  return expectNoAxeViolations(page, label, { include });
}
test('embedding <news-reader> and <news-recent>: portal demo with hostile CSS, shadow DOM isolation, memory and hash routing, two readers', async ({ session: s, vp, browser, appURL }) => {
  test.setTimeout(240_000);
  const { page } = s;
  const step = stepper();
  const state: { title?: string } = {};
  await step('the portal demo shows <news-reader>, <news-recent> and the iframe reader', async (c) => {
    const res = await page.goto(DEMO);
    c.equal(res?.status(), 200, `${DEMO} status`);
    await waitForDemo(page);
    state.title = await page.title();
    c.equal(state.title, 'Ministry Portal · embedding demo', 'host title after the readers rendered');
    c.ok((await page.locator('news-reader article').count()) >= 3, 'the reader lists articles');
    const recentLinks = await page.locator('news-recent ol li a').count();
    c.ok(recentLinks >= 1 && recentLinks <= 5, `<news-recent count="5"> shows ${recentLinks} links`);
    c.ok(await page.evaluate(() => document.querySelector('news-reader')!.shadowRoot?.mode === 'open'), 'the reader renders in an open shadow root');
    c.equal(await page.evaluate(() => document.querySelector('news-reader')!.children.length), 0, 'the reader adds nothing to the light DOM');
    c.equal(await page.evaluate(() => document.querySelectorAll('style').length), 0, '<style> elements in the host document');
    c.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 0, 'stylesheets adopted by the host document');
    c.equal(await page.evaluate(() => document.querySelectorAll('main').length), 1, '<main> elements in the host document (the reader adds none)');
    await screenshot(s, 'portal-demo');
  });

  await step("the reader's computed styles are those it has on a page without the hostile CSS", async (c) => {
    const hostile = {
      reader: await measureInside(page, 'news-reader', READER_ELEMENTS),
      recent: await measureInside(page, 'news-recent', RECENT_ELEMENTS),
      readerWidth: await page.evaluate(() => document.querySelector('news-reader')!.getBoundingClientRect().width),
      recentWidth: await page.evaluate(() => document.querySelector('news-recent')!.getBoundingClientRect().width),
    };
    // Sanity: the hostile CSS is really there and really hostile.
    c.equal(await page.evaluate(() => getComputedStyle(document.querySelector('#portal-card p')!).fontSize), '30px', 'the host page has its hostile CSS');
    c.equal(hostile.reader.root?.['font-size'], '16px', 'reader root font size');
    c.equal(hostile.reader.masthead?.['background-color'], 'rgb(11, 46, 94)', 'reader masthead colour');
    c.ok(hostile.reader.list?.['list-style-type'] === 'none', `reader list style ${hostile.reader.list?.['list-style-type']}`);

    const control = await controlPage(browser, appURL, vp);
    try {
      await control.page.route('**/portal-demo.css', (r) => r.abort());
      await control.page.goto(DEMO);
      // Same widths as on the hostile page, so that layout-dependent values can be compared too.
      await control.page.evaluate(({ readerWidth, recentWidth }) => {
        document.querySelector<HTMLElement>('news-reader')!.style.width = `${readerWidth}px`;
        document.querySelector<HTMLElement>('news-recent')!.style.width = `${recentWidth}px`;
      }, hostile);
      await waitForDemo(control.page);
      const clean = {
        reader: await measureInside(control.page, 'news-reader', READER_ELEMENTS),
        recent: await measureInside(control.page, 'news-recent', RECENT_ELEMENTS),
      };
      for (const d of [...diff(clean.reader, hostile.reader, '<news-reader>'), ...diff(clean.recent, hostile.recent, '<news-recent>')]) c.ok(false, d);
    } finally {
      await control.context.close();
    }
  });

  await step("the host page's elements look the same with and without the readers", async (c) => {
    const withReaders = await measureHost(page, HOST_ELEMENTS);
    const control = await controlPage(browser, appURL, vp);
    try {
      await control.page.route('**/embed/**', (r) => r.abort());
      await control.page.route('**/embed.html*', (r) => r.abort());
      await control.page.goto(DEMO);
      await control.page.evaluate(() => document.fonts.ready.then(() => undefined));
      // The readers themselves take room; the host elements are compared, not the page height.
      const without = await measureHost(control.page, HOST_ELEMENTS);
      for (const d of diff(without, withReaders, 'host')) if (!/^host (body|side) height:/.test(d)) c.ok(false, d);
      c.equal(await control.page.title(), state.title, 'host title without the readers');
    } finally {
      await control.context.close();
    }
  });

  await step('memory routing: list → article → back never changes the host URL or title', async (c) => {
    const before = await page.evaluate(() => ({ href: location.href, length: history.length }));
    await page.evaluate(() => {
      window.__events = [];
      for (const type of ['news-reader:navigate', 'news-reader:article-open'] as const) {
        document.querySelector('news-reader')!.addEventListener(type, (e) => window.__events.push({ type, detail: (e as CustomEvent).detail, composed: e.composed, bubbles: e.bubbles }));
      }
    });
    const lead = page.locator('#reader [id$="main"] article h2 a').first();
    const headline = norm(await lead.textContent());
    await lead.click();
    await waitForH1(page, headline);
    const during = await page.evaluate(() => ({ href: location.href, length: history.length }));
    c.equal(during.href, before.href, 'host location.href while the reader shows an article');
    c.equal(during.length, before.length, 'host history.length while the reader shows an article');
    c.equal(await page.title(), state.title, 'host title while the reader shows an article');
    // Focus moves to the new h1 in the frame after it renders (use-route-focus.ts).
    const focus = await readerFocusOnH1(page);
    c.ok(focus.hostFocused && focus.tag === 'H1', `focus after navigation: ${JSON.stringify(focus)} (expected the article's h1 inside the reader)`);
    // Scoped to the reader: the demo page as a whole embeds the same reader three times (and an
    // iframe is a document with its own <main>), so page-level landmark rules are the host's business.
    await c.soft('axe <news-reader> on an article', () => axeInside(page, 'news-reader', `<news-reader> on an article (${vp})`));
    await screenshot(s, 'portal-reader-article');

    await page.locator('news-reader').getByRole('button', { name: 'Back', exact: true }).click();
    await waitForH1(page, 'Latest news');
    // Back is a navigation too: focus lands on the list's h1 once it renders (and, waited for
    // here, cannot land there after the next step has put focus elsewhere).
    const backFocus = await readerFocusOnH1(page);
    c.ok(backFocus.hostFocused && backFocus.tag === 'H1' && backFocus.text === 'Latest news', `focus after Back: ${JSON.stringify(backFocus)} (expected the list's h1 inside the reader)`);
    const after = await page.evaluate(() => ({ href: location.href, length: history.length }));
    c.equal(after.href, before.href, 'host location.href after Back');
    c.equal(after.length, before.length, 'host history.length after Back');
    const events = await page.evaluate((): ReaderEvent[] => window.__events);
    const nav = events.filter((e): e is NavigateEvent => e.type === 'news-reader:navigate').map((e) => `${e.detail.action} ${e.detail.path}`);
    c.ok(nav.length === 2 && nav[0].startsWith('push /articles/') && nav[1] === 'pop /', `navigate events: ${JSON.stringify(nav)}`);
    const opened = events.filter((e): e is ArticleOpenEvent => e.type === 'news-reader:article-open');
    c.ok(opened.length === 1 && opened[0].detail.headline === headline && opened[0].composed && opened[0].bubbles, `article-open events: ${JSON.stringify(opened)}`);
  });

  await step('skip link, search dialog and keyboard work inside the shadow root', async (c) => {
    const href = await page.evaluate(() => location.href);
    await page.locator('#portal-button').focus();
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const a = document.querySelector('news-reader')!.shadowRoot!.activeElement;
      const r = a?.getBoundingClientRect();
      return { text: a?.textContent?.trim(), width: r?.width ?? 0, height: r?.height ?? 0 };
    });
    c.equal(skip.text, 'Skip to main content', 'first Tab stop in the reader');
    c.ok(skip.width > 40 && skip.height > 20, `focused skip link is visible (${skip.width}×${skip.height})`);
    await page.keyboard.press('Enter');
    // The skip link moves focus in its click handler: on a busy host that lands after Enter returns.
    const target = await poll(
      () => page.evaluate(() => document.querySelector('news-reader')!.shadowRoot!.activeElement?.id ?? null),
      (id) => /main$/.test(id ?? ''),
      { timeout: 2000 },
    );
    c.ok(/main$/.test(target ?? ''), `focus after the skip link: #${target}`);
    c.equal(await page.evaluate(() => location.href), href, 'host URL after the skip link');

    const opener = page.locator('news-reader header').getByRole('button', { name: 'Search', exact: true });
    await opener.click();
    const dialog = page.locator('news-reader dialog[open]');
    await dialog.waitFor();
    const box = dialog.getByRole('combobox', { name: 'Search articles', exact: true });
    c.ok(await box.evaluate((el) => (el.getRootNode() as ShadowRoot | Document).activeElement === el), 'the combobox has focus when the dialog opens');
    await page.keyboard.press('Escape');
    await poll(() => dialog.count(), (n) => n === 0);
    c.ok(await opener.evaluate((el) => (el.getRootNode() as ShadowRoot | Document).activeElement === el), 'Escape gives focus back to the Search button');

    await opener.click();
    await dialog.waitFor();
    await box.fill(word);
    const option = dialog.getByRole('option').first();
    await option.waitFor();
    const optionText = norm(await option.locator('span').first().textContent());
    await page.keyboard.press('ArrowDown');
    c.equal(await box.getAttribute('aria-activedescendant'), await option.getAttribute('id'), 'ArrowDown makes the first suggestion active');
    await page.keyboard.press('Enter');
    await waitForH1(page, optionText);
    c.equal(await page.evaluate(() => location.href), href, 'host URL after choosing a suggestion');
    c.equal(await page.title(), state.title, 'host title after choosing a suggestion');
    await page.locator('news-reader').getByRole('button', { name: 'Back', exact: true }).click();
    await waitForH1(page, 'Latest news');
    // Back is a navigation too: focus lands on the list's h1 once it renders (and, waited for
    // here, cannot land there after the next step has put focus elsewhere).
    const backFocus = await readerFocusOnH1(page);
    c.ok(backFocus.hostFocused && backFocus.tag === 'H1' && backFocus.text === 'Latest news', `focus after Back: ${JSON.stringify(backFocus)} (expected the list's h1 inside the reader)`);
  });

  await step('two readers on one page navigate independently', async (c) => {
    await page.evaluate(() => {
      const second = document.createElement('news-reader');
      second.id = 'reader-2';
      second.setAttribute('config', '/config.json');
      second.setAttribute('accent', 'rgb(120, 20, 90)');
      document.querySelector('#reader')!.after(second);
    });
    await waitForH1(page, 'Latest news', '#reader-2');
    const first = page.locator('#reader');
    const second = page.locator('#reader-2');
    const lead = first.locator('article h2 a').first();
    const headline = norm(await lead.textContent());
    await lead.click();
    await waitForH1(page, headline, '#reader');
    c.equal(norm(await readerH1(page, '#reader-2').textContent()), 'Latest news', 'the second reader stays on its list');
    const section = second.locator('header nav a[href^="/category/"]').first();
    const sectionName = norm(await section.textContent());
    await section.click();
    await waitForH1(page, sectionName, '#reader-2');
    c.equal(norm(await readerH1(page, '#reader').textContent()), headline, 'the first reader stays on its article');
    const ids = await page.evaluate(() =>
      ['#reader', '#reader-2'].flatMap((h) => [...document.querySelector(h)!.shadowRoot!.querySelectorAll('[id]')].map((e) => e.id)),
    );
    c.equal(ids.length, new Set(ids).size, `element ids unique across both readers (${ids.length} ids)`);
    const accents = await page.evaluate(() =>
      ['#reader', '#reader-2'].map((h) => getComputedStyle(document.querySelector(h)!.shadowRoot!.querySelector('aside section')!).borderTopColor),
    );
    c.equal(accents[1], 'rgb(120, 20, 90)', 'accent="rgb(120, 20, 90)" on the second reader (Recent News top border)');
    c.equal(accents[0], 'rgb(10, 74, 156)', 'the first reader keeps its own accent');
    c.equal(await page.evaluate(() => location.href), `${new URL(page.url()).origin}${DEMO}`, 'host URL after both readers navigated');
    await page.evaluate(() => document.querySelector('#reader-2')!.remove());
    await page.locator('#reader').getByRole('button', { name: 'Back', exact: true }).click();
    await waitForH1(page, 'Latest news');
  });

  await step('changing an attribute updates the reader', async (c) => {
    await page.evaluate(() => {
      const r = document.querySelector('#reader')!;
      r.setAttribute('page-size', '3');
      r.setAttribute('font', 'Georgia, serif');
    });
    await poll(() => page.locator('#reader ol > li > article').count(), (n) => n === 3, { timeout: 5000 });
    c.equal(await page.locator('#reader ol > li > article').count(), 3, 'articles on the list after page-size="3"');
    const family = await page.evaluate(() => getComputedStyle(document.querySelector('#reader')!.shadowRoot!.querySelector('article p')!).fontFamily);
    c.ok(/^Georgia/.test(family), `standfirst font after font="Georgia, serif": ${family}`);
    await page.evaluate(() => {
      const r = document.querySelector('#reader')!;
      r.removeAttribute('page-size');
      r.removeAttribute('font');
    });
    await poll(() => page.locator('#reader ol > li > article').count(), (n) => n > 3, { timeout: 5000 });
  });

  await step('axe: no violations inside <news-reader> and <news-recent>', async (c) => {
    await c.soft('axe <news-reader>', () => axeInside(page, 'news-reader', `<news-reader> list (${vp})`));
    await c.soft('axe <news-recent>', () => axeInside(page, 'news-recent', `<news-recent> (${vp})`));
  }, { independent: true });

  await step('hash routing: a deep link opens the article; the host Back button goes back', async (c) => {
    if (!article) throw new Error('no English article with an image in the sample feed');
    const href = articleHref(article);
    await page.goto(`${DEMO}?routing=hash#${href}`);
    await waitForH1(page, plain(article.title));
    c.equal(await page.title(), state.title, 'host title on a deep link');
    // A <news-recent> link on this page is a deep link too (link="?routing=hash#/articles/{id}/{slug}").
    const recent = page.locator('news-recent ol li a').nth(1);
    const recentHeadline = norm(await recent.textContent());
    const recentHref = await recent.getAttribute('href');
    c.ok(/^\?routing=hash#\/articles\//.test(recentHref ?? ''), `<news-recent> link ${recentHref}`);
    await recent.click();
    await waitForH1(page, recentHeadline);
    c.ok(new URL(page.url()).hash.startsWith('#/articles/'), `host URL fragment after a <news-recent> link: ${new URL(page.url()).hash}`);
    await page.goBack();
    await waitForH1(page, plain(article.title));
    c.equal(new URL(page.url()).hash, `#${href}`, 'fragment after the browser Back button');
  }, { independent: true });
});

/** Where focus is once it reaches an h1 inside <news-reader> (or after 3 s): the host focused, the element inside. */
function readerFocusOnH1(page: Page) {
  return poll(
    () =>
      page.evaluate(() => {
        const host = document.querySelector('news-reader');
        const active = host!.shadowRoot!.activeElement;
        return { hostFocused: document.activeElement === host, tag: active?.tagName ?? null, text: active?.textContent?.trim() ?? null };
      }),
    (f) => f.hostFocused && f.tag === 'H1',
    { timeout: 3000 },
  );
}
