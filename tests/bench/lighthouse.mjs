#!/usr/bin/env node
// Lighthouse 12 (mobile preset: Moto G Power screen, simulated Slow 4G + 4x CPU) against the
// production build served by `vite preview`: home, a search and an article. Each URL is run 3
// times in a fresh Chromium (fresh profile) and the median of each figure is reported.
//
//   node tests/bench/lighthouse.mjs [--no-build] [--runs=N]
//
// Fails (exit 1) when a median is below: performance 0.90, accessibility 1.0, best practices
// 0.95, SEO 0.95 (pages meant to be indexed: home and article; search is noindex on purpose), or
// CLS above 0.02, or when the article page is not installable. Targets (performance 0.97, LCP
// 1.8 s, TBT 100 ms) are reported only. The measured history is in docs/performance.md. Full JSON
// reports go to tests/bench/out/.
//
// `--cpu=N` runs with another CPU slowdown than Lighthouse's 4x, to calibrate for a host as
// Lighthouse's docs/throttling.md describes (the output names the multiplier used).
//
// Installability: Lighthouse 12 dropped the PWA category and its installable-manifest audit, so
// we ask Chromium itself (CDP Page.getInstallabilityErrors) on the article page, in a normal
// (non-incognito) temporary profile once the service worker controls the page.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChromium, skipBanner } from '../e2e/env.mjs';
import { ensureBuild, ROOT, startPreview } from '../e2e/server.mjs';
import { articleHref, loadConfig, loadFeed, pickArticle, pickSearchWord } from '../e2e/feed.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const FLOOR = { performance: 0.9, accessibility: 1, 'best-practices': 0.95, seo: 0.95, cls: 0.02 };
const TARGET = { performance: 0.97, lcpMs: 1800, tbtMs: 100 };
const OUT = join(ROOT, 'tests/bench/out');
/** Lighthouse 12's mobile Slow 4G (core/config/constants.js), for runs with another CPU multiplier. */
const MOBILE_SLOW_4G = { rttMs: 150, throughputKbps: 1638.4, requestLatencyMs: 562.5, downloadThroughputKbps: 1474.56, uploadThroughputKbps: 675 };
const LH_VERSION = JSON.parse(readFileSync(join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')).version;

const argv = process.argv.slice(2);
const runs = Number(argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 3);
const cpu = Number(argv.find((a) => a.startsWith('--cpu='))?.split('=')[1] ?? 4);
const chromePath = findChromium();
if (!chromePath) {
  console.log(skipBanner('FAILED: Lighthouse needs Chromium (none found; set CHROME_PATH)'));
  process.exit(1);
}

console.log(ensureBuild({ skip: argv.includes('--no-build') }));
const config = loadConfig();
const { feed, items } = loadFeed(config);
const { word } = pickSearchWord(feed, items);
const article = pickArticle(feed, items, { withImage: true });
const pages = [
  { name: 'home', path: '/', indexed: true },
  { name: 'search', path: `/search?q=${encodeURIComponent(word)}`, indexed: false },
  { name: 'article', path: articleHref(article), indexed: true },
];

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function runOnce(url) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'lh-profile-'));
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_ARGS, userDataDir, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES, ...(cpu !== 4 ? { throttling: { ...MOBILE_SLOW_4G, cpuSlowdownMultiplier: cpu } } : {}) });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    return result;
  } finally {
    await chrome.kill();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** Chromium's installability verdict for a URL: the list of errors (empty = installable). */
async function installabilityErrors(url) {
  const profile = mkdtempSync(join(tmpdir(), 'lh-install-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromePath, args: CHROME_ARGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), null, { timeout: 15_000 });
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors: errors } = await cdp.send('Page.getInstallabilityErrors');
    return errors.map((e) => e.errorId + (e.errorArguments?.length ? ` (${e.errorArguments.map((a) => `${a.name}=${a.value}`).join(', ')})` : ''));
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Audits of the non-performance categories that did not pass, for the owner to fix. */
function failingAudits(lhr) {
  const out = [];
  for (const cat of ['accessibility', 'best-practices', 'seo']) {
    for (const ref of lhr.categories[cat]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (!a || a.score === null || a.score >= 1 || ['manual', 'notApplicable', 'informative'].includes(a.scoreDisplayMode)) continue;
      if (ref.weight === 0 && cat !== 'best-practices') continue;
      out.push(`${cat}/${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
    }
  }
  return out;
}

function perfHints(lhr) {
  const a = lhr.audits;
  const hints = [];
  const lcpEl = a['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet;
  if (lcpEl) hints.push(`LCP element: ${lcpEl.slice(0, 120)}`);
  for (const id of ['render-blocking-resources', 'unused-javascript', 'uses-responsive-images', 'server-response-time', 'critical-request-chains', 'mainthread-work-breakdown', 'bootup-time']) {
    const x = a[id];
    if (x && x.score !== null && x.score < 0.9) hints.push(`${id}: ${x.title}${x.displayValue ? ` (${x.displayValue})` : ''}`);
  }
  return hints;
}

mkdirSync(OUT, { recursive: true });
const server = await startPreview();
const started = Date.now();
const rows = [];
let installability = ['not checked'];
try {
  for (const p of pages) {
    const url = server.url + p.path;
    const lhrs = [];
    for (let i = 1; i <= runs; i++) {
      const t0 = Date.now();
      const { lhr, report } = await runOnce(url);
      writeFileSync(join(OUT, `${p.name}-run${i}.json`), Array.isArray(report) ? report[0] : report);
      if (lhr.runtimeError) console.log(`  ${p.name} run ${i}: runtime error ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      for (const w of lhr.runWarnings ?? []) console.log(`  ${p.name} run ${i}: warning: ${w}`);
      const perf = lhr.categories.performance?.score;
      console.log(`  ${p.name} run ${i}/${runs}: performance ${perf ?? 'n/a'} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      lhrs.push(lhr);
    }
    const pick = (f) => median(lhrs.map(f));
    const row = {
      name: p.name,
      path: p.path,
      performance: pick((l) => l.categories.performance?.score),
      accessibility: pick((l) => l.categories.accessibility?.score),
      'best-practices': pick((l) => l.categories['best-practices']?.score),
      seo: pick((l) => l.categories.seo?.score),
      lcpMs: pick((l) => l.audits['largest-contentful-paint']?.numericValue),
      fcpMs: pick((l) => l.audits['first-contentful-paint']?.numericValue),
      cls: pick((l) => l.audits['cumulative-layout-shift']?.numericValue),
      tbtMs: pick((l) => l.audits['total-blocking-time']?.numericValue),
      // Lighthouse's CPU benchmark of this machine: simulated TBT and LCP scale with it.
      benchmarkIndex: pick((l) => l.environment?.benchmarkIndex),
    };
    const mid = [...lhrs].sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0))[Math.floor(lhrs.length / 2)];
    row.failing = failingAudits(mid);
    row.hints = perfHints(mid);
    row.indexed = p.indexed;
    rows.push(row);
  }
  const articleUrl = server.url + pages.find((p) => p.name === 'article').path;
  installability = await installabilityErrors(articleUrl).catch((e) => [`check failed: ${e.message}`]);
} finally {
  await server.close();
}

const f2 = (x) => (Number.isNaN(x) ? 'n/a' : x.toFixed(2));
console.log(`\nLighthouse ${LH_VERSION} mobile (simulated Slow 4G, ${cpu}x CPU), median of ${runs} run(s), ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
const header = ['page', 'perf', 'a11y', 'best-pr', 'seo', 'LCP s', 'FCP s', 'CLS', 'TBT ms', 'CPU index'];
const widths = [10, 6, 6, 8, 6, 7, 7, 7, 7, 9];
const line = (cells) => '  ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' ');
console.log(line(header));
for (const r of rows) {
  console.log(
    line([r.name, f2(r.performance), f2(r.accessibility), f2(r['best-practices']), f2(r.seo), f2(r.lcpMs / 1000), f2(r.fcpMs / 1000), r.cls.toFixed(3), Math.round(r.tbtMs), Math.round(r.benchmarkIndex)]),
  );
}
for (const r of rows) {
  console.log(`\n${r.name}: ${r.path}`);
  for (const x of r.failing) console.log(`  not passed: ${x}`);
  for (const x of r.hints) console.log(`  perf: ${x}`);
}

const failures = [];
const targets = [];
for (const r of rows) {
  const s = (x) => (Number.isNaN(x) ? -1 : x);
  if (s(r.performance) < FLOOR.performance) failures.push(`${r.name}: performance ${f2(r.performance)} < ${FLOOR.performance}`);
  if (s(r.accessibility) < FLOOR.accessibility) failures.push(`${r.name}: accessibility ${f2(r.accessibility)} < ${FLOOR.accessibility}`);
  if (s(r['best-practices']) < FLOOR['best-practices']) failures.push(`${r.name}: best practices ${f2(r['best-practices'])} < ${FLOOR['best-practices']}`);
  if (r.indexed && s(r.seo) < FLOOR.seo) failures.push(`${r.name}: SEO ${f2(r.seo)} < ${FLOOR.seo}`);
  if (!(r.cls <= FLOOR.cls)) failures.push(`${r.name}: CLS ${r.cls.toFixed(3)} > ${FLOOR.cls}`);
  targets.push(`${r.name}: performance ${f2(r.performance)} ≥ ${TARGET.performance} ${r.performance >= TARGET.performance ? 'met' : 'NOT MET'}; LCP ${f2(r.lcpMs / 1000)} s ≤ ${TARGET.lcpMs / 1000} s ${r.lcpMs <= TARGET.lcpMs ? 'met' : 'NOT MET'}; TBT ${Math.round(r.tbtMs)} ms ≤ ${TARGET.tbtMs} ms ${r.tbtMs <= TARGET.tbtMs ? 'met' : 'NOT MET'}`);
}
console.log('\nTargets (reported, not enforced):');
for (const x of targets) console.log(`  ${x}`);
console.log(`\nInstallable (article page, Chromium's Page.getInstallabilityErrors): ${installability.length ? `NO: ${installability.join('; ')}` : 'yes, no installability errors'}`);
if (installability.length) failures.push(`article: not installable (${installability.join('; ')})`);
for (const r of rows) console.log(`SEO ${r.name}: ${f2(r.seo)}${r.indexed ? ` (floor ${FLOOR.seo})` : ' (noindex on purpose: not enforced)'}`);
console.log('  (CPU index: Lighthouse\'s benchmarkIndex of this machine, median; simulated TBT and LCP grow as it drops, so compare runs on similar values)');
console.log(`\nFloors (enforced): performance ≥ ${FLOOR.performance}, accessibility ≥ ${FLOOR.accessibility}, best practices ≥ ${FLOOR['best-practices']}, SEO ≥ ${FLOOR.seo} (indexed pages), CLS ≤ ${FLOOR.cls}, article installable`);
console.log(`Full reports: tests/bench/out/`);
if (failures.length) {
  console.log(`BELOW FLOOR:\n${failures.map((x) => `  ✗ ${x}`).join('\n')}`);
  process.exit(1);
}
console.log('All floors met.');
