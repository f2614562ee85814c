#!/usr/bin/env node
// npm run bench:archive [-- --no-build] [--sizes 100,21578,200000] [--rebuild]
//
// The reader in archive mode, in headless Chromium with the network throttled to Slow 4G (CDP:
// 150 ms RTT, 1.6 Mbps down, 750 kbps up), for archives of 100 items, the 21,578-item Reuters
// corpus and 200,000 synthetic items derived from it. For each it prints:
//   - home: bytes transferred and time until the first headline is visible;
//   - search: bytes and time from submitting a query until results show;
//   - JS heap after scrolling 2,000 list items (virtualized).
// Archives are built with `npm run archive` into tests/bench/out/ (kept between runs; --rebuild
// forces), their build time and size printed. Files are served gzip-compressed (as any CDN does)
// by a small static server that also serves dist/.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChromium } from '../e2e/env.mjs';
import { DIST, ROOT, ensureBuild } from '../e2e/server.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const SIZES = option('--sizes', '100,21578,200000').split(',').map(Number);
const OUT = join(ROOT, 'tests/bench/out');
const REUTERS = join(ROOT, '../shared/data/corpora/reuters-21578.feed.json');
const QUERY = 'coffee';
const SCROLL_ITEMS = 2000;
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

const chrome = findChromium();
if (!chrome) {
  console.log('SKIPPED: bench:archive (no Chromium; set CHROME_PATH)');
  process.exit(0);
}
console.log(`app: ${ensureBuild({ skip: flag('--no-build') })}`);

/** Build (or reuse) the archive of `size` items; returns its folder and build figures. */
function archiveFor(size) {
  const dir = join(OUT, `archive-${size}`);
  const logFile = join(OUT, `build-${size}.txt`);
  if (!flag('--rebuild') && existsSync(join(dir, 'manifest.json')) && existsSync(logFile)) {
    return { dir, log: readFileSync(logFile, 'utf8'), reused: true };
  }
  let input = REUTERS;
  if (size !== 21578) {
    input = join(OUT, `synthetic-${size}.ndjson`);
    const r = size === 100 ? synthesizeFirst(100, input) : spawnSync(process.execPath, ['tests/bench/synthesize-archive-corpus.mjs', String(size), input], { cwd: ROOT, stdio: 'inherit' });
    if (r && r.status !== 0) throw new Error('could not synthesize the corpus');
  }
  console.log(`building the ${size.toLocaleString('en')}-item archive…`);
  const r = spawnSync('npx', ['tsx', 'tools/archive/archive.ts', '--quiet', '--out', dir, input], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=8192' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`archive build failed: ${r.stderr.slice(-2000)}`);
  writeFileSync(logFile, r.stdout);
  return { dir, log: r.stdout, reused: false };
}

/** The 100-item archive: the newest 100 Reuters items, unchanged. */
function synthesizeFirst(n, out) {
  const feed = JSON.parse(readFileSync(REUTERS, 'utf8'));
  writeFileSync(out, feed.items.filter((i) => i.title).slice(0, n).map((i) => JSON.stringify(i)).join('\n'));
  return null;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.wasm': 'application/wasm', '.webp': 'image/webp', '.png': 'image/png' };
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg']);

/**
 * Bytes the server sent (bodies as sent, after gzip, plus the status line and headers). Counted
 * here because Pagefind fetches from a Web Worker, whose requests the page's CDP session misses.
 */
const served = { bytes: 0, archiveBytes: 0, requests: 0 };

/** dist/ at /, archive N at /archives/N/; gzip for text, SPA fallback, config.json per archive. */
function startServer(archives) {
  const server = createServer((req, res) => {
    served.requests++;
    const isArchive = req.url.startsWith('/archives/');
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    const count = (chunk) => {
      if (chunk && typeof chunk !== 'function') {
        const n = Buffer.byteLength(chunk);
        served.bytes += n;
        if (isArchive) served.archiveBytes += n;
      }
    };
    res.write = (chunk, ...rest) => (count(chunk), write(chunk, ...rest));
    res.end = (chunk, ...rest) => (count(chunk), end(chunk, ...rest));
    res.on('finish', () => {
      const head = Buffer.byteLength(`HTTP/1.1 200 OK\r\n${Object.entries(res.getHeaders()).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`);
      served.bytes += head;
      if (isArchive) served.archiveBytes += head;
    });
    const url = new URL(req.url, 'http://x');
    let file;
    const m = /^\/archives\/(\d+)\/(.*)$/.exec(decodeURIComponent(url.pathname));
    if (url.pathname === '/config.json') {
      const size = url.searchParams.get('a') ?? req.headers.referer?.match(/[?&]a=(\d+)/)?.[1];
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ siteName: 'Archive bench', sources: [{ id: 'archive', name: 'Reuters archive', type: 'archive', url: `/archives/${size}/manifest.json` }], pageSize: 20 }));
      return;
    }
    if (m) file = join(archives.get(Number(m[1])) ?? '/nonexistent', normalize(m[2]));
    else file = join(DIST, normalize(url.pathname));
    if (!existsSync(file) || statSync(file).isDirectory()) {
      if (m) {
        res.writeHead(404).end();
        return;
      }
      file = join(DIST, 'index.html');
    }
    const ext = extname(file);
    const headers = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    if (COMPRESSIBLE.has(ext) && /gzip/.test(req.headers['accept-encoding'] ?? '')) {
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip' });
      createReadStream(file).pipe(createGzip()).pipe(res);
    } else {
      res.writeHead(200, { ...headers, 'content-length': statSync(file).size });
      createReadStream(file).pipe(res);
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A fresh page with Slow 4G and a byte counter (encoded bytes, from CDP). */
async function throttledPage(browser, baseURL) {
  // A first visit without the service worker: its precache of the app (the same whatever the
  // archive) would otherwise land in every figure as it downloads in the background.
  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, isMobile: true, deviceScaleFactor: 2, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  const meter = { bytes: 0, archiveBytes: 0, requests: [] };
  const urls = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    meter.requests.push(e.request.url);
    urls.set(e.requestId, e.request.url);
  });
  cdp.on('Network.loadingFinished', (e) => {
    meter.bytes += e.encodedDataLength;
    if (urls.get(e.requestId)?.includes('/archives/')) meter.archiveBytes += e.encodedDataLength;
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { context, page, cdp, meter, errors };
}

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const ms = (t) => `${Math.round(t)} ms`;

const archives = new Map();
const builds = [];
for (const size of SIZES) {
  const a = archiveFor(size);
  archives.set(size, a.dir);
  builds.push({ size, ...a });
}
console.log('\nArchive builds (npm run archive):');
for (const b of builds) {
  const lines = b.log.split('\n');
  const find = (label) => lines.find((l) => l.trim().startsWith(label))?.trim() ?? '';
  console.log(`  ${String(b.size).padStart(7)} items: ${find('articles')} | ${find('size')} | ${find('time')}${b.reused ? ' (built earlier)' : ''}`);
}

const server = await startServer(archives);
const baseURL = `http://127.0.0.1:${server.address().port}`;
if (flag('--serve')) {
  // Look at an archive by hand: open BASE/?a=SIZE (then navigate within the app).
  console.log(`serving ${baseURL}/?a=${SIZES[0]} (Ctrl-C to stop)`);
  await new Promise(() => {});
}
const browser = await chromium.launch({ executablePath: chrome, headless: true, args: CHROME_ARGS });
const rows = [];
try {
  for (const size of SIZES) {
    const row = { size };
    // Home: cold, from navigation start until the first headline is visible.
    {
      const { context, page, meter, errors } = await throttledPage(browser, baseURL);
      const start = { ...served };
      const t0 = Date.now();
      await page.goto(`/?a=${size}`, { waitUntil: 'commit' });
      // The archive's own newest headline: the built page is prerendered with the sample feed's,
      // which the reader replaces once config.json names other sources.
      const newest = JSON.parse(readFileSync(join(archives.get(size), 'manifest.json'), 'utf8')).items[0].title;
      await page.locator('main ol h2').filter({ hasText: newest }).first().waitFor({ state: 'visible', timeout: 60_000 });
      row.homeMs = Date.now() - t0;
      await page.waitForTimeout(500);
      row.homeBytes = served.bytes - start.bytes;
      row.homeArchiveBytes = served.archiveBytes - start.archiveBytes;
      row.homeRequests = served.requests - start.requests;
      row.homeBytesCdp = meter.bytes;
      if (errors.length) row.errors = errors.slice(0, 3);
      await context.close();
    }
    // Search: the app and its front page loaded first; then bytes and time for one query.
    {
      const { context, page, errors } = await throttledPage(browser, baseURL);
      const searchStart = { ...served };
      await page.goto(`/search?a=${size}`);
      const input = page.getByRole('searchbox', { name: 'Search articles' });
      await input.waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(1000); // let search's warm-up (pagefind.js, entry, wasm) finish
      const before = { ...served };
      const t0 = Date.now();
      await input.fill(QUERY);
      await input.press('Enter');
      // Results shown: the count is announced and the first card (if any) is visible.
      const status = page.getByRole('status').filter({ hasText: /\d+ results?$/ });
      await status.waitFor({ timeout: 60_000 });
      if (!/^0 /.test((await status.textContent()).trim())) await page.locator('main ol h2').first().waitFor({ state: 'visible', timeout: 60_000 });
      row.searchMs = Date.now() - t0;
      await page.waitForLoadState('networkidle');
      row.searchBytes = served.bytes - before.bytes;
      row.searchRequests = served.requests - before.requests;
      row.warmupBytes = before.bytes - searchStart.bytes;
      // Everything the archive sent for the first search: Pagefind's code, entry and metadata
      // (fetched when search opens) plus what the query fetched.
      row.firstSearchBytes = served.archiveBytes - searchStart.archiveBytes;
      row.searchResults = (await status.textContent())?.trim();
      // One part further back, as the reader asks with "Also search … older articles".
      const older = page.getByRole('link', { name: /^Also search/ });
      if (await older.count()) {
        const mark = { ...served };
        const t1 = Date.now();
        const scope = await page.locator('main p', { hasText: /^Searched the newest/ }).textContent();
        await older.click();
        await page.locator('main p', { hasText: /^Searched the newest|^Searching all of/ }).filter({ hasNotText: scope }).waitFor({ timeout: 60_000 });
        await page.locator('main p[role="status"]').filter({ hasText: /\d+ results?$/ }).waitFor({ timeout: 60_000 });
        row.olderMs = Date.now() - t1;
        await page.waitForLoadState('networkidle');
        row.olderBytes = served.archiveBytes - mark.archiveBytes;
        row.olderResults = (await status.textContent())?.trim();
      }
      if (errors.length) row.errors = [...(row.errors ?? []), ...errors.slice(0, 3)];
      await context.close();
    }
    // Memory: scroll until 2,000 items have been loaded and passed, then measure the heap after GC.
    if (size >= SCROLL_ITEMS) {
      const { context, page, cdp } = await throttledPage(browser, baseURL);
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await page.goto(`/?a=${size}`);
      await page.locator('main ol h2').first().waitFor({ state: 'visible' });
      const started = Date.now();
      let last = -1;
      while (Date.now() - started < 120_000) {
        const index = await page.evaluate(() => {
          window.scrollBy(0, window.innerHeight * 3);
          return Math.max(...[...document.querySelectorAll('main ol > li[data-index]')].map((li) => Number(li.dataset.index)));
        });
        if (index >= SCROLL_ITEMS) {
          last = index;
          break;
        }
        await page.waitForTimeout(50);
      }
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      row.heapMb = usedSize / 1024 / 1024;
      row.domRows = await page.locator('main ol > li').count();
      row.scrolledTo = last;
      await context.close();
    }
    rows.push(row);
  }
} finally {
  await browser.close();
  server.close();
}

console.log(`\nbench:archive, Slow 4G (150 ms RTT, 1.6 Mbps down), phone 360x740, gzip, service worker blocked; query "${QUERY}"`);
console.log('| items | home bytes (archive files), requests | first headline | search page + Pagefind warm-up | query bytes, requests | first search, all archive bytes | search time | results | one part older: bytes, time, results | heap after 2,000 items |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---|---|---|');
for (const r of rows) {
  const heap = r.heapMb === undefined ? 'n/a (fewer items)' : `${r.heapMb.toFixed(1)} MB (${r.domRows} rows in DOM, reached item ${r.scrolledTo})`;
  console.log(`| ${r.size.toLocaleString('en')} | ${kb(r.homeBytes)} (${kb(r.homeArchiveBytes)}), ${r.homeRequests} req | ${ms(r.homeMs)} | ${kb(r.warmupBytes)} | ${kb(r.searchBytes)}, ${r.searchRequests} | ${kb(r.firstSearchBytes)} | ${ms(r.searchMs)} | ${r.searchResults} | ${r.olderMs === undefined ? 'n/a (one part)' : `${kb(r.olderBytes)}, ${ms(r.olderMs)}, ${r.olderResults}`} | ${heap} |`);
  if (r.errors) console.log(`  errors: ${r.errors.join(' | ')}`);
}
const small = rows.find((r) => r.size === 100);
const big = rows.find((r) => r.size === 200000);
if (small && big) {
  console.log(`\nhome bytes, 200,000 vs 100: ${((big.homeBytes / small.homeBytes - 1) * 100).toFixed(1)}% (target within 10%)`);
  console.log(`search on 200,000: query ${kb(big.searchBytes)}, first search with Pagefind's code and metadata ${kb(big.firstSearchBytes)} (target at most 300 KB), ${ms(big.searchMs)} (target within 2 s)`);
  if (big.heapMb !== undefined) console.log(`JS heap after scrolling 2,000 items: ${big.heapMb.toFixed(1)} MB (target below 60 MB)`);
}
