#!/usr/bin/env tsx
// bench:serve: the production server (`npm run serve`) against the local WordPress
// (../shared/tools/wordpress: nginx + php-fpm, theme twentytwentythree, no page cache) holding
// the same articles, measured side by side in one run on this machine:
//
// 1. Lighthouse mobile (simulated Slow 4G, 4x CPU), home, one article and a search, the reader
//    and WordPress runs interleaved (reader, WordPress, then WordPress, reader, …), a fresh
//    Chromium profile per run; medians.
// 2. Load with autocannon on loopback: 50 connections, 30 s (--quick: 10 s) per run after a short
//    warm-up, home and article, against the reader with its caches (defaults), the reader with
//    caching off (CACHE_TTL=0 CACHE_SWR=0 CACHE_STALE_IF_ERROR=0: every request renders, except
//    that concurrent requests for the same page share one render: the single-flight, by design),
//    and WordPress. Requests carry a browser's Accept-Encoding.
// 3. Memory: the server's resident memory while 5,000 distinct URLs are requested (articles,
//    `/?page=N`, searches, unknown paths), sampled from /proc, with /healthz's cache figures and
//    process.memoryUsage() from a preloaded probe (serve-memory-probe.cjs).
// 4. Fault: WordPress behind a switchable proxy (tests/e2e/serve-support.ts) is taken down a
//    third of the way into a load run on cached pages.
//
//   npm run bench:serve -- [--quick] [--no-build] [--skip-lighthouse] [--runs=N] [--only=memory,…]
//
// --quick (CI): 10 s load runs without the long warm-up, Lighthouse once per page on home and
// article only, fewer WordPress-bound URLs in the memory run (still 5,000 distinct).
//
// Budgets enforced (exit 1) are the stable ones, ratios and counts: cached requests/s ≥ 20×
// WordPress's, no non-2xx answer from the cached reader, RSS ≤ 250 MB, every cache within its
// bound, no non-2xx answer with WordPress down. Reported only: the cached p99 ≤ 50 ms (it moves
// with the host's load as much as a bare node:http server's does) and the Lighthouse comparison
// (it moves with Lighthouse's CPU index). The reader runs with ACCESS_LOG=0: otherwise every
// answer is a JSON line that this process parses on the same two cores. The reader's pages come
// from WordPress (a `wordpress` source), so both serve the same posts; the import is in
// serve-wordpress.ts. Full JSON figures and Lighthouse reports go to tests/bench/out/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import autocannon from 'autocannon';
import * as chromeLauncher from 'chrome-launcher';
import { CHROME_ARGS, findChromium } from '../e2e/env.mjs';
import {
  auditAt,
  calibratedMultiplier,
  CALIBRATION,
  DEFAULT_MULTIPLIER,
  gather,
  savedBenchmarkIndexes,
} from './lighthouse-calibration.mjs';
import { ensureBuild, ROOT } from '../e2e/server.mjs';
import { startCountingProxy, startServe, type Served } from '../e2e/serve-support.ts';
import {
  BUNDLED,
  comparedPages,
  ensureWordPress,
  importCorpus,
  LARGE,
  stopWordPress,
  WP_URL,
  type ComparedPage,
} from './serve-wordpress.ts';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const ONLY = argv
  .find((a) => a.startsWith('--only='))
  ?.split('=')[1]
  ?.split(',');
/** --only=lighthouse,load,memory,fault: run only those parts (to look into one of them). */
const want = (part: 'lighthouse' | 'load' | 'memory' | 'fault') => !ONLY || ONLY.includes(part);
const SKIP_LIGHTHOUSE = argv.includes('--skip-lighthouse') || !want('lighthouse');
const LH_RUNS = Number(argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? (QUICK ? 1 : 5));
const LOAD_SECONDS = QUICK ? 10 : 30;
const WARMUP_SECONDS = QUICK ? 0 : 2;
const CONNECTIONS = 50;
const MEMORY_URLS = 5000;
const OUT = join(ROOT, 'tests/bench/out');
/** What a browser sends: the reader answers its precompressed brotli, nginx gzips WordPress's HTML. */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html,application/xhtml+xml' };

const BUDGETS = {
  /** The reader with its caches against plain WordPress (no page cache), requests/s. */
  cachedRpsRatio: 20,
  /** A cached page's 99th percentile under 50 connections: reported only (see above). */
  cachedP99Ms: 50,
  rssMb: 250,
  faultNon2xx: 0,
};

const config = (sourceUrl: string) => ({
  siteName: 'Loopback News',
  description: 'The local WordPress, read by the news reader.',
  locale: 'en',
  sources: [{ id: 'wp', name: 'Loopback News', type: 'wordpress', url: sourceUrl, perPage: 10, maxPages: 1 }],
  pageSize: 10,
  recentNewsCount: 6,
});
const CACHING_OFF = { CACHE_TTL: '0', CACHE_SWR: '0', CACHE_STALE_IF_ERROR: '0' };
const QUIET = { ACCESS_LOG: '0' };

const median = (xs: number[]): number => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const seconds = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(0)} s`;
const mb = (bytes: number) => bytes / 1024 / 1024;

/** Resident memory of a process, in bytes: /proc/<pid>/status VmRSS, else `ps`. */
function rssOf(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    /* not Linux: ps below */
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) * 1024;
}

// ---------------------------------------------------------------- Lighthouse

interface LighthouseFigures {
  performance: number;
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  cls: number;
  ttfbMs: number;
  bytes: number;
  benchmarkIndex: number;
  /** The CPU slowdown of the calibrated audit, and its figures. */
  multiplier: number;
  calibrated: { performance: number; lcpMs: number; tbtMs: number };
}

const chromePath = findChromium();

/** The figures of one Lighthouse report. */
function figuresOf(lhr: {
  audits: Record<string, { numericValue?: number } | undefined>;
  categories: Record<string, { score: number | null } | undefined>;
}) {
  const n = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    performance: lhr.categories.performance?.score ?? NaN,
    lcpMs: n('largest-contentful-paint'),
    fcpMs: n('first-contentful-paint'),
    tbtMs: n('total-blocking-time'),
    cls: n('cumulative-layout-shift'),
    ttfbMs: n('server-response-time'),
    bytes: n('total-byte-weight'),
  };
}

/**
 * One Lighthouse mobile run in a fresh Chromium with a fresh profile (as tests/bench/lighthouse.mjs
 * runs them): gathered once, audited at Lighthouse's 4x CPU slowdown and at the slowdown
 * calibrated to the machine's speed measured in that gather (decision 066), so a busy host does
 * not make the page with more script look worse than it is.
 */
async function lighthouseOnce(url: string, reportFile: string): Promise<LighthouseFigures> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'lh-profile-'));
  const gatherDir = mkdtempSync(join(tmpdir(), 'lh-gather-'));
  const chrome = await chromeLauncher.launch({
    chromePath: chromePath!,
    chromeFlags: CHROME_ARGS,
    userDataDir,
    logLevel: 'silent',
  });
  const flags = {
    port: chrome.port,
    output: 'json' as const,
    logLevel: 'error' as const,
    onlyCategories: ['performance'],
  };
  try {
    await gather(url, gatherDir, flags);
    const benchmarkIndex = median(savedBenchmarkIndexes(gatherDir));
    const multiplier = calibratedMultiplier(benchmarkIndex);
    const raw = await auditAt(url, gatherDir, DEFAULT_MULTIPLIER, flags);
    const calibrated = await auditAt(url, gatherDir, multiplier, flags);
    for (const [result, file] of [
      [raw, reportFile],
      [calibrated, reportFile.replace(/\.json$/, '-calibrated.json')],
    ] as const) {
      writeFileSync(file, Array.isArray(result.report) ? result.report[0]! : result.report);
      if (result.lhr.runtimeError)
        throw new Error(`${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    }
    const c = figuresOf(calibrated.lhr);
    return {
      ...figuresOf(raw.lhr),
      benchmarkIndex,
      multiplier,
      calibrated: { performance: c.performance, lcpMs: c.lcpMs, tbtMs: c.tbtMs },
    };
  } finally {
    await chrome.kill();
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(gatherDir, { recursive: true, force: true });
  }
}

type Target = 'reader' | 'wordpress';
interface LighthouseRow {
  page: string;
  runs: Record<Target, LighthouseFigures[]>;
  median: Record<Target, LighthouseFigures>;
}

async function lighthouseComparison(readerUrl: string, pages: ComparedPage[]): Promise<LighthouseRow[]> {
  const rows: LighthouseRow[] = pages.map((p) => ({
    page: p.name,
    runs: { reader: [], wordpress: [] },
    median: {} as LighthouseRow['median'],
  }));
  for (let run = 1; run <= LH_RUNS; run++) {
    for (const [i, p] of pages.entries()) {
      // Alternate who goes first, so neither always runs on a just-woken machine.
      const order: Target[] = (run + i) % 2 ? ['reader', 'wordpress'] : ['wordpress', 'reader'];
      for (const target of order) {
        const url = target === 'reader' ? readerUrl + p.reader : WP_URL + p.wordpress;
        const t0 = Date.now();
        const f = await lighthouseOnce(url, join(OUT, `serve-lh-${p.name}-${target}-run${run}.json`));
        rows[i]!.runs[target].push(f);
        console.log(
          `  lighthouse ${run}/${LH_RUNS} ${p.name.padEnd(7)} ${target.padEnd(9)} perf ${f.performance.toFixed(2)} (calibrated ${f.calibrated.performance.toFixed(2)} at ${f.multiplier}x, BI ${Math.round(f.benchmarkIndex)}), LCP ${(f.lcpMs / 1000).toFixed(2)} s, TBT ${Math.round(f.tbtMs)} ms (calibrated ${Math.round(f.calibrated.tbtMs)}) (${seconds(t0)})`,
        );
      }
    }
  }
  for (const row of rows) {
    for (const target of ['reader', 'wordpress'] as const) {
      const rs = row.runs[target];
      const pick = (k: Exclude<keyof LighthouseFigures, 'calibrated'>) => median(rs.map((r) => r[k]));
      row.median[target] = {
        performance: pick('performance'),
        lcpMs: pick('lcpMs'),
        fcpMs: pick('fcpMs'),
        tbtMs: pick('tbtMs'),
        cls: pick('cls'),
        ttfbMs: pick('ttfbMs'),
        bytes: pick('bytes'),
        benchmarkIndex: pick('benchmarkIndex'),
        multiplier: pick('multiplier'),
        calibrated: {
          performance: median(rs.map((r) => r.calibrated.performance)),
          lcpMs: median(rs.map((r) => r.calibrated.lcpMs)),
          tbtMs: median(rs.map((r) => r.calibrated.tbtMs)),
        },
      };
    }
  }
  return rows;
}

// ---------------------------------------------------------------- load

interface LoadFigures {
  target: string;
  page: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** Reader only: pages rendered (page-cache loads) and upstream requests during the run. */
  renders?: number;
  upstream?: number;
}

async function cannon(
  url: string,
  duration: number,
  extra: Partial<autocannon.Options> = {},
): Promise<autocannon.Result> {
  // A 30 s timeout: WordPress under 50 connections answers in seconds, and a request cut at autocannon's
  // default 10 s would be work thrown away and counted against it.
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    timeout: 30,
    headers: BROWSER_HEADERS,
    ...extra,
  });
}

interface CacheStatsLike {
  loads: number;
  entries: number;
  bytes: number;
  maxBytes: number;
  evictions: number;
  hits: number;
  stale: number;
  misses: number;
}
interface Health {
  status: string;
  cache: { sources: CacheStatsLike; lists: CacheStatsLike; pages: CacheStatsLike };
  memory: { rssBytes: number };
}
/** /healthz, asked up to three times; when the server has exited, its exit and last words. */
async function health(served: Served): Promise<Health> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await (
        await fetch(`${served.url}/healthz`, { signal: AbortSignal.timeout(10_000) })
      ).json()) as Health;
    } catch (error) {
      const { exitCode, signalCode } = served.child;
      if (exitCode !== null || signalCode !== null) {
        const last = served.logs
          .slice(-5)
          .map((l) => JSON.stringify(l))
          .join('\n');
        throw new Error(
          `the server under test exited (${exitCode ?? signalCode}); its last log lines:\n${last}\n${stderrOf(served)}`,
        );
      }
      if (attempt === 3) throw error;
      console.log(`  /healthz did not answer (${String((error as Error).cause ?? error)}); asking again`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/** The server's standard error, kept from its start (startServe keeps it only until it listens). */
const stderrs = new WeakMap<Served, string[]>();
function keepStderr(served: Served): Served {
  const lines: string[] = [];
  served.child.stderr?.on('data', (d: Buffer) => lines.push(String(d)));
  stderrs.set(served, lines);
  return served;
}
const stderrOf = (served: Served) => (stderrs.get(served) ?? []).join('').slice(-2000);

async function loadRun(target: string, page: string, url: string, served?: Served): Promise<LoadFigures> {
  if (WARMUP_SECONDS) await cannon(url, WARMUP_SECONDS);
  else for (let i = 0; i < 10; i++) await (await fetch(url, { headers: BROWSER_HEADERS })).arrayBuffer();
  const before = served ? await health(served) : undefined;
  const r = await cannon(url, LOAD_SECONDS);
  const after = served ? await health(served) : undefined;
  const figures: LoadFigures = {
    target,
    page,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
  if (before && after) {
    figures.renders = after.cache.pages.loads - before.cache.pages.loads;
    figures.upstream = after.cache.sources.loads - before.cache.sources.loads;
  }
  console.log(
    `  load ${target.padEnd(16)} ${page.padEnd(7)} ${Math.round(figures.rps)} req/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms, non-2xx ${figures.non2xx}, errors ${figures.errors}` +
      (figures.renders !== undefined ? `, renders ${figures.renders}, upstream ${figures.upstream}` : ''),
  );
  return figures;
}

// ---------------------------------------------------------------- memory

interface MemoryFigures {
  urls: number;
  seconds: number;
  statuses: Record<string, number>;
  rssStartMb: number;
  rssPeakMb: number;
  rssEndMb: number;
  pages: CacheStatsLike;
  sources: CacheStatsLike;
  lists: CacheStatsLike;
  /** process.memoryUsage() of the server at the end and its peaks (serve-memory-probe.cjs). */
  end: MemoryUsage;
  peak: MemoryUsage;
}

/**
 * 5,000 distinct URLs, as a crawler makes them: posts (each one a request to WordPress), the same
 * posts with an unknown query parameter (a page of their own in the cache, no new request to
 * WordPress), the front page's `/?page=N` up to the last page, searches for words of the corpus
 * (a WordPress search each) and unknown paths. Fewer of the WordPress-bound kinds with --quick:
 * WordPress answers about ten a second here.
 */
async function memoryUrls(): Promise<string[]> {
  const distinctPosts = QUICK ? 100 : 500;
  const posts: { id: number; slug: string }[] = [];
  let lastPage = 1;
  for (let page = 1; posts.length < distinctPosts; page++) {
    const r = await fetch(`${WP_URL}/wp-json/wp/v2/posts?per_page=100&page=${page}&_fields=id,slug`);
    if (!r.ok) break;
    // The reader pages WordPress 10 posts at a time (config above): its last front page.
    lastPage = Math.ceil(Number(r.headers.get('x-wp-total')) / 10);
    const batch = (await r.json()) as { id: number; slug: string }[];
    if (!batch.length) break;
    posts.push(...batch);
  }
  const articles = posts.slice(0, distinctPosts).map((p) => `/articles/${p.id}/${p.slug}`);
  const variants = Array.from(
    { length: 2000 - articles.length },
    (_, i) => `${articles[i % articles.length]}?ref=${i}`,
  );
  const { items } = JSON.parse(readFileSync(LARGE.file, 'utf8')) as { items: { title?: string }[] };
  const words = [
    ...new Set(items.flatMap((i) => (i.title ?? '').toLowerCase().match(/[a-z]{4,}/g) ?? [])),
  ].sort();
  const searches = words.slice(0, QUICK ? 25 : 100).map((w) => `/search?q=${w}`);
  const paged = Array.from({ length: Math.min(lastPage, QUICK ? 50 : 250) - 1 }, (_, i) => `/?page=${i + 2}`);
  const fixed = articles.length + variants.length + searches.length + paged.length;
  const unknown = Array.from({ length: MEMORY_URLS - fixed }, (_, i) => `/no-such-page-${i}`);
  // Interleaved, so the caches see the mix a crawler makes, not one kind after another.
  const kinds = [articles, variants, paged, unknown, searches];
  const out: string[] = [];
  for (let i = 0; out.length < MEMORY_URLS; i++) for (const k of kinds) if (i < k.length) out.push(k[i]!);
  return out;
}

interface MemoryUsage {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

async function memoryRun(urls: string[]): Promise<MemoryFigures> {
  const probeFile = join(mkdtempSync(join(tmpdir(), 'bench-memory-')), 'probe.json');
  const served = await startServe({
    config: config(WP_URL),
    env: {
      ...QUIET,
      NODE_OPTIONS: `--require ${join(ROOT, 'tests/bench/serve-memory-probe.cjs')}`,
      MEMORY_PROBE_FILE: probeFile,
    },
  });
  try {
    const pid = served.child.pid!;
    const rssStart = rssOf(pid);
    let peak = rssStart;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 200);
    const statuses: Record<string, number> = {};
    const t0 = Date.now();
    let next = 0;
    let done = 0;
    // 16 readers at a time: enough to keep the server busy, few enough that WordPress (4 PHP workers) keeps up.
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < urls.length) {
          const url = urls[next++]!;
          const r = await fetch(served.url + url, { headers: BROWSER_HEADERS, redirect: 'manual' });
          await r.arrayBuffer();
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
          if (++done % 1000 === 0)
            console.log(
              `  memory: ${done}/${urls.length} URLs, RSS ${mb(rssOf(pid)).toFixed(0)} MB (${seconds(t0)})`,
            );
        }
      }),
    );
    const elapsed = (Date.now() - t0) / 1000;
    // Two more seconds idle: what stays resident once the burst is over.
    await new Promise((r) => setTimeout(r, 2000));
    clearInterval(sampler);
    const h = await health(served);
    const rssEnd = rssOf(pid);
    peak = Math.max(peak, rssEnd);
    const probe = JSON.parse(readFileSync(probeFile, 'utf8')) as { now: MemoryUsage; peak: MemoryUsage };
    return {
      urls: urls.length,
      seconds: elapsed,
      statuses,
      rssStartMb: mb(rssStart),
      rssPeakMb: mb(peak),
      rssEndMb: mb(rssEnd),
      pages: h.cache.pages,
      sources: h.cache.sources,
      lists: h.cache.lists,
      end: probe.now,
      peak: probe.peak,
    };
  } finally {
    await served.stop();
    rmSync(join(probeFile, '..'), { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- fault

interface FaultFigures {
  requests: number;
  non2xx: number;
  errors: number;
  rps: number;
  p99: number;
  downAfterSeconds: number;
  upstreamBeforeDown: number;
  healthAfter: string;
  staleAnswers: number;
}

/**
 * Cached home and article under load while WordPress goes down a third of the way in. TTL 2 s
 * and no stale-while-revalidate window, so the pages expire during the run and each expiry goes
 * through the failing refresh and stale-if-error, not only through fresh hits.
 */
async function faultRun(pages: ComparedPage[]): Promise<FaultFigures> {
  const proxy = await startCountingProxy(WP_URL);
  const served = await startServe({
    config: config(proxy.url),
    env: { ...QUIET, CACHE_TTL: '2', CACHE_SWR: '0' },
  });
  try {
    const paths = pages.filter((p) => p.name !== 'search').map((p) => p.reader);
    for (const p of paths) {
      const r = await fetch(served.url + p, { headers: BROWSER_HEADERS });
      if (r.status !== 200) throw new Error(`fault run: warming ${p} answered ${r.status}`);
      await r.arrayBuffer();
    }
    const before = await health(served);
    const downAfter = LOAD_SECONDS / 3;
    let upstreamBeforeDown = 0;
    const timer = setTimeout(() => {
      upstreamBeforeDown = proxy.total();
      void proxy.down();
      console.log(
        `  fault: WordPress down after ${downAfter.toFixed(1)} s (${upstreamBeforeDown} upstream requests so far)`,
      );
    }, downAfter * 1000);
    const r = await cannon(served.url, LOAD_SECONDS, {
      requests: paths.map((path) => ({ method: 'GET', path })),
    });
    clearTimeout(timer);
    const after = await health(served);
    const figures: FaultFigures = {
      requests: r.requests.total,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
      rps: r.requests.average,
      p99: r.latency.p99,
      downAfterSeconds: downAfter,
      upstreamBeforeDown,
      healthAfter: after.status,
      staleAnswers:
        after.cache.pages.stale -
        before.cache.pages.stale +
        (after.cache.sources.stale - before.cache.sources.stale),
    };
    console.log(
      `  fault: ${figures.requests} requests, non-2xx ${figures.non2xx}, errors ${figures.errors}, /healthz ${figures.healthAfter}`,
    );
    return figures;
  } finally {
    await served.stop();
    await proxy.close();
  }
}

// ---------------------------------------------------------------- report

const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const int = (x: number) => (Number.isFinite(x) ? String(Math.round(x)) : 'n/a');

function lighthouseTable(rows: LighthouseRow[]): string {
  const out = [
    `| page | perf reader (calibrated) | perf WordPress (calibrated) | LCP reader s | LCP WordPress s | FCP reader s | FCP WordPress s | TBT reader ms (calibrated) | TBT WordPress ms (calibrated) | server response reader ms | server response WordPress ms | bytes reader KB | bytes WordPress KB | CPU index | calibrated slowdown |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const a = r.median.reader;
    const b = r.median.wordpress;
    out.push(
      `| ${r.page} | ${f2(a.performance)} (${f2(a.calibrated.performance)}) | ${f2(b.performance)} (${f2(b.calibrated.performance)}) | ${f2(a.lcpMs / 1000)} | ${f2(b.lcpMs / 1000)} | ${f2(a.fcpMs / 1000)} | ${f2(b.fcpMs / 1000)} | ${int(a.tbtMs)} (${int(a.calibrated.tbtMs)}) | ${int(b.tbtMs)} (${int(b.calibrated.tbtMs)}) | ${int(a.ttfbMs)} | ${int(b.ttfbMs)} | ${int(a.bytes / 1024)} | ${int(b.bytes / 1024)} | ${int(median([...r.runs.reader, ...r.runs.wordpress].map((x) => x.benchmarkIndex)))} | ${f2(median([...r.runs.reader, ...r.runs.wordpress].map((x) => x.multiplier)))}x |`,
    );
  }
  return out.join('\n');
}

function loadTable(rows: LoadFigures[], wp: Record<string, number>): string {
  const out = [
    '| server | page | requests/s | × WordPress | p50 ms | p99 ms | non-2xx | errors | renders | upstream requests |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    out.push(
      `| ${r.target} | ${r.page} | ${int(r.rps)} | ${(r.rps / wp[r.page]!).toFixed(1)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} | ${r.renders ?? '-'} | ${r.upstream ?? '-'} |`,
    );
  }
  return out.join('\n');
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  const started = Date.now();
  const loadAtStart = loadavg()[0]!;
  if (!SKIP_LIGHTHOUSE && !chromePath)
    throw new Error('Lighthouse needs Chromium (none found; set CHROME_PATH) or --skip-lighthouse');
  console.log(ensureBuild({ skip: argv.includes('--no-build') }));
  const startedWordPress = await ensureWordPress();
  try {
    for (const corpus of [BUNDLED, LARGE]) console.log(await importCorpus(corpus));
    mkdirSync(OUT, { recursive: true });
    const results: Record<string, unknown> = {
      date: new Date().toISOString(),
      quick: QUICK,
      node: process.version,
    };

    // The reader with its caches, as deployed: Lighthouse and the cached load runs use it.
    const [cached, uncached] = await Promise.all([
      startServe({ config: config(WP_URL), env: QUIET }).then(keepStderr),
      startServe({ config: config(WP_URL), env: { ...QUIET, ...CACHING_OFF } }).then(keepStderr),
    ]);
    let pages: ComparedPage[];
    let lh: LighthouseRow[] = [];
    const load: LoadFigures[] = [];
    try {
      pages = await comparedPages(cached.url);
      for (const p of pages) {
        for (const [base, path] of [
          [cached.url, p.reader],
          [uncached.url, p.reader],
          [WP_URL, p.wordpress],
        ] as const) {
          const r = await fetch(base + path, { headers: BROWSER_HEADERS });
          await r.arrayBuffer();
          if (r.status !== 200) throw new Error(`${base}${path} answered ${r.status}`);
        }
      }
      console.log(
        `Pages compared:\n${pages.map((p) => `  ${p.name}: reader ${p.reader} | WordPress ${p.wordpress}`).join('\n')}`,
      );

      if (!SKIP_LIGHTHOUSE) {
        const t0 = Date.now();
        // --quick: home and article only (the search page is the slowest run of the three).
        lh = await lighthouseComparison(cached.url, QUICK ? pages.filter((p) => p.name !== 'search') : pages);
        console.log(`Lighthouse: ${seconds(t0)}`);
      }

      const t0 = Date.now();
      for (const p of pages.filter((x) => x.name !== 'search' && want('load'))) {
        load.push(await loadRun('WordPress', p.name, WP_URL + p.wordpress));
        load.push(await loadRun('reader cached', p.name, cached.url + p.reader, cached));
        load.push(await loadRun('reader caching off', p.name, uncached.url + p.reader, uncached));
      }
      console.log(`Load: ${seconds(t0)}`);
    } finally {
      await cached.stop();
      await uncached.stop();
    }

    let t0 = Date.now();
    const memory = want('memory') ? await memoryRun(await memoryUrls()) : undefined;
    console.log(`Memory: ${seconds(t0)}`);
    t0 = Date.now();
    const fault = want('fault') ? await faultRun(pages) : undefined;
    console.log(`Fault: ${seconds(t0)}`);

    // ------------------------------------------------------------ the tables
    const wpRps = Object.fromEntries(
      load.filter((r) => r.target === 'WordPress').map((r) => [r.page, r.rps]),
    );
    const cachedRows = load.filter((r) => r.target === 'reader cached');
    const lines: string[] = [];
    lines.push(
      `\n## bench:serve${QUICK ? ' --quick' : ''}: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${seconds(started)} in all, ` +
        `load average ${loadAtStart.toFixed(1)} at the start and ${loadavg()[0]!.toFixed(1)} at the end (${cpus().length} cores, shared)\n`,
    );
    if (lh.length) {
      lines.push(
        `### Lighthouse mobile (simulated Slow 4G, 4x CPU; in brackets at the calibrated slowdown), median of ${LH_RUNS}, runs interleaved\n`,
      );
      lines.push(lighthouseTable(lh));
      lines.push('');
    }
    if (load.length) {
      lines.push(
        `### Load: autocannon, ${CONNECTIONS} connections, ${LOAD_SECONDS} s per run, loopback, Accept-Encoding gzip/br\n`,
      );
      lines.push(loadTable(load, wpRps));
      lines.push(
        '\n"renders": pages the reader rendered during the run (page-cache loads); "upstream": its requests to WordPress.',
      );
      lines.push('');
    }
    if (memory) {
      lines.push(
        `### Memory: ${memory.urls} distinct URLs, 16 at a time, CACHE_MAX_MB=64 (default: 32 MB pages, 16 MB source answers, 16 MB parsed lists)\n`,
      );
      lines.push(
        '| RSS start MB | RSS peak MB | RSS end MB | V8 heap MB (used / total) at end | Buffers MB at end (peak) | page cache entries | page cache MB / bound | evictions | source + list caches MB / bound | answers | time s | URLs/s |',
      );
      lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|');
      lines.push(
        `| ${int(memory.rssStartMb)} | ${int(memory.rssPeakMb)} | ${int(memory.rssEndMb)} | ${int(mb(memory.end.heapUsed))} / ${int(mb(memory.end.heapTotal))} | ${int(mb(memory.end.arrayBuffers))} (${int(mb(memory.peak.arrayBuffers))}) | ${memory.pages.entries} | ${mb(memory.pages.bytes).toFixed(1)} / ${int(mb(memory.pages.maxBytes))} | ${memory.pages.evictions} | ${mb(memory.sources.bytes + memory.lists.bytes).toFixed(1)} / ${int(mb(memory.sources.maxBytes + memory.lists.maxBytes))} | ${Object.entries(
          memory.statuses,
        )
          .map(([s, n]) => `${n}× ${s}`)
          .join(', ')} | ${memory.seconds.toFixed(0)} | ${int(memory.urls / memory.seconds)} |`,
      );
      lines.push('');
    }
    if (fault) {
      lines.push(
        `### Fault: WordPress stopped ${fault.downAfterSeconds.toFixed(1)} s into a ${LOAD_SECONDS} s run on cached home + article (CACHE_TTL=2, CACHE_SWR=0)\n`,
      );
      lines.push('| requests | requests/s | p99 ms | non-2xx | errors | stale answers | /healthz after |');
      lines.push('|---:|---:|---:|---:|---:|---:|---|');
      lines.push(
        `| ${fault.requests} | ${int(fault.rps)} | ${fault.p99} | ${fault.non2xx} | ${fault.errors} | ${fault.staleAnswers} | ${fault.healthAfter} |`,
      );
    }
    // ------------------------------------------------------------ budgets
    const budgets: { name: string; value: string; ok: boolean; enforced: boolean }[] = [];
    for (const r of cachedRows) {
      const ratio = r.rps / wpRps[r.page]!;
      budgets.push({
        name: `${r.page}: reader cached ≥ ${BUDGETS.cachedRpsRatio}× WordPress requests/s`,
        value: `${ratio.toFixed(1)}×`,
        ok: ratio >= BUDGETS.cachedRpsRatio,
        enforced: true,
      });
      budgets.push({
        name: `${r.page}: reader cached non-2xx and errors = 0`,
        value: String(r.non2xx + r.errors),
        ok: r.non2xx + r.errors === 0,
        enforced: true,
      });
      budgets.push({
        name: `${r.page}: reader cached p99 ≤ ${BUDGETS.cachedP99Ms} ms`,
        value: `${r.p99} ms`,
        ok: r.p99 <= BUDGETS.cachedP99Ms,
        enforced: false,
      });
    }
    if (memory) {
      budgets.push({
        name: `memory: RSS peak ≤ ${BUDGETS.rssMb} MB over ${memory.urls} URLs`,
        value: `${memory.rssPeakMb.toFixed(0)} MB`,
        ok: memory.rssPeakMb <= BUDGETS.rssMb,
        enforced: true,
      });
      const caches = [memory.pages, memory.sources, memory.lists];
      const lruOk = caches.every((c) => c.bytes <= c.maxBytes);
      const cacheMb = mb(caches.reduce((n, c) => n + c.bytes, 0));
      budgets.push({
        name: 'memory: cache bytes within their bounds (/healthz)',
        value: `${cacheMb.toFixed(1)} MB`,
        ok: lruOk,
        enforced: true,
      });
    }
    if (fault) {
      const faultBad = fault.non2xx + fault.errors;
      budgets.push({
        name: 'fault: non-2xx and errors with WordPress down = 0',
        value: String(faultBad),
        ok: faultBad === BUDGETS.faultNon2xx,
        enforced: true,
      });
    }
    for (const r of lh) {
      const a = r.median.reader;
      const b = r.median.wordpress;
      budgets.push({
        name: `${r.page}: Lighthouse performance reader ≥ WordPress (calibrated, ${CALIBRATION})`,
        value: `${f2(a.calibrated.performance)} vs ${f2(b.calibrated.performance)}`,
        ok: a.calibrated.performance >= b.calibrated.performance,
        enforced: false,
      });
      budgets.push({
        name: `${r.page}: LCP reader ≤ WordPress`,
        value: `${f2(a.lcpMs / 1000)} s vs ${f2(b.lcpMs / 1000)} s`,
        ok: a.lcpMs <= b.lcpMs,
        enforced: false,
      });
    }
    lines.push('\n### Budgets\n');
    lines.push('| budget | measured | met | enforced |');
    lines.push('|---|---:|---|---|');
    for (const b of budgets)
      lines.push(`| ${b.name} | ${b.value} | ${b.ok ? 'yes' : 'NO'} | ${b.enforced ? 'yes' : 'reported'} |`);
    console.log(lines.join('\n'));

    Object.assign(results, {
      loadAverage: [loadAtStart, loadavg()[0]],
      pages,
      lighthouse: lh,
      load,
      memory,
      fault,
      budgets,
      seconds: (Date.now() - started) / 1000,
    });
    writeFileSync(join(OUT, `serve${QUICK ? '-quick' : ''}.json`), `${JSON.stringify(results, null, 2)}\n`);
    const broken = budgets.filter((b) => b.enforced && !b.ok);
    console.log(
      `\nFull figures: tests/bench/out/serve${QUICK ? '-quick' : ''}.json; ${seconds(started)} in all.`,
    );
    if (broken.length) {
      console.log(`BUDGET BROKEN:\n${broken.map((b) => `  ✗ ${b.name}: ${b.value}`).join('\n')}`);
      return 1;
    }
    console.log('All enforced budgets met.');
    return 0;
  } finally {
    if (startedWordPress) stopWordPress();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
