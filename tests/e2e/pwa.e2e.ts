// Offline and installable: the service worker caches the app shell, the feed and the articles the
// reader opened (with their pictures); offline, those open and others say they need a connection;
// a new deployment shows "New version available: Reload". Also: the web app manifest makes the
// site installable (Chromium's own check), and the prerendered HTML carries the article's meta
// tags and JSON-LD, which work under a strict Content-Security-Policy.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROME_ARGS, findChromium } from './env.mjs';
import { test } from './fixtures.ts';
import { norm, note, poll, screenshot, stepper, waitForPage, type AppConfig } from './support.ts';
import { articleHref, itemImage, loadConfig, loadFeed } from './feed.mjs';
import { DIST, freePort } from './server.mjs';

const config: AppConfig = loadConfig();
const { feed, items } = loadFeed(config);
const english = items.filter((i) => (i.language ?? feed.language) === 'en');
// Two articles to read (the first with a picture), and a third never opened.
const withImage = english.filter((i) => itemImage(i));
const [readA, readB, unread] = [withImage[0], english.find((i) => i !== withImage[0]), english.findLast((i) => i !== withImage[0])];
const plainTitle = (i: { title?: string }) => norm(i.title);


declare global {
  interface Window {
    /** Exposed by the CSP step: reports a violation to the test. */
    __cspViolation: (v: string) => Promise<void>;
  }
}
/** Wait until a service worker controls the page (clientsClaim on first install). */
async function waitForController(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  const ok = await poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), Boolean, { timeout: 10_000 });
  if (!ok) throw new Error('no service worker took control of the page');
}

/** URLs in a Cache Storage cache, as paths. */
function cachedPaths(page: Page, cacheName: string) {
  return page.evaluate(async (name) => {
    const cache = await caches.open(name);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  }, cacheName);
}

test('offline reading: saved articles open offline, others need a connection', { tag: '@phone-only' }, async ({ openSession }) => {
  test.setTimeout(120_000);
  const s = await openSession({
    // Offline, list thumbnails never shown before cannot load: expected, and the only errors allowed.
    expectedErrors: [{ pattern: /Failed to load resource: net::ERR_(FAILED|INTERNET_DISCONNECTED) \(http:\/\/[^)]*\/data\/images\//, why: 'offline, pictures never shown before cannot load' }],
  });
  const { page, context } = s;
  const step = stepper();
  if (!readA || !readB || !unread) throw new Error('the sample feed needs three English articles, the first with a picture');
  note(`read: ${readA.id}, ${readB.id}; never opened: ${unread.id}`);
  await step('first visit: the service worker installs, takes control and caches the shell and the feed', async (c) => {
    await page.goto('/');
    await waitForPage(page, { h1: 'Latest news' });
    await waitForController(page);
    const precache = await page.evaluate(async () => (await caches.keys()).find((k) => k.includes('precache')));
    c.ok(precache, 'no Workbox precache');
    const feedCached = await poll(() => cachedPaths(page, 'news-data'), (p) => p.includes('/data/feed.json') && p.includes('/config.json'), { timeout: 10_000 });
    c.ok(feedCached.includes('/data/feed.json'), `feed.json not in the data cache: ${JSON.stringify(feedCached)}`);
    c.ok(feedCached.includes('/config.json'), `config.json not in the data cache: ${JSON.stringify(feedCached)}`);
  });

  await step('read two articles: they and their pictures are kept', async (c) => {
    for (const item of [readA, readB]) {
      await page.goto(articleHref(item));
      await waitForPage(page, { h1: plainTitle(item) });
    }
    const image = new URL(itemImage(readA)!.url, /* readA is one of withImage */ 'http://x/data/feed.json').pathname;
    const images = await poll(() => cachedPaths(page, 'news-images'), (p) => p.includes(image), { timeout: 10_000 });
    c.ok(images.includes(image), `the picture of the first article (${image}) is not cached: ${JSON.stringify(images)}`);
    const saved = await page.evaluate((): string[] => JSON.parse(localStorage.getItem('news.savedArticles') ?? '[]'));
    c.ok(saved.includes(String(readA.id)) && saved.includes(String(readB.id)), `saved articles: ${JSON.stringify(saved)}`);
  });

  await step('offline, reload: both articles open in full, with the offline notice', async (c) => {
    await context.setOffline(true);
    await page.reload();
    await waitForPage(page, { h1: plainTitle(readB) });
    c.ok(await page.getByText('Offline: showing saved articles').isVisible(), 'no "Offline: showing saved articles" notice');
    c.ok((await page.locator('.article-body p').count()) > 0, `the second article's body is missing offline`);
    await page.goto(articleHref(readA));
    await waitForPage(page, { h1: plainTitle(readA) });
    c.ok((await page.locator('.article-body p').count()) > 0, `the first article's body is missing offline`);
    const hero = page.locator('main figure img').first();
    const loaded = await poll(() => hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), Boolean, { timeout: 5000 });
    c.ok(loaded, 'the first article’s picture does not load offline');
    await screenshot(s, 'offline-saved-article');
  });

  await step('offline: an article never opened says it needs a connection', async (c) => {
    await page.goto(articleHref(unread));
    await waitForPage(page, { h1: plainTitle(unread) });
    c.ok(await page.getByText(/has not been saved for reading offline/).isVisible(), 'no needs-connection message');
    c.equal(await page.locator('.article-body').count(), 0, 'an article body shown for an unsaved article');
    await screenshot(s, 'offline-unsaved-article');
    await page.goto('/');
    await waitForPage(page, { h1: 'Latest news' });
    c.ok((await page.locator('main article').count()) > 0, 'the home page list is empty offline');
  });

  await step('back online: the unopened article reads in full', async (c) => {
    await context.setOffline(false);
    await page.goto(articleHref(unread));
    await waitForPage(page, { h1: plainTitle(unread) });
    c.ok((await page.locator('.article-body p').count()) > 0, 'no body once online again');
  });

});

test('installable, with meta tags and JSON-LD that work under CSP', { tag: '@desktop-only' }, async ({ session: s, openSession, appURL }) => {
  test.setTimeout(90_000);
  const { page } = s;
  const step = stepper();
  await step('the prerendered article HTML has title, description, canonical, Open Graph and NewsArticle JSON-LD', async (c) => {
    const res = await page.request.get(articleHref(readA));
    const html = await res.text();
    c.equal(res.status(), 200, 'status');
    c.ok(html.includes(`data-prerendered-path="${articleHref(readA)}"`), 'the article is not prerendered');
    const head = html.slice(0, html.indexOf('</head>'));
    for (const re of [/<title>[^<]+<\/title>/, /<meta name="description" content="[^"]+"/, /<link rel="canonical" href="https?:\/\/[^"]+"/, /<meta property="og:title"/, /<meta property="og:image" content="[^"]+"/, /<meta name="twitter:card"/]) {
      c.ok(re.test(head), `no ${re} in the <head> of the prerendered article`);
    }
    // In the head (prerender.ts moves it there, out of the markup React hydrates).
    const json = /<script data-prerendered type="application\/ld\+json">([^<]*)<\/script>/.exec(head)?.[1];
    const data: { '@type'?: string; headline?: string } = json ? JSON.parse(json) : {};
    c.equal(data['@type'], 'NewsArticle', 'JSON-LD @type');
    c.equal(data.headline, plainTitle(readA), 'JSON-LD headline');
    c.ok(html.includes(norm(readA.summary ?? '').slice(0, 40)), 'the standfirst is not in the static HTML');
    // The body, sanitized at build time exactly as in the browser (DOMPurify on jsdom).
    const body = /<div class="article-body"[^>]*>([\s\S]*?)<\/article>/.exec(html)?.[1] ?? '';
    c.ok(/<p>[^<]{40,}/.test(body), `the article body is not in the static HTML: ${body.slice(0, 120)}`);
    c.ok(!/<script|\son[a-z]+=/i.test(body), 'the static body carries script or handlers');
  });

  await step('the prerendered home and article pages are hydrated: React adopts the DOM the build wrote', async (c) => {
    // The build wrote its dates in UTC; the session reads in Vientiane's time zone (fixtures.ts).
    const other = await openSession({ contextOptions: { serviceWorkers: 'block' } });
    try {
      // The build's first heading, kept from the HTML parser's own node to the running app.
      await other.page.addInitScript(() =>
        document.addEventListener('DOMContentLoaded', () => (window.__parsedH1 = document.querySelector('#root h1'))),
      );
      for (const [href, h1] of [['/', null], [articleHref(readA), plainTitle(readA)]] satisfies [string, string | null][]) {
        await other.page.goto(href);
        await waitForPage(other.page, h1 ? { h1 } : {});
        // React has taken the page over once the heading in the document is one of its nodes.
        const owned = () =>
          other.page.evaluate(() => Object.keys(document.querySelector('#root h1') ?? {}).some((k) => k.startsWith('__reactFiber')));
        c.ok(await poll(owned, Boolean, { timeout: 15_000 }), `${href}: the app never took the page over`);
        const r = await other.page.evaluate(() => ({
          kept: !!window.__parsedH1 && window.__parsedH1 === document.querySelector('#root h1'),
          mismatches: performance.getEntriesByName('news:hydration-mismatch').length,
          jsonLd: document.querySelectorAll('script[type="application/ld+json"]').length,
        }));
        c.equal(r.mismatches, 0, `${href}: hydration found the prerendered page different and drew it afresh`);
        c.ok(r.kept, `${href}: the page's heading is not the node the HTML parser made (the page was replaced)`);
        if (h1) c.equal(r.jsonLd, 1, `${href}: JSON-LD scripts in the running page`);
      }
      // The feed changed after the build (a standfirst corrected): the page cannot be hydrated
      // as written, and React draws it afresh with the current data, with no error.
      const summary = 'A standfirst corrected after the build, which the prerendered page does not have.';
      const corrected = { ...feed, items: feed.items.map((it) => (it.id === readA.id ? { ...it, summary } : it)) };
      await other.page.route(`**/${config.sources[0].url}`, (route) => route.fulfill({ contentType: 'application/feed+json', body: JSON.stringify(corrected) }));
      await other.page.goto(articleHref(readA));
      const shown = await poll(() => other.page.locator('main').innerText(), (t) => t.includes(summary), { timeout: 15_000 });
      c.ok(shown.includes(summary), 'the corrected standfirst is not on the page');
      const mismatches = await other.page.evaluate(() => performance.getEntriesByName('news:hydration-mismatch').length);
      c.equal(mismatches, 1, 'a page whose data changed since the build is reported as drawn afresh');
      c.equal(other.errors.join('\n'), '', 'console errors');
    } finally {
      await other.close();
    }
  });

  await step("under Content-Security-Policy script-src 'self': no violation, the app runs, JSON-LD is in the page", async (c) => {
    const violations: string[] = [];
    await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(`${e.violatedDirective} ${e.blockedURI}`)));
    await page.route('**/articles/**', async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "default-src 'self'; script-src 'self'; img-src 'self' data:; style-src 'self'" } });
    });
    await page.goto(articleHref(readA));
    await waitForPage(page, { h1: plainTitle(readA) });
    c.equal(violations.length, 0, `CSP violations: ${violations.join('; ')}`);
    const ld = await page.locator('script[type="application/ld+json"]').count();
    c.ok(ld >= 1, 'no JSON-LD in the running page');
    c.ok((await page.locator('meta[property="og:title"]').count()) >= 1, 'no og:title in the running page');
    await page.unroute('**/articles/**');
  });

  await step('config.json edited to name another feed (no rebuild): the prerendered sample articles go as soon as it is read', async (c) => {
    const other = await openSession({ contextOptions: { serviceWorkers: 'block' } });
    try {
      const op = other.page;
      const otherTitles = ['Provincial desk: ferry timetable changes', 'Provincial desk: new clinic opens'];
      const otherFeed = {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Provincial desk',
        items: otherTitles.map((title, i) => ({ id: `prov-${i}`, title, content_text: `${title}. A story of the provincial desk.`, date_published: `2026-11-0${i + 1}T08:00:00Z` })),
      };
      let feedAsked!: () => void; // both set by the Promise executors, which run at once
      const asked = new Promise<void>((r) => (feedAsked = r));
      let releaseFeed!: () => void;
      const release = new Promise<void>((r) => (releaseFeed = r));
      await op.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...config, sources: [{ id: 'prov', name: 'Provincial desk', type: 'jsonfeed', url: 'provincial.json' }] }) }));
      await op.route('**/provincial.json', async (route) => {
        feedAsked();
        await release; // Held back, so the page is looked at between reading the config and the feed.
        await route.fulfill({ contentType: 'application/json', body: JSON.stringify(otherFeed) });
      });
      const html = await (await op.request.get('/')).text();
      const prerendered = items.map(plainTitle).filter((title) => html.includes(title.slice(0, 30)));
      c.ok(prerendered.length > 0 && html.includes('data-prerendered-sources='), 'the home page is not prerendered with the sample articles and their sources');
      await op.goto('/', { waitUntil: 'commit' });
      await asked;
      const shown = norm(await op.locator('body').innerText());
      const left = prerendered.filter((title) => shown.includes(title));
      c.equal(JSON.stringify(left), '[]', 'sample articles still on screen after config.json named another feed');
      releaseFeed();
      await waitForPage(op, { h1: 'Latest news' });
      const headings = (await op.locator('main ol h2').allTextContents()).map(norm);
      c.equal(JSON.stringify(headings), JSON.stringify([...otherTitles].reverse()), 'the configured feed, newest first');
      await c.axe(op, 'home page on another feed');
      if (other.errors.length) throw new Error(other.errors.join('\n'));
    } finally {
      await other.close();
    }
  });

  await step('installable: Chromium reports no installability errors, the manifest has the icons', async (c) => {
    // Test contexts are incognito, where nothing is installable: use a real (temporary) profile.
    const profile = mkdtempSync(join(tmpdir(), 'news-install-'));
    const persistent = await chromium.launchPersistentContext(profile, { executablePath: findChromium() ?? undefined, args: CHROME_ARGS, baseURL: appURL });
    try {
      const p = persistent.pages()[0] ?? (await persistent.newPage());
      await p.goto(articleHref(readA));
      await waitForPage(p);
      await waitForController(p);
      const cdp = await persistent.newCDPSession(p);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      c.equal(installabilityErrors.length, 0, `installability errors: ${JSON.stringify(installabilityErrors)}`);
    } finally {
      await persistent.close();
      rmSync(profile, { recursive: true, force: true });
    }
    const manifest: { icons: { src: string; sizes: string; purpose?: string }[] } = await (await page.request.get('/manifest.webmanifest')).json();
    const sizes = manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`);
    for (const want of ['192x192 any', '512x512 any', '512x512 maskable']) c.ok(sizes.includes(want), `manifest icons lack ${want}: ${JSON.stringify(sizes)}`);
    for (const icon of manifest.icons) c.equal((await page.request.get(`/${icon.src}`)).status(), 200, `icon ${icon.src}`);
  });

});

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.webp': 'image/webp' };

/** A static host for a copy of dist/ whose files the test can replace: a deployment. */
async function staticHost(root: string) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url!, 'http://x') /* always set on a server's requests */.pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root + sep) && file !== root) return res.writeHead(403).end();
    if (existsSync(join(file, 'index.html'))) file = join(file, 'index.html');
    else if (!existsSync(file) || statSync(file).isDirectory()) {
      if (extname(path)) return res.writeHead(404).end('not found');
      file = join(root, 'shell.html');
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(readFileSync(file));
  });
  const port: number = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/**
 * Deploy a new version over `root`: one changed file (theme-init.js) and the service worker whose
 * precache list names its new revision, exactly what a rebuild with that change produces.
 */
function deployNewVersion(root: string) {
  const file = join(root, 'theme-init.js');
  const changed = `${readFileSync(file, 'utf8')}\n// deployment 2\n`;
  const oldRevision = createHash('md5').update(readFileSync(file)).digest('hex');
  const newRevision = createHash('md5').update(changed).digest('hex');
  const sw = readFileSync(join(root, 'sw.js'), 'utf8');
  if (!sw.includes(oldRevision)) throw new Error('sw.js does not list theme-init.js by its md5 revision');
  writeFileSync(file, changed);
  writeFileSync(join(root, 'sw.js'), sw.replace(oldRevision, newRevision));
}

test('a new deployment asks to reload', { tag: '@desktop-only' }, async ({ openSession }) => {
  test.setTimeout(90_000);
  const root = mkdtempSync(join(tmpdir(), 'news-deploy-'));
  cpSync(DIST, root, { recursive: true });
  const host = await staticHost(root);
  const s = await openSession({ baseURL: host.url });
  const { page } = s;
  const step = stepper();
  await step('version 1 is installed and controls the page', async (c) => {
    await page.goto('/');
    await waitForPage(page, { h1: 'Latest news' });
    await waitForController(page);
    c.equal(await page.getByText('New version available').count(), 0, 'an update prompt before any update');
  });

  await step('version 2 is deployed: an update check shows "New version available: Reload"', async (c) => {
    deployNewVersion(root);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = page.getByText('New version available');
    await prompt.waitFor({ state: 'visible', timeout: 15_000 });
    const reload = page.getByRole('button', { name: 'Reload' });
    c.equal(await reload.count(), 1, 'Reload buttons');
    // Nothing switched on its own: the page still runs version 1's files.
    const served = await page.evaluate(async () => (await (await fetch('/theme-init.js')).text()).includes('deployment 2'));
    c.ok(!served, 'the new version took over before the reader said so');
    await c.axe(page, 'update prompt');
    await screenshot(s, 'update-prompt');
    await Promise.all([page.waitForEvent('load', { timeout: 15_000 }), reload.click()]);
  });

  await step('after Reload the page runs version 2', async (c) => {
    await waitForPage(page, { h1: 'Latest news' });
    const served = await poll(() => page.evaluate(async () => (await (await fetch('/theme-init.js')).text()).includes('deployment 2')), Boolean, { timeout: 5000 });
    c.ok(served, 'theme-init.js of version 2 is not what the page gets after Reload');
    c.equal(await page.getByText('New version available').count(), 0, 'the prompt is still shown after Reload');
  });

});
