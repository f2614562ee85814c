// Fault injection on a phone (where bad networks live): the feed answers 500, 404, an HTML page,
// truncated JSON, takes 3 s, or takes longer than the configured timeout; an article's feed
// request is aborted; the article's code chunk does not download; the second of two sources
// fails; the connection drops. Each time the reader must see what went wrong (which feed, why),
// and Retry must recover without a reload. Injected with Playwright's page.route.
import type { Page, Route } from '@playwright/test';
import { test, type Session, type SessionOptions } from './fixtures.ts';
import { norm, note, poll, screenshot, stepper, waitForPage, type AppConfig, type Checks } from './support.ts';
import { articleHref, loadConfig, loadFeed, pickArticle } from './feed.mjs';

const config: AppConfig = loadConfig();
const { feed, items } = loadFeed(config);
const feedPath = new URL(config.sources[0].url, 'http://x/').pathname;
const article = pickArticle(feed, items, { withImage: true, language: 'en' });
const PARTNER_PATH = '/data/partner-feed.json';
const partnerFeed = {
  version: 'https://jsonfeed.org/version/1.1',
  items: [{ id: 'partner-1', title: 'Partner wire: border crossing reopens after repairs', content_html: '<p>The crossing reopened on Friday.</p>', date_published: '2030-01-01T00:00:00Z' }],
};
/** The console noise a fault provokes on purpose: the browser logs each failed request. */
const FAILED_REQUEST = /Failed to load resource/;
const FAILED_CHUNK = /Failed to fetch dynamically imported module/;

type Fault = 'ok' | '500' | '503' | '404' | 'html' | 'truncated' | 'slow' | 'abort';
type Faulty = Session & { faults: Record<'feed' | 'partner' | 'chunk' | 'sanitizer', Fault>; counts: Record<'feed' | 'partner' | 'chunk' | 'sanitizer', number> };
type Open = (options?: SessionOptions) => Promise<Session>;

/** A fresh session whose feed (and optionally partner feed, config, route chunk) can be broken at will. */
async function faultySession(openSession: Open, { configOverride }: { configOverride?: Partial<AppConfig> } = {}): Promise<Faulty> {
  // Service workers blocked: once the worker controls the page, the page's fetches go through it
  // and page.route no longer sees them, so the faults would not be injected. The worker's own
  // behaviour offline is tested in pwa.e2e.ts.
  // Routes on the context, so that the end-of-test axe pass sees the pages as the test did.
  const s = await openSession({
    contextOptions: { serviceWorkers: 'block' },
    expectedErrors: [
      { pattern: FAILED_REQUEST, why: 'the browser logs every request the test breaks' },
      { pattern: FAILED_CHUNK, why: 'the article code chunk is aborted on purpose' },
    ],
  });
  const faults: Faulty['faults'] = { feed: 'ok', partner: 'ok', chunk: 'ok', sanitizer: 'ok' };
  const counts = { feed: 0, partner: 0, chunk: 0, sanitizer: 0 };
  const serve = async (route: Route, mode: Fault, ok: () => Promise<void>) => {
    switch (mode) {
      case 'ok':
        return ok();
      case '500':
        return route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' });
      case '503':
        return route.fulfill({ status: 503, contentType: 'text/plain', body: 'Service Unavailable' });
      case '404':
        return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' });
      case 'html':
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><html><head><title>Maintenance</title></head><body><h1>We will be back soon</h1></body></html>' });
      case 'truncated': {
        const full = JSON.stringify(feed);
        return route.fulfill({ status: 200, contentType: 'application/feed+json', body: full.slice(0, Math.floor(full.length / 2)) });
      }
      case 'slow':
        await new Promise((r) => setTimeout(r, 3000));
        return ok();
      case 'abort':
        return route.abort('failed');
      default:
        throw new Error(`unknown fault ${mode}`);
    }
  };
  if (configOverride) await s.context.route('**/config.json', (route) => route.fulfill({ json: { ...config, ...configOverride } }));
  await s.context.route(`**${feedPath}`, (route) => {
    counts.feed++;
    return serve(route, faults.feed, () => route.continue());
  });
  await s.context.route(`**${PARTNER_PATH}`, (route) => {
    counts.partner++;
    return serve(route, faults.partner, () => route.fulfill({ json: partnerFeed }));
  });
  await s.context.route('**/assets/article-route-*.js*', (route) => {
    counts.chunk++;
    return serve(route, faults.chunk, () => route.continue());
  });
  await s.context.route('**/assets/sanitize-*.js*', (route) => {
    counts.sanitizer++;
    return serve(route, faults.sanitizer, () => route.continue());
  });
  return { ...s, faults, counts };
}

/** Run `fn` in a fresh faulty session and close the session afterwards. */
async function inSession(openSession: Open, options: { configOverride?: Partial<AppConfig> } | undefined, fn: (s: Faulty) => Promise<void>) {
  const s = await faultySession(openSession, options);
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

/** Wait for the first alert in main: it and its text, or null (and a failed check). */
async function waitForAlert(s: Faulty, c: Checks, label: string, timeout: number) {
  const alert = alertIn(s.page);
  const shown = await poll(() => alert.isVisible(), Boolean, { timeout, interval: 200 });
  if (!c.ok(shown, `[${label}] no message within ${timeout} ms`)) return null;
  return { alert, text: norm(await alert.innerText()) };
}

/** The fault goes away; the reader presses Retry in the message. */
async function fixAndRetry(s: Faulty, alert: import('@playwright/test').Locator, fault: keyof Faulty['faults']) {
  s.faults[fault] = 'ok';
  await alert.getByRole('button', { name: 'Retry' }).click();
}

/** Mark the document: if Retry reloaded the page, the mark is gone. */
const markDocument = (page: Page) => page.evaluate(() => (window.__sameDocument = true));
const sameDocument = (page: Page) => page.evaluate(() => window.__sameDocument === true);
const alertIn = (page: Page) => page.locator('main [role="alert"]').first();

/** Errors in the page other than those `allowed` (checked step by step; the fixture checks the rest). */
function unexpectedErrors(s: Session, allowed: RegExp[]) {
  return s.errors.filter((e) => !allowed.some((re) => re.test(e)));
}

test('fault injection: broken, slow and aborted feeds, missing code chunks, a failing second source, a failed refresh, offline; Retry recovers', { tag: '@phone-only' }, async ({ openSession }) => {
  test.setTimeout(600_000);
  const step = stepper();
  const results: string[] = [];
  const record = (name: string, detail: string) => {
    results.push(`${name}: ${detail}`);
    note(`${name}: ${detail}`);
  };

  /** Load `/` with the feed broken, expect the error, fix it, Retry, expect the list. */
  async function brokenFeed(c: Checks, { mode, name, reason, detail, within = 5000, retries }: { mode: Fault; name: string; reason: string; detail?: string; within?: number; retries?: boolean }) {
    await inSession(openSession, undefined, async (s) => {
      s.faults.feed = mode;
      const started = Date.now();
      await s.page.goto('/');
      await markDocument(s.page);
      let sawRetrying = false;
      const alert = alertIn(s.page);
      const appeared = await poll(
        async () => {
          if (!sawRetrying) sawRetrying = /Trying again \(attempt \d\)/.test(norm(await s.page.locator('main').innerText().catch(() => '')));
          return alert.isVisible();
        },
        Boolean,
        { timeout: within, interval: 150 },
      );
      if (!c.ok(appeared, `[${name}] no error message within ${within} ms`)) return;
      const shownAfter = Date.now() - started;
      const text = norm(await alert.innerText());
      c.ok(text.includes('The news could not be loaded'), `[${name}] alert heading: "${text}"`);
      c.ok(text.includes(reason), `[${name}] alert does not say "${reason}": "${text}"`);
      if (detail) c.ok(text.includes(detail), `[${name}] alert does not say "${detail}": "${text}"`);
      c.ok(text.includes(config.sources[0].name) && text.includes(feedPath), `[${name}] alert does not name the feed: "${text}"`);
      if (retries) c.ok(sawRetrying, `[${name}] no "Trying again" status while retrying`);
      const requestsAtError = s.counts.feed;
      await s.page.waitForTimeout(1500);
      c.equal(s.counts.feed, requestsAtError, `[${name}] requests kept going after the error was shown`);
      await screenshot(s, `fault-${name}`);
      await fixAndRetry(s, alert, 'feed');
      await waitForPage(s.page, { h1: 'Latest news' });
      const cards = await poll(() => s.page.locator('main article').count(), (n) => n > 0, { timeout: 10_000 });
      c.ok(cards > 0, `[${name}] no articles after Retry`);
      c.equal(await s.page.locator('main [role="alert"]').count(), 0, `[${name}] alerts left after recovering`);
      c.ok(await sameDocument(s.page), `[${name}] Retry reloaded the page`);
      const noise = unexpectedErrors(s, [FAILED_REQUEST]);
      c.ok(noise.length === 0, `[${name}] errors in the page: ${noise.join(' | ')}`);
      record(name, `"${reason}" after ${(shownAfter / 1000).toFixed(1)} s and ${requestsAtError} request(s); Retry recovered (${cards} cards)`);
    });
  }

  await step('feed answers 500: retried 3 times with notice, then error naming the feed; Retry recovers', (c) =>
    brokenFeed(c, { mode: '500', name: '500', reason: 'The server answered with an error (500).', within: 20_000, retries: true }),
  );
  await step('feed answers 404: error at once, no retries; Retry recovers', (c) =>
    brokenFeed(c, { mode: '404', name: '404', reason: 'The server answered with an error (404).' }),
  );
  await step('feed answers an HTML page: "not a news feed"; Retry recovers', (c) =>
    brokenFeed(c, { mode: 'html', name: 'html', reason: 'The server sent something that is not a news feed.', detail: 'web page (HTML)' }),
  );
  await step('feed is truncated JSON: "arrived incomplete"; Retry recovers', (c) =>
    brokenFeed(c, { mode: 'truncated', name: 'truncated', reason: 'The feed arrived incomplete.' }),
  );

  await step('feed takes 3 s: loading state, then the list, no error', async (c) => {
    await inSession(openSession, undefined, async (s) => {
      s.faults.feed = 'slow';
      // The home page is prerendered: while the feed is slow the reader already reads the
      // build's front page, no skeleton and no error.
      await s.page.goto('/');
      await s.page.waitForTimeout(1500);
      const prerenderedCards = await s.page.locator('main article').count();
      c.ok(prerenderedCards > 0, '[slow] the prerendered front page is not on screen 1.5 s into a 3 s response');
      c.equal(await s.page.locator('main [role="alert"]').count(), 0, '[slow] an error shown on the prerendered page');
      // Page 2 is not prerendered: a loading state, then the list.
      const started = Date.now();
      await s.page.goto('/?page=2');
      await s.page.waitForTimeout(1500);
      const loading = await s.page.locator('main [aria-busy="true"]').count();
      c.ok(loading > 0, '[slow] no loading state 1.5 s into a 3 s response');
      c.equal(await s.page.locator('main [role="alert"]').count(), 0, '[slow] an error shown while still loading');
      await waitForPage(s.page, { h1: /^Latest news Page 2$/ });
      const cards = await poll(() => s.page.locator('main article').count(), (n) => n > 0, { timeout: 10_000 });
      c.ok(cards > 0, '[slow] no articles after the slow response');
      c.equal(await s.page.locator('main [role="alert"]').count(), 0, '[slow] an error after the slow response');
      record('3 s delay', `home: the prerendered page (${prerenderedCards} cards); page 2: skeleton, then ${cards} cards after ${((Date.now() - started) / 1000).toFixed(1)} s, no error`);
    });
  });

  await step('feed slower than requestTimeoutMs (1 s): "took too long" after retries; Retry recovers', async (c) => {
    await inSession(openSession, { configOverride: { requestTimeoutMs: 1000 } }, async (s) => {
      s.faults.feed = 'slow';
      const started = Date.now();
      await s.page.goto('/');
      await markDocument(s.page);
      const found = await waitForAlert(s, c, 'timeout', 25_000);
      if (!found) return;
      const { alert, text } = found;
      c.ok(text.includes('The server took too long to answer.'), `[timeout] alert: "${text}"`);
      const after = Date.now() - started;
      await fixAndRetry(s, alert, 'feed');
      const cards = await poll(() => s.page.locator('main article').count(), (n) => n > 0, { timeout: 10_000 });
      c.ok(cards > 0, '[timeout] no articles after Retry');
      c.ok(await sameDocument(s.page), '[timeout] Retry reloaded the page');
      record('timeout (1 s)', `"The server took too long to answer." after ${(after / 1000).toFixed(1)} s (${s.counts.feed - 1} attempts); Retry recovered`);
    });
  });

  await step('opening an article while its feed request is aborted: "could not be reached"; Retry shows the article', async (c) => {
    await inSession(openSession, undefined, async (s) => {
      s.faults.feed = 'abort';
      if (!article) throw new Error('no English article with an image in the sample feed');
      await s.page.goto(articleHref(article));
      await markDocument(s.page);
      const found = await waitForAlert(s, c, 'abort', 20_000);
      if (!found) return;
      const { alert, text } = found;
      c.ok(text.includes('The server could not be reached. Check your connection.'), `[abort] alert: "${text}"`);
      c.ok(text.includes(feedPath), `[abort] alert does not name the feed: "${text}"`);
      await screenshot(s, 'fault-article-abort');
      await fixAndRetry(s, alert, 'feed');
      await waitForPage(s.page, { h1: norm(article.title) });
      const body = await poll(() => s.page.locator('main .article-body').innerText().catch(() => ''), (v) => v.length > 100, { timeout: 10_000 });
      c.ok(body.length > 100, '[abort] the article body did not appear after Retry');
      c.ok(await sameDocument(s.page), '[abort] Retry reloaded the page');
      const noise = unexpectedErrors(s, [FAILED_REQUEST]);
      c.ok(noise.length === 0, `[abort] errors in the page: ${noise.join(' | ')}`);
      record('article, feed aborted', `"The server could not be reached." naming ${feedPath}; Retry showed the article`);
    });
  });

  await step('the article page code does not download: page-level message; Retry downloads it again', async (c) => {
    await inSession(openSession, undefined, async (s) => {
      await s.page.goto('/');
      await waitForPage(s.page, { h1: 'Latest news' });
      await markDocument(s.page);
      s.faults.chunk = 'abort';
      await s.page.locator('main article h2 a').first().click();
      const found = await waitForAlert(s, c, 'chunk', 10_000);
      if (!found) return;
      const { alert, text } = found;
      c.ok(text.includes('Part of this page could not be downloaded. Check your connection, then retry.'), `[chunk] alert: "${text}"`);
      await fixAndRetry(s, alert, 'chunk');
      await poll(() => s.page.locator('main h1#article-headline').count(), (n) => n === 1, { timeout: 10_000 });
      c.equal(await s.page.locator('main h1#article-headline').count(), 1, '[chunk] the article did not render after Retry');
      c.ok(await sameDocument(s.page), '[chunk] Retry reloaded the page');
      const noise = unexpectedErrors(s, [FAILED_REQUEST, FAILED_CHUNK]);
      c.ok(noise.length === 0, `[chunk] errors in the page: ${noise.join(' | ')}`);
      record('article code chunk aborted', `"Part of this page could not be downloaded"; Retry fetched it (${s.counts.chunk} requests)`);
    });
  });

  await step('the sanitizer code does not download: the article shows, its body says so; Retry fills it in', async (c) => {
    await inSession(openSession, undefined, async (s) => {
      s.faults.sanitizer = 'abort';
      if (!article) throw new Error('no English article with an image in the sample feed');
      await s.page.goto(articleHref(article));
      await markDocument(s.page);
      await poll(() => s.page.locator('main h1#article-headline').count(), (n) => n === 1, { timeout: 10_000 });
      c.equal(norm(await s.page.locator('main h1#article-headline').innerText()), norm(article.title), '[sanitizer] headline from the list');
      const found = await waitForAlert(s, c, 'sanitizer', 20_000);
      if (!found) return;
      const { alert, text } = found;
      c.ok(text.includes('Part of this page could not be downloaded'), `[sanitizer] alert: "${text}"`);
      await fixAndRetry(s, alert, 'sanitizer');
      const body = await poll(() => s.page.locator('main .article-body').innerText().catch(() => ''), (v) => v.length > 100, { timeout: 10_000 });
      c.ok(body.length > 100, '[sanitizer] the body did not appear after Retry');
      c.ok(await sameDocument(s.page), '[sanitizer] Retry reloaded the page');
      const noise = unexpectedErrors(s, [FAILED_REQUEST]);
      c.ok(noise.length === 0, `[sanitizer] errors in the page: ${noise.join(' | ')}`);
      record('sanitizer chunk aborted', `headline shown from the list, body: "Part of this page could not be downloaded" after ${s.counts.sanitizer} attempts; Retry filled it in`);
    });
  });

  await step('the second of two sources fails: first source shown, notice names the second; Retry adds its articles', async (c) => {
    await inSession(openSession, {
      configOverride: {
        sources: [...config.sources, { id: 'partner', name: 'Partner Wire', type: 'jsonfeed', url: PARTNER_PATH.slice(1) }],
      },
    }, async (s) => {
      s.faults.partner = '500';
      await s.page.goto('/');
      await markDocument(s.page);
      await waitForPage(s.page, { h1: 'Latest news' });
      const found = await waitForAlert(s, c, 'partner', 20_000);
      if (!found) return;
      const { alert, text } = found;
      c.ok(text.includes('Some articles could not be loaded') && text.includes('Partner Wire') && text.includes('(500)'), `[partner] notice: "${text}"`);
      const cards = await s.page.locator('main article').count();
      c.ok(cards > 0, '[partner] the first source’s articles are not shown');
      await screenshot(s, 'fault-partner');
      await fixAndRetry(s, alert, 'partner');
      const first = await poll(() => s.page.locator('main article h2').first().innerText(), (v) => v.includes('Partner wire'), { timeout: 10_000 });
      c.ok(first.includes('Partner wire'), `[partner] the partner's (newest) article is not first after Retry: "${first}"`);
      await poll(() => s.page.locator('main [role="alert"]').count(), (n) => n === 0, { timeout: 5000 });
      c.equal(await s.page.locator('main [role="alert"]').count(), 0, '[partner] the notice stayed after recovering');
      c.ok(await sameDocument(s.page), '[partner] Retry reloaded the page');
      record('second source 500', `${cards} cards from the first source + "Some articles could not be loaded … Partner Wire (500)"; Retry added the partner story`);
    });
  });

  await step('a background refresh fails: the list stays, with a quiet notice; Retry updates it', async (c) => {
    await inSession(openSession, undefined, async (s) => {
      await s.page.clock.install();
      await s.page.goto('/');
      await waitForPage(s.page, { h1: 'Latest news' });
      await markDocument(s.page);
      const before = await s.page.locator('main article').count();
      // Three minutes later the list is stale; the reader comes back to the tab; the server is down.
      s.faults.feed = '503';
      await s.page.clock.fastForward('03:00');
      await s.page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
      await s.page.clock.runFor(10_000); // the retries' backoff (1 + 2 + 4 s)
      const notice = s.page.locator('main [role="status"]').filter({ hasText: 'Could not update the news' });
      const shown = await poll(async () => (await notice.count()) > 0, Boolean, { timeout: 10_000 });
      if (!c.ok(shown, `[stale] no notice after a failed refresh (${s.counts.feed} feed requests)`)) return;
      const text = norm(await notice.innerText());
      c.ok(text.includes(config.sources[0].name) && text.includes('(503)'), `[stale] notice: "${text}"`);
      c.equal(await s.page.locator('main article').count(), before, '[stale] the list changed after the failed refresh');
      c.equal(await s.page.locator('main [role="alert"]').count(), 0, '[stale] an alarm (role=alert) for a refresh failure');
      await screenshot(s, 'fault-stale');
      await fixAndRetry(s, notice, 'feed');
      await poll(() => notice.count(), (n) => n === 0, { timeout: 10_000 });
      c.equal(await notice.count(), 0, '[stale] the notice stayed after a successful Retry');
      c.ok(await sameDocument(s.page), '[stale] Retry reloaded the page');
      record('background refresh 503', `list kept (${before} cards) with a quiet status "${text.slice(0, 90)}…"; Retry cleared it`);
    });
  });

  await step('offline: what was loaded stays, with a notice; back online, the notice goes', async (c) => {
    await inSession(openSession, undefined, async (s) => {
      await s.page.goto('/');
      await waitForPage(s.page, { h1: 'Latest news' });
      const before = await s.page.locator('main article').count();
      await s.context.setOffline(true);
      const notice = s.page.getByText('Offline: showing saved articles');
      await notice.waitFor({ state: 'visible', timeout: 5000 });
      const section = s.page.getByRole('navigation', { name: 'Sections', exact: true }).first().locator('a[href^="/category/"]').first();
      await section.click();
      await waitForPage(s.page);
      const inSection = await s.page.locator('main article').count();
      c.ok(inSection > 0, '[offline] a section showed no articles from the cache');
      c.equal(await s.page.locator('main [role="alert"]').count(), 0, '[offline] an error replaced cached articles');
      await s.page.goBack();
      await waitForPage(s.page, { h1: 'Latest news' });
      c.equal(await s.page.locator('main article').count(), before, '[offline] the home list changed while offline');
      await s.context.setOffline(false);
      await notice.waitFor({ state: 'hidden', timeout: 5000 });
      record('offline', `notice shown; home (${before} cards) and a section (${inSection}) served from cache; notice gone when back online`);
    });
  });

  note(`fault injection results:\n  ${results.join('\n  ')}`);
});
