/**
 * Search benchmark in headless Chromium: `node tests/bench/search-browser.mjs`.
 *
 * Bundles our engine (src/features/search) with esbuild into a temporary directory, serves it and
 * the corpora from a local HTTP server, and measures in the page, for BBC and Reuters: tokenizer
 * time, index build time, p50/p95 latency over the same 200 queries as tests/bench/search.ts, and
 * the JS heap delta after GC. Prints a markdown table; exits non-zero when a budget is exceeded.
 *
 * Chromium: CHROME_PATH or /usr/bin/chromium.
 */
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPORA_DIR = resolve(ROOT, '../shared/data/corpora');
const CORPORA = [
  { key: 'bbc', file: 'bbc-news-2225.feed.json', label: 'BBC 2,225', buildMs: 1000, p95Ms: 5 },
  { key: 'reuters', file: 'reuters-21578.feed.json', label: 'Reuters 21,578', buildMs: 8000, p95Ms: 25 },
];
const TOKENIZER_BUDGET_MS = 500;

/** Runs in the page (bundled): everything measured there, returned as plain data. */
const ENTRY = `
import { createSearchIndex } from './src/features/search/engine/search-index.ts';
import { createSearchClient } from './src/features/search/worker/search-client.ts';
import { tokenize } from './src/features/search/engine/tokenize.ts';
import { feedToSearchDocs } from './src/features/search/testing/feed-corpus.ts';
import { makeQueries, percentile } from './src/features/search/testing/bench-queries.ts';

const heap = () => {
  globalThis.gc?.();
  globalThis.gc?.();
  return performance.memory ? performance.memory.usedJSHeapSize : NaN;
};

async function load(file) {
  const response = await fetch('/corpora/' + file);
  return feedToSearchDocs(await response.json());
}

globalThis.measureTokenizer = async (file) => {
  const docs = await load(file);
  const texts = docs.flatMap((d) => [d.headline, d.bodyText]);
  const runs = [];
  let tokens = 0;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    tokens = 0;
    for (const t of texts) tokens += tokenize(t).length;
    runs.push(performance.now() - t0);
  }
  return { chars: texts.reduce((n, t) => n + t.length, 0), tokens, coldMs: runs[0], bestMs: Math.min(...runs) };
};

/** Through the real Web Worker and search-client.ts: what the UI waits for (postMessage both ways). */
globalThis.measureWorker = async (file) => {
  const docs = await load(file);
  const titles = docs.map((d) => d.headline);
  const client = createSearchClient({
    createWorker: () => new Worker('/search.worker.js', { type: 'module' }),
    workerThreshold: 0,
  });
  const t0 = performance.now();
  await client.build(docs, 'bench');
  const buildMs = performance.now() - t0;
  const run = async (list) => {
    const latencies = [];
    let matches = 0;
    for (const q of list) {
      const s = performance.now();
      matches += (await client.search(q)).total;
      latencies.push(performance.now() - s);
    }
    return { latencies, matches };
  };
  const cold = await run(makeQueries(titles, 200, 7));
  const warm = await run(makeQueries(titles, 200));
  const mode = client.mode;
  client.dispose();
  return {
    mode,
    buildMs,
    coldP50Ms: percentile(cold.latencies, 0.5),
    coldP95Ms: percentile(cold.latencies, 0.95),
    p50Ms: percentile(warm.latencies, 0.5),
    p95Ms: percentile(warm.latencies, 0.95),
    queries: 200,
    avgHits: warm.matches / 200,
  };
};

globalThis.measureEngine = async (file) => {
  const docs = await load(file);
  const titles = docs.map((d) => d.headline);
  const coldQueries = makeQueries(titles, 200, 7);
  const queries = makeQueries(titles, 200);
  const before = heap();
  const t0 = performance.now();
  const index = createSearchIndex(docs);
  const buildMs = performance.now() - t0;
  const heapMb = (heap() - before) / 1e6;
  const run = (list) => {
    const latencies = [];
    let matches = 0;
    for (const q of list) {
      const s = performance.now();
      matches += index.search(q).total;
      latencies.push(performance.now() - s);
    }
    return { latencies, matches };
  };
  const cold = run(coldQueries);
  const warm = run(queries);
  return {
    buildMs,
    heapMb,
    coldP50Ms: percentile(cold.latencies, 0.5),
    coldP95Ms: percentile(cold.latencies, 0.95),
    p50Ms: percentile(warm.latencies, 0.5),
    p95Ms: percentile(warm.latencies, 0.95),
    queries: queries.length,
    avgHits: warm.matches / queries.length,
    userAgent: navigator.userAgent,
  };
};
`;

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };

function serve(dir) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.startsWith('/corpora/')
      ? join(CORPORA_DIR, url.pathname.slice('/corpora/'.length))
      : join(dir, url.pathname === '/' ? 'index.html' : url.pathname);
    try {
      const body = await readFile(path);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const ms = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'search-bench-'));
  const profile = await mkdtemp(join(tmpdir(), 'search-bench-profile-'));
  let server;
  let context;
  try {
    // Vite's `?worker&url` import (search-client.ts) names the worker's built file; here it is ours.
    const workerUrl = {
      name: 'worker-url',
      setup(b) {
        b.onResolve({ filter: /\?worker&url$/ }, (args) => ({ path: args.path, namespace: 'worker-url' }));
        b.onLoad({ filter: /.*/, namespace: 'worker-url' }, () => ({ contents: 'export default "/search.worker.js";', loader: 'js' }));
      },
    };
    await build({
      stdin: { contents: ENTRY, resolveDir: ROOT, sourcefile: 'bench-entry.js', loader: 'js' },
      plugins: [workerUrl],
      bundle: true,
      format: 'esm',
      target: 'es2022',
      outfile: join(dir, 'bench.js'),
      logLevel: 'warning',
    });
    await build({
      entryPoints: [join(ROOT, 'src/features/search/worker/search.worker.ts')],
      bundle: true,
      format: 'esm',
      target: 'es2022',
      outfile: join(dir, 'search.worker.js'),
      logLevel: 'warning',
    });
    await writeFile(
      join(dir, 'index.html'),
      '<!doctype html><meta charset="utf-8"><title>search bench</title><script type="module" src="/bench.js"></script>',
    );
    server = await serve(dir);
    const { port } = server.address();

    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--js-flags=--expose-gc',
        '--enable-precise-memory-info',
      ],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => typeof globalThis.measureEngine === 'function');

    const failures = [];
    const tok = await page.evaluate((file) => globalThis.measureTokenizer(file), CORPORA[0].file);
    const rows = [];
    for (const corpus of CORPORA) {
      // A fresh page per corpus: the previous corpus's heap does not count against the next.
      await page.reload();
      await page.waitForFunction(() => typeof globalThis.measureEngine === 'function');
      process.stderr.write(`measuring ${corpus.key} in Chromium…\n`);
      rows.push({ corpus, m: await page.evaluate((file) => globalThis.measureEngine(file), corpus.file) });
    }
    const workerRows = [];
    for (const corpus of CORPORA) {
      await page.reload();
      await page.waitForFunction(() => typeof globalThis.measureWorker === 'function');
      process.stderr.write(`measuring ${corpus.key} through the worker…\n`);
      workerRows.push({
        corpus,
        m: await page.evaluate((file) => globalThis.measureWorker(file), corpus.file),
      });
    }

    const version = rows[0]?.m.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? 'unknown';
    console.log(`# Search benchmark in headless Chromium ${version} (${new Date().toISOString()})\n`);
    console.log('## Tokenizer (BBC titles + bodies)\n');
    console.log('| characters | tokens | first run | best of 3 | budget |');
    console.log('|---:|---:|---:|---:|---:|');
    console.log(
      `| ${(tok.chars / 1e6).toFixed(2)} M | ${tok.tokens} | ${ms(tok.coldMs)} ms | ${ms(tok.bestMs)} ms | ${TOKENIZER_BUDGET_MS} ms |\n`,
    );
    if (tok.coldMs > TOKENIZER_BUDGET_MS) failures.push(`tokenizer ${ms(tok.coldMs)} ms`);

    console.log('## Our engine\n');
    console.log(
      '| corpus | build | heap | p50 | p95 | cold p50 | cold p95 | queries | avg. matches | budget (build / p95) |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const { corpus, m } of rows) {
      console.log(
        `| ${corpus.label} | ${ms(m.buildMs)} ms | ${m.heapMb.toFixed(1)} MB | ${ms(m.p50Ms)} ms | ${ms(m.p95Ms)} ms | ${ms(m.coldP50Ms)} ms | ${ms(m.coldP95Ms)} ms | ${m.queries} | ${m.avgHits.toFixed(0)} | ${corpus.buildMs} ms / ${corpus.p95Ms} ms |`,
      );
      if (m.buildMs > corpus.buildMs) failures.push(`${corpus.key} build ${ms(m.buildMs)} ms`);
      if (m.p95Ms > corpus.p95Ms) failures.push(`${corpus.key} p95 ${ms(m.p95Ms)} ms`);
    }
    console.log('\n## Through the Web Worker (search-client.ts → search.worker.ts and back)\n');
    console.log(
      '| corpus | mode | build (incl. copying the articles) | p50 | p95 | cold p50 | cold p95 | queries |',
    );
    console.log('|---|---|---:|---:|---:|---:|---:|---:|');
    for (const { corpus, m } of workerRows) {
      console.log(
        `| ${corpus.label} | ${m.mode} | ${ms(m.buildMs)} ms | ${ms(m.p50Ms)} ms | ${ms(m.p95Ms)} ms | ${ms(m.coldP50Ms)} ms | ${ms(m.coldP95Ms)} ms | ${m.queries} |`,
      );
    }
    console.log(
      '\nEngine table: main thread of the page (the worker runs the same code). Same queries as tests/bench/search.ts: "cold" = the first 200 after the build, p50/p95 = the next 200 (steady state; budgets apply to it, in the engine table). Worker table: each query awaited before the next, so latency includes both postMessage copies. heap: performance.memory.usedJSHeapSize delta after gc(); timer resolution 0.1 ms.',
    );
    if (failures.length > 0) {
      console.log(`\nOVER BUDGET: ${failures.join('; ')}`);
      process.exitCode = 1;
    } else {
      console.log('All budgets met.');
    }
  } finally {
    await context?.close();
    server?.close();
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}

await main();
