// A reader's journey, at phone and desktop size: home → search dialog → results → article → back
// (query and scroll restored) → a section → older articles → unknown page → unknown article.
import type { Page } from '@playwright/test';
import { test } from './fixtures.ts';
import { articleIdFromHref, checkShell, norm, note, pathOf, poll, screenshot, searchInput, settledScrollY, stepper, waitForPage, type AppConfig } from './support.ts';
import { findItem, itemAuthors, itemCategory, itemImage, loadConfig, loadFeed, pickSearchWord, plain } from './feed.mjs';

const config: AppConfig = loadConfig();
const { feed, items } = loadFeed(config);
const { word, headlines: wordHeadlines } = pickSearchWord(feed, items);
const pageSize = config.pageSize ?? 10;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Card = Awaited<ReturnType<typeof readCards>>[number];

/** Cards in main: heading link href, heading text, <time datetime>, marks in the heading. */
function readCards(page: Page) {
  return page.locator('main article').evaluateAll((articles) =>
    articles.map((a) => {
      const link = a.querySelector('h2 a[href], h3 a[href], h4 a[href]');
      const heading = link?.closest('h2, h3, h4');
      return {
        href: link?.getAttribute('href') ?? null,
        heading: (heading?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        marks: heading ? [...heading.querySelectorAll('mark')].map((m) => m.textContent.trim().toLowerCase()) : [],
        datetime: a.querySelector('time[datetime]')?.getAttribute('datetime') ?? null,
        inOrderedList: Boolean(a.closest('ol')),
      };
    }),
  );
}

test('journey: home → search dialog → results → article → back → back → scroll restoration → section → page 2 → unknown page → unknown article', async ({ session: s, vp }) => {
    test.setTimeout(150_000);
    const { page } = s;
    const step = stepper();
    const state: { page1?: Card[]; results?: Card[]; homeScrollY?: number; articleScrollFrom?: string; articleId?: string | null } = {};
    const banner = () => page.getByRole('banner');
    const searchButton = () => banner().getByRole('button', { name: 'Search', exact: true });
    const dialog = () => page.getByRole('dialog', { name: 'Search', exact: true });
    note(`viewport ${vp}; search word "${word}" (in ${wordHeadlines} headlines)`);

    await step('home: latest news list, pagination, accessibility', async (c) => {
      await page.goto('/');
      await waitForPage(page, { h1: 'Latest news' });
      await checkShell(page, c, { config, where: 'home' });
      const cards = await readCards(page);
      state.page1 = cards;
      const expected = Math.min(pageSize, items.length);
      c.equal(cards.length, expected, 'number of article cards on page 1');
      c.ok(cards.every((k) => k.inOrderedList), 'article cards are not (all) inside an ordered list <ol>');
      const bad = cards.filter((k) => !k.href || !/^\/articles\/[^/]+\/[^/]+$/.test(k.href));
      c.ok(!bad.length, `cards without a heading link to /articles/<id>/<slug>: ${JSON.stringify(bad.map((k) => k.heading || k.href))}`);
      const unknown = cards.filter((k) => k.href && !findItem(items, articleIdFromHref(k.href)));
      c.ok(!unknown.length, `cards linking to ids not in the feed: ${JSON.stringify(unknown.map((k) => k.href))}`);
      const noTime = cards.filter((k) => !k.datetime || Number.isNaN(Date.parse(k.datetime)));
      c.ok(!noTime.length, `cards without a valid <time datetime>: ${JSON.stringify(noTime.map((k) => k.heading))}`);
      const times = cards.map((k) => Date.parse(k.datetime ?? ''));
      c.ok(
        times.every((v, i) => i === 0 || Number.isNaN(v) || Number.isNaN(times[i - 1]) || v <= times[i - 1]),
        `cards are not newest first: ${JSON.stringify(cards.map((k) => k.datetime))}`,
      );
      const pages = page.getByRole('navigation', { name: 'Pages', exact: true });
      if (c.equal(await pages.count(), 1, 'pagination navs named "Pages"') && items.length > pageSize) {
        const older = pages.getByRole('link', { name: 'Older articles', exact: true });
        if (c.equal(await older.count(), 1, '"Older articles" links')) {
          c.equal(await older.getAttribute('href'), '/?page=2', '"Older articles" href');
        }
      }
      await c.axe(page, `home (${vp})`);
      await screenshot(s, 'home');
    });

    await step('search dialog: name, Escape closes, focus returns, suggestions, submit', async (c) => {
      // Scroll down a bit first; clicking Search scrolls back to it, as a reader would.
      await page.evaluate(() => window.scrollTo(0, 600));
      await page.waitForTimeout(150);
      await searchButton().click();
      const dlg = dialog();
      await dlg.waitFor({ state: 'visible' });
      const yOpen = await page.evaluate(() => window.scrollY);
      const native = await dlg.evaluate((el) => ({ tag: el.tagName, modal: el.matches(':modal') }));
      c.equal(native.tag, 'DIALOG', 'search dialog element');
      c.ok(native.modal, 'search dialog is not modal (showModal())');
      const input = searchInput(dlg);
      c.equal(await input.count(), 1, 'inputs named "Search articles" in the dialog');
      c.equal(await dlg.getByRole('button', { name: 'Close this search box', exact: true }).count(), 1, '"Close this search box" buttons');
      const focusInside = await dlg.evaluate((el) => el.contains(document.activeElement));
      c.ok(focusInside, 'focus is not inside the dialog after opening it');
      await c.axe(page, `search dialog open (${vp})`);
      await screenshot(s, 'search-dialog');

      await page.keyboard.press('Escape');
      await dlg.waitFor({ state: 'hidden', timeout: 3000 }).catch(() => {});
      c.ok(!(await dlg.isVisible()), 'Escape did not close the search dialog');
      const focused = await poll(() => searchButton().evaluate((b) => b === document.activeElement), Boolean, { timeout: 2000 });
      c.ok(focused, 'focus did not return to the Search button after Escape');
      const yClosed = await page.evaluate(() => window.scrollY);
      c.ok(Math.abs(yClosed - yOpen) <= 2, `opening and closing the dialog moved the page from ${yOpen} to ${yClosed}px`);

      await searchButton().click();
      await dlg.waitFor({ state: 'visible' });
      const close = dlg.getByRole('button', { name: 'Close this search box', exact: true });
      if ((await close.count()) === 1) {
        await close.click();
        await dlg.waitFor({ state: 'hidden', timeout: 3000 }).catch(() => {});
        c.ok(!(await dlg.isVisible()), '"Close this search box" did not close the dialog');
        const back = await poll(() => searchButton().evaluate((b) => b === document.activeElement), Boolean, { timeout: 2000 });
        c.ok(back, 'focus did not return to the Search button after "Close this search box"');
      }

      await searchButton().click();
      await dlg.waitFor({ state: 'visible' });
      await input.first().fill(word);
      const suggestionItems = dlg.locator('[role="option"], a[href^="/articles/"]');
      let suggestions = await poll(() => suggestionItems.count(), (n) => n > 0, { timeout: 3000 });
      if (suggestions) {
        await page.waitForTimeout(400); // search as you type: let the last keystroke's list land
        suggestions = await suggestionItems.count();
      }
      note(`${vp}: ${suggestions} suggestion(s) for "${word}" in the dialog`);
      if (suggestions) await screenshot(s, 'search-suggestions');
      state.homeScrollY = await page.evaluate(() => window.scrollY);
      await input.first().press('Enter');
      await page.waitForURL((u) => u.pathname === '/search', { timeout: 10_000 });
    });

    await step('search results: heading, count, highlights, query in URL', async (c) => {
      const url = new URL(page.url());
      c.equal(url.searchParams.get('q'), word, 'q in the URL');
      await waitForPage(page, { h1: `Results for “${word}”` });
      await checkShell(page, c, { config, where: 'search' });
      const status = page.locator('[role="status"], [aria-live="polite"], [aria-live="assertive"], output').filter({ hasText: /\d+ results?\b/ });
      const statusText = await poll(async () => ((await status.count()) ? norm(await status.first().innerText()) : ''), Boolean, { timeout: 5000 });
      const n = Number(/(\d[\d,]*) results?/.exec(statusText)?.[1]?.replace(/,/g, '') ?? NaN);
      c.ok(Number.isFinite(n), `no status/live region saying "N results" (found "${statusText}")`);
      const cards = await readCards(page);
      state.results = cards;
      c.ok(cards.length >= 1, 'no result cards');
      if (Number.isFinite(n)) {
        c.ok(n >= wordHeadlines, `${n} results, but ${wordHeadlines} headlines in the feed contain "${word}"`);
        c.ok(cards.length <= n, `${cards.length} cards shown but the status says ${n} results`);
      }
      c.ok(cards.length <= pageSize, `${cards.length} result cards on one page (pageSize ${pageSize})`);
      const re = new RegExp(`\\b${esc(word)}`, 'i');
      const withWord = cards.filter((k) => re.test(k.heading));
      const unmarked = withWord.filter((k) => !k.marks.some((m) => m.length >= 3 && (m.includes(word) || word.startsWith(m))));
      c.ok(withWord.length >= 1, `no result heading contains "${word}" (headings: ${JSON.stringify(cards.map((k) => k.heading).slice(0, 5))})`);
      c.ok(!unmarked.length, `result headings containing "${word}" without a <mark> around it: ${JSON.stringify(unmarked.map((k) => k.heading))}`);
      const inputs = searchInput(page.locator('main'));
      if (await inputs.count()) c.equal(await inputs.first().inputValue(), word, 'search input value on the results page');
      await c.axe(page, `search results (${vp})`);
      await screenshot(s, 'search');
    });

    await step('article: headline, byline, time, figure, body, tags, source, share, more in category', async (c) => {
      const first = page.locator('main article').first().locator('h2 a[href], h3 a[href], h4 a[href]').first();
      const href = await first.getAttribute('href');
      const id = articleIdFromHref(href);
      const item = findItem(items, id);
      if (!item) throw new Error(`first result links to ${href}, whose id is not in the feed`);
      state.articleScrollFrom = pathOf(page);
      await first.click();
      if (!href) throw new Error('the first result link has no href');
      await page.waitForURL((u) => u.pathname === new URL(href, 'http://x').pathname);
      // The URL changes before the new page commits (navigations are transitions): wait for its
      // own headline, not any h1 (the results page's stays on screen meanwhile).
      await waitForPage(page, { h1: plain(item.title) });
      await checkShell(page, c, { config, currentArticleId: id, where: 'article' });
      const h1 = page.locator('main h1');
      c.equal(await h1.getAttribute('id'), 'article-headline', 'article h1 id');
      c.equal(norm(await h1.textContent()), plain(item.title), 'article h1 text');
      const main = page.locator('main');
      const text = norm(await main.innerText());
      const authors = itemAuthors(item, feed);
      if (authors.length) c.ok(/\bBy \S/.test(text), `no "By …" byline (authors in feed: ${authors.join(', ')})`);
      const datetimes = await main.locator('time[datetime]').evaluateAll((ts) => ts.map((x) => x.getAttribute('datetime')!)); // the selector requires the attribute
      if (item.date_published) {
        const want = Date.parse(item.date_published);
        const day = item.date_published.slice(0, 10);
        c.ok(
          datetimes.some((d) => Date.parse(d) === want || d.slice(0, 10) === day),
          `no <time datetime> matching date_published ${item.date_published} (found ${JSON.stringify(datetimes)})`,
        );
      }
      const dateline = item._news?.dateline;
      if (dateline) c.ok(text.toLowerCase().includes(dateline.toLowerCase()), `dateline "${dateline}" not shown`);
      const image = itemImage(item);
      if (image) {
        const img = main.locator('figure img').first();
        if (c.ok((await img.count()) === 1, 'article has an image in the feed but no figure > img')) {
          const loaded = await poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), Boolean, { timeout: 5000 });
          c.ok(loaded, `hero image did not load (${await img.getAttribute('src')})`);
          const caption = main.locator('figure figcaption').first();
          if (c.ok((await caption.count()) === 1, 'hero figure has no figcaption') && image.caption) {
            c.ok(norm(await caption.innerText()).includes(plain(image.caption)), `figcaption does not contain the caption "${image.caption}"`);
          }
        }
      }
      const paragraphs = await main.locator('.article-body p').count();
      c.ok(paragraphs >= 1, 'no paragraphs in .article-body');
      const tags = [...new Set(((item.tags ?? []) as string[]).map(plain).filter(Boolean))];
      const missingTags = tags.filter((tag) => !text.includes(tag));
      c.ok(!missingTags.length, `tags not shown: ${JSON.stringify(missingTags)}`);
      c.ok(/Source: \S/.test(text), 'no "Source: …" line');
      const share = main.getByRole('button', { name: /copy link|share/i });
      c.ok((await share.count()) >= 1, 'no "Copy link" / share button');
      const category = itemCategory(item);
      if (category) {
        const more = page.getByRole('heading', { name: `More in ${category}`, exact: true });
        c.ok((await more.count()) === 1, `no heading "More in ${category}"`);
      }
      state.articleId = id;
      await c.axe(page, `article ${id} (${vp})`);
      await screenshot(s, 'article');
    });

    await step('back to search: query kept in URL and input', async (c) => {
      await page.goBack();
      await page.waitForURL((u) => u.pathname === '/search');
      c.equal(new URL(page.url()).searchParams.get('q'), word, 'q in the URL after going back');
      await waitForPage(page, { h1: `Results for “${word}”` });
      const inMain = searchInput(page.locator('main'));
      if (await inMain.count()) {
        c.equal(await inMain.first().inputValue(), word, 'search input value after going back');
      } else {
        await searchButton().click();
        const dlgInput = searchInput(dialog());
        await dlgInput.first().waitFor({ state: 'visible' });
        c.equal(await dlgInput.first().inputValue(), word, 'search input value (in the dialog: no search input in main) after going back');
        await page.keyboard.press('Escape');
        await dialog().waitFor({ state: 'hidden', timeout: 3000 }).catch(() => {});
      }
      const cards = await readCards(page);
      if (!state.results) throw new Error('no result list from the search step');
      c.equal(JSON.stringify(cards.map((k) => k.href)), JSON.stringify(state.results.map((k) => k.href)), 'result list after going back');
    });

    await step('back to home: list and scroll position restored', async (c) => {
      await page.goBack();
      await page.waitForURL((u) => u.pathname === '/' && !u.search);
      await waitForPage(page, { h1: 'Latest news' });
      const y = await settledScrollY(page);
      c.ok(Math.abs(y - (state.homeScrollY ?? NaN)) <= 2, `scroll position not restored on home after search → article → back → back: was ${state.homeScrollY}px, now ${y}px`);
      const cards = await readCards(page);
      if (!state.page1) throw new Error('no home list from the first step');
      c.equal(JSON.stringify(cards.map((k) => k.href)), JSON.stringify(state.page1.map((k) => k.href)), 'home list after going back');
    });

    await step('scroll restoration: article from the scrolled home list, then back', async (c) => {
      const maxScroll = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
      const target = Math.min(vp === 'phone' ? 1200 : 500, maxScroll - 10);
      if (!c.ok(target >= 200, `home page too short to test scroll restoration (max scroll ${maxScroll}px)`)) return;
      await page.evaluate((y) => window.scrollTo(0, y), target);
      await page.waitForTimeout(200);
      // A card link wholly inside the viewport, so clicking it does not scroll the page first.
      const links = page.locator('main article').locator('h2 a[href], h3 a[href], h4 a[href]');
      const index = await links.evaluateAll((as) =>
        as.findIndex((a) => {
          const r = a.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= innerHeight && r.height > 0;
        }),
      );
      if (index < 0) throw new Error(`no article card link fully visible at scrollY ${target}`);
      const link = links.nth(index);
      const href = await link.getAttribute('href');
      const yBefore = await page.evaluate(() => window.scrollY);
      await link.click();
      if (!href) throw new Error('the article card link has no href');
      await page.waitForURL((u) => u.pathname === new URL(href, 'http://x').pathname);
      // Its own headline: until the article commits, the scrolled home list is still on screen.
      const opened = findItem(items, articleIdFromHref(href));
      if (!opened) throw new Error(`the card links to ${href}, whose id is not in the feed`);
      await waitForPage(page, { h1: plain(opened.title) });
      c.equal(await page.evaluate(() => window.scrollY), 0, 'the article does not start at the top');
      await page.goBack();
      await page.waitForURL((u) => u.pathname === '/' && !u.search);
      await waitForPage(page, { h1: 'Latest news' });
      const y = await settledScrollY(page);
      c.ok(Math.abs(y - yBefore) <= 2, `scroll position not restored after article → back: was ${yBefore}px, now ${y}px`);
      const cards = await readCards(page);
      if (!state.page1) throw new Error('no home list from the first step');
      c.equal(JSON.stringify(cards.map((k) => k.href)), JSON.stringify(state.page1.map((k) => k.href)), 'home list after article → back');
    });

    await step('category from the Sections nav: name and only its articles', async (c) => {
      await page.evaluate(() => window.scrollTo(0, 0));
      const nav = page.getByRole('navigation', { name: 'Sections', exact: true }).first();
      const link = nav.locator('a[href^="/category/"]').first();
      const name = norm(await link.innerText());
      const href = await link.getAttribute('href');
      await link.click();
      await page.waitForURL((u) => u.pathname === href);
      await waitForPage(page, { h1: name });
      await checkShell(page, c, { config, where: 'category' });
      const cards = await readCards(page);
      const inFeed = items.filter((i) => itemCategory(i) === name);
      c.ok(inFeed.length > 0, `no feed item has category "${name}" (link ${href})`);
      c.equal(cards.length, Math.min(pageSize, inFeed.length), `cards on /category page (feed has ${inFeed.length} in "${name}")`);
      const wrong = cards.filter((k) => itemCategory(findItem(items, articleIdFromHref(k.href ?? '')) ?? {}) !== name);
      c.ok(!wrong.length, `articles of another category on "${name}": ${JSON.stringify(wrong.map((k) => k.heading))}`);
      await c.axe(page, `category ${name} (${vp})`);
      await screenshot(s, 'category');
    });

    await step('home page 2 via "Older articles", then "Newer articles"', async (c) => {
      await banner().locator('a[href="/"]').first().click();
      await page.waitForURL((u) => u.pathname === '/' && !u.search);
      await waitForPage(page, { h1: 'Latest news' });
      if (items.length <= pageSize) return;
      const pages = page.getByRole('navigation', { name: 'Pages', exact: true });
      await pages.getByRole('link', { name: 'Older articles', exact: true }).click();
      await page.waitForURL((u) => u.pathname === '/' && u.search === '?page=2');
      await waitForPage(page, { h1: /^Latest news/ });
      await checkShell(page, c, { config, where: 'home page 2' });
      const cards = await readCards(page);
      c.equal(cards.length, Math.min(pageSize, items.length - pageSize), 'number of cards on page 2');
      if (!state.page1) throw new Error('no home list from the first step');
      const firstPage = new Set(state.page1.map((k) => k.href));
      c.ok(!cards.some((k) => firstPage.has(k.href)), 'page 2 repeats articles of page 1');
      const newer = pages.getByRole('link', { name: 'Newer articles', exact: true });
      if (c.equal(await newer.count(), 1, '"Newer articles" links on page 2')) {
        c.ok(['/', '/?page=1'].includes((await newer.getAttribute('href')) ?? ''), `"Newer articles" href is ${await newer.getAttribute('href')}`);
      }
      c.equal(await page.evaluate(() => window.scrollY), 0, 'page 2 does not start at the top');
      await c.axe(page, `home page 2 (${vp})`);
      await screenshot(s, 'home-page-2');
    });

    await step('unknown URL: "Page not found"', async (c) => {
      await page.goto('/no-such-page');
      await waitForPage(page, { h1: 'Page not found' });
      await checkShell(page, c, { config, where: '/no-such-page' });
      const home = page.locator('main').getByRole('link', { name: 'Go to the home page', exact: true });
      if (c.equal(await home.count(), 1, '"Go to the home page" links')) c.equal(await home.getAttribute('href'), '/', '"Go to the home page" href');
      await c.axe(page, `/no-such-page (${vp})`);
      await screenshot(s, 'not-found');
    }, { independent: true });

    await step('unknown article: "Article not found"', async (c) => {
      await page.goto('/articles/nope/x');
      await waitForPage(page, { h1: 'Article not found' });
      await checkShell(page, c, { config, where: '/articles/nope/x' });
      const home = page.locator('main').getByRole('link', { name: 'Go to the home page', exact: true });
      if (c.equal(await home.count(), 1, '"Go to the home page" links')) c.equal(await home.getAttribute('href'), '/', '"Go to the home page" href');
      await c.axe(page, `/articles/nope/x (${vp})`);
      await screenshot(s, 'article-not-found');
    }, { independent: true });

  });
