/**
 * Search benchmark in Node: `npm run bench:search` (tsx tests/bench/search.ts).
 *
 * For the BBC (2,223 articles, 5 MB) and Reuters-21578 (21,578, 18 MB) corpora it measures index
 * build time, query latency (p50/p95 over 200 realistic queries, see testing/bench-queries.ts),
 * and index memory (V8 heap delta after GC), for our engine, a naive substring filter and Fuse.js,
 * and compares MiniSearch, FlexSearch and Orama with our tokenizer. Every measurement runs in its
 * own Node process (started with --expose-gc), so one engine's garbage and JIT state do not
 * colour the next. Prints markdown tables; exits non-zero when a gate fails.
 *
 * Gates compare with a baseline measured in the same run (decision 082), so a busy machine moves
 * both sides: the tokenizer against a plain regular-expression word split of the same text, the
 * index build and p95 against MiniSearch with our tokenizer. The millisecond budgets are reported.
 * `--quick` (CI) leaves out Fuse.js, FlexSearch and Orama, which no gate uses.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { Document } from 'flexsearch';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import { createSearchIndex } from '../../src/features/search/engine/search-index.ts';
import { loadStemmers, type Stemmers } from '../../src/features/search/engine/stemming.ts';
import type { SearchDoc } from '../../src/features/search/engine/types.ts';
import { tokenize } from '../../src/features/search/engine/tokenize.ts';
import { loadCorpus } from '../../src/features/search/testing/load-corpus.ts';
import { makeQueries, percentile } from '../../src/features/search/testing/bench-queries.ts';

const CORPORA = {
  bbc: { file: 'bbc-news-2225.feed.json', label: 'BBC 2,225' },
  reuters: { file: 'reuters-21578.feed.json', label: 'Reuters 21,578' },
} as const;
type CorpusKey = keyof typeof CORPORA;

/** Reported, not enforced: absolute times move with the machine's load. */
const BUDGETS = {
  tokenizeBbcMs: 500,
  bbc: { buildMs: 1000, p95Ms: 5 },
  reuters: { buildMs: 8000, p95Ms: 25 },
};

/**
 * Enforced: at most these multiples of the same run's baseline. Build and p95 are the budgets
 * above divided by MiniSearch's figures in the CI run of 2026-12-07 (BBC build 1,334 ms, p95
 * 4.83 ms; Reuters 5,362 ms, 88.0 ms), so they hold the same line on a machine of any speed or
 * load; ours was then 0.39x / 0.17x (BBC) and 0.43x / 0.05x (Reuters). The tokenizer was 1.1x a
 * regular-expression split of the same text (best of 3).
 */
const GATES = {
  tokenizeVsSplit: 3,
  bbc: { buildVsMiniSearch: 0.75, p95VsMiniSearch: 1.0 },
  reuters: { buildVsMiniSearch: 1.5, p95VsMiniSearch: 0.28 },
};
const QUICK = process.argv.includes('--quick');
/** Engines left out by `--quick`: comparisons only, no gate reads them. */
const INFORMATIONAL = new Set(['fuse', 'flexsearch', 'orama']);

const QUERY_COUNT = 200;
/** Fuse.js scans every document per query: 20 queries are enough to see it (and finish). */
const FUSE_QUERY_CAP: Record<CorpusKey, number> = { bbc: 50, reuters: 20 };

interface Measurement {
  buildMs: number;
  heapMb: number;
  /** The first queries after the build, JIT still cold. */
  coldP50Ms: number;
  coldP95Ms: number;
  /** Steady state: a second set of queries, after the first. */
  p50Ms: number;
  p95Ms: number;
  queries: number;
  avgHits: number;
  note?: string;
}

interface Engine {
  build(docs: SearchDoc[]): unknown;
  /** Runs one query, returns the number of matches it reports. */
  query(index: unknown, query: string): number;
  cap?: Partial<Record<CorpusKey, number>>;
  note?: string;
}

const FIELDS = ['headline', 'standfirst', 'tags', 'bodyText'];
const BOOST = { headline: 4, standfirst: 2, tags: 1.5, bodyText: 1 };
interface FlatDoc {
  [key: string]: string | number;
  ord: number;
  headline: string;
  standfirst: string;
  tags: string;
  bodyText: string;
}
const flat = (docs: SearchDoc[]): FlatDoc[] =>
  docs.map((d, ord) => ({
    ord,
    headline: d.headline,
    standfirst: d.standfirst ?? '',
    tags: d.tags.join(' '),
    bodyText: d.bodyText,
  }));

/**
 * The stemmers of the corpus's languages, loaded before the build is timed (in the worker they load
 * in parallel with the feed; their chunks are a few KB): what the timed build adds is grouping
 * the vocabulary by stem.
 */
let stemmers: Stemmers = new Map();

/** The libraries, configured alike: our tokenizer, all words required, last word a prefix, top 20. */
const ENGINES: Record<string, Engine> = {
  ours: {
    note: "with the stemmers of the articles' languages (word forms), as the worker builds it",
    build: (docs) => createSearchIndex(docs, { stemmers }),
    query: (index, q) => (index as ReturnType<typeof createSearchIndex>).search(q).total,
  },
  'ours-unstemmed': {
    note: 'our engine without stemming, to measure what word forms cost',
    build: (docs) => createSearchIndex(docs),
    query: (index, q) => (index as ReturnType<typeof createSearchIndex>).search(q).total,
  },
  naive: {
    note: 'lower-cased substring test of every word on headline + body',
    build: (docs) =>
      docs.map((d) => ({
        id: d.id,
        text: `${d.headline}\n${d.standfirst ?? ''}\n${d.bodyText}`.toLowerCase(),
      })),
    query: (index, q) => {
      const words = q.toLowerCase().split(/\s+/).filter(Boolean);
      return (index as { text: string }[]).filter((d) => words.every((w) => d.text.includes(w))).length;
    },
  },
  fuse: {
    note: 'Fuse.js 7, weighted keys, ignoreLocation, threshold 0.3',
    cap: FUSE_QUERY_CAP,
    build: (docs) =>
      new Fuse(docs, {
        keys: [
          { name: 'headline', weight: 4 },
          { name: 'standfirst', weight: 2 },
          { name: 'tags', weight: 1.5 },
          { name: 'bodyText', weight: 1 },
        ],
        ignoreLocation: true,
        threshold: 0.3,
      }),
    query: (index, q) => (index as Fuse<SearchDoc>).search(q).length,
  },
  minisearch: {
    note: 'MiniSearch 7 `addAll`, BM25, field boosts',
    build: (docs) => {
      const mini = new MiniSearch<FlatDoc>({
        idField: 'ord',
        fields: FIELDS,
        tokenize: (text) => tokenize(text),
        processTerm: (term) => term,
        searchOptions: { tokenize: (text) => text.split(' '), processTerm: (term) => term },
      });
      mini.addAll(flat(docs));
      return mini;
    },
    query: (index, q) => {
      const terms = tokenize(q);
      return (index as MiniSearch<FlatDoc>).search(terms.join(' '), {
        combineWith: 'AND',
        boost: BOOST,
        prefix: (_term, i, all) => i === all.length - 1,
      }).length;
    },
  },
  flexsearch: {
    note: 'FlexSearch 0.8 Document, tokenize "forward" (prefixes of every word), limit 20 (its "matches" are the hits returned, at most 20)',
    build: (docs) => {
      const index = new Document<FlatDoc>({
        document: { id: 'ord', index: FIELDS },
        tokenize: 'forward',
        encode: (text: string) => tokenize(text),
      });
      for (const d of flat(docs)) index.add(d);
      return index;
    },
    query: (index, q) => {
      const result = (index as Document<FlatDoc>).search(q, { limit: 20, merge: true }) as unknown[];
      return result.length;
    },
  },
  orama: {
    note: 'Orama 3, BM25, boosts, threshold 0 (all words), prefix on every word, limit 20',
    build: (docs) => {
      const db = create({
        schema: { headline: 'string', standfirst: 'string', tags: 'string', bodyText: 'string' } as const,
        components: {
          tokenizer: {
            language: 'english',
            normalizationCache: new Map(),
            tokenize: (text: string) => tokenize(text),
          },
        },
      });
      void insertMultiple(
        db,
        flat(docs).map(({ ord: _ord, ...d }) => d),
        100_000,
      );
      return db;
    },
    query: (index, q) => {
      // Orama's generic parameter types recurse too deeply for tsc (TS2589); the call is checked at run time.
      const search = oramaSearch as unknown as (db: unknown, params: Record<string, unknown>) => unknown;
      const result = search(index, {
        term: q,
        threshold: 0,
        limit: 20,
        boost: { headline: 4, standfirst: 2, tags: 1.5 },
      }) as { count: number };
      return result.count;
    },
  },
};

declare const gc: (() => void) | undefined;

function heapUsed(): number {
  if (typeof gc === 'function') {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

/** Child process: one engine on one corpus. Prints one JSON line. */
async function runChild(corpus: CorpusKey, engineName: string): Promise<void> {
  const engine = ENGINES[engineName];
  if (!engine) throw new Error(`unknown engine ${engineName}`);
  const docs = loadCorpus(CORPORA[corpus].file);
  if (engineName === 'ours') stemmers = await loadStemmers(new Set(docs.map((d) => d.language)));
  const titles = docs.map((d) => d.headline);
  const cap = engine.cap?.[corpus] ?? QUERY_COUNT;
  // Two different query sets: the first measures the cold engine (and warms the JIT), the second
  // the steady state that a long-lived worker reaches. Neither engine caches results.
  const coldQueries = makeQueries(titles, QUERY_COUNT, 7).slice(0, cap);
  const queries = makeQueries(titles, QUERY_COUNT).slice(0, cap);

  const before = heapUsed();
  const started = performance.now();
  const index = engine.build(docs);
  const buildMs = performance.now() - started;
  const heapMb = (heapUsed() - before) / 1e6;

  const run = (list: string[]) => {
    const latencies: number[] = [];
    let hits = 0;
    for (const q of list) {
      const t0 = performance.now();
      hits += engine.query(index, q);
      latencies.push(performance.now() - t0);
    }
    return { latencies, hits };
  };
  const cold = run(coldQueries);
  const warm = run(queries);
  const result: Measurement = {
    buildMs,
    heapMb,
    coldP50Ms: percentile(cold.latencies, 0.5),
    coldP95Ms: percentile(cold.latencies, 0.95),
    p50Ms: percentile(warm.latencies, 0.5),
    p95Ms: percentile(warm.latencies, 0.95),
    queries: queries.length,
    avgHits: warm.hits / queries.length,
  };
  if (engine.note) result.note = engine.note;
  console.log(JSON.stringify(result));
}

/** Child process: the tokenizer on every BBC title and body, first (cold) run and best of 3. */
function runTokenizerChild(): void {
  const docs = loadCorpus(CORPORA.bbc.file);
  const texts = docs.flatMap((d) => [d.headline, d.bodyText]);
  const runs: number[] = [];
  let tokens = 0;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    tokens = 0;
    for (const t of texts) tokens += tokenize(t).length;
    runs.push(performance.now() - t0);
  }
  // The baseline: NFC, lower case and a regular-expression split into letters and digits, the
  // least any tokenizer does (ours also segments Thai/Lao/Burmese/Khmer, folds and normalises).
  const splitRuns: number[] = [];
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    for (const t of texts)
      t.normalize('NFC')
        .toLowerCase()
        .match(/[\p{L}\p{M}\p{N}]+/gu);
    splitRuns.push(performance.now() - t0);
  }
  const chars = texts.reduce((n, t) => n + t.length, 0);
  console.log(
    JSON.stringify({
      chars,
      tokens,
      coldMs: runs[0],
      bestMs: Math.min(...runs),
      splitBestMs: Math.min(...splitRuns),
    }),
  );
}

/**
 * Child process: what stemming adds to a build, paired: builds without and with the stemmers
 * alternate in one process (which goes first alternates too, a full GC before each),
 * STEMMING_ROUNDS times each, medians (a busy shared machine moves
 * single builds by 2x, too much for a ratio of two separate processes).
 */
const STEMMING_ROUNDS = 5;
async function runStemmingCostChild(corpus: CorpusKey): Promise<void> {
  const docs = loadCorpus(CORPORA[corpus].file);
  const stemmersOfCorpus = await loadStemmers(new Set(docs.map((d) => d.language)));
  const without: number[] = [];
  const withStemming: number[] = [];
  const time = (stemmed: boolean) => {
    heapUsed(); // a full GC first: the previous build's garbage is not this one's cost
    const t0 = performance.now();
    createSearchIndex(docs, stemmed ? { stemmers: stemmersOfCorpus } : {});
    (stemmed ? withStemming : without).push(performance.now() - t0);
  };
  // Alternating which goes first, so that neither always runs on a warmer JIT.
  for (let round = 0; round < STEMMING_ROUNDS; round++) {
    time(round % 2 === 1);
    time(round % 2 === 0);
  }
  console.log(JSON.stringify({ withMs: percentile(withStemming, 0.5), withoutMs: percentile(without, 0.5) }));
}

function child(args: string[]): unknown {
  const self = fileURLToPath(import.meta.url);
  const out = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--child', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (out.status !== 0) throw new Error(`child ${args.join(' ')} failed:\n${out.stderr}`);
  const last = out.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as unknown;
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

function main(): void {
  const failures: string[] = [];
  console.log(`# Search benchmark (Node ${process.version}, ${new Date().toISOString()})\n`);

  const tok = child(['tokenizer']) as {
    chars: number;
    tokens: number;
    coldMs: number;
    bestMs: number;
    splitBestMs: number;
  };
  const tokRatio = tok.bestMs / tok.splitBestMs;
  console.log('## Tokenizer (BBC titles + bodies)\n');
  console.log(
    '| characters | tokens | first run | best of 3 | budget (reported) | regex split, best of 3 | ratio | gate |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| ${(tok.chars / 1e6).toFixed(2)} M | ${tok.tokens} | ${ms(tok.coldMs)} ms | ${ms(tok.bestMs)} ms | ${BUDGETS.tokenizeBbcMs} ms | ${ms(tok.splitBestMs)} ms | ${tokRatio.toFixed(2)}× | ≤ ${GATES.tokenizeVsSplit}× |\n`,
  );
  if (tokRatio > GATES.tokenizeVsSplit)
    failures.push(`tokenizer: ${tokRatio.toFixed(2)}× the regex split > ${GATES.tokenizeVsSplit}×`);
  const targets: string[] = [];
  if (tok.coldMs > BUDGETS.tokenizeBbcMs)
    targets.push(`tokenizer ${ms(tok.coldMs)} ms > ${BUDGETS.tokenizeBbcMs} ms`);

  const rows: { corpus: CorpusKey; engine: string; m: Measurement }[] = [];
  for (const corpus of Object.keys(CORPORA) as CorpusKey[]) {
    for (const engine of Object.keys(ENGINES)) {
      if (QUICK && INFORMATIONAL.has(engine)) continue;
      process.stderr.write(`measuring ${engine} on ${corpus}…\n`);
      rows.push({ corpus, engine, m: child([corpus, engine]) as Measurement });
    }
  }

  const table = (engines: string[], title: string) => {
    console.log(`## ${title}\n`);
    console.log(
      '| corpus | engine | build | heap | p50 | p95 | cold p50 | cold p95 | queries | avg. matches |',
    );
    console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const { corpus, engine, m } of rows.filter((r) => engines.includes(r.engine))) {
      console.log(
        `| ${CORPORA[corpus].label} | ${engine} | ${ms(m.buildMs)} ms | ${m.heapMb.toFixed(1)} MB | ${ms(m.p50Ms)} ms | ${ms(m.p95Ms)} ms | ${ms(m.coldP50Ms)} ms | ${ms(m.coldP95Ms)} ms | ${m.queries} | ${m.avgHits.toFixed(0)} |`,
      );
    }
    console.log('');
  };
  table(['ours', 'ours-unstemmed', 'naive', 'fuse'], 'Our engine against the baselines');
  console.log('## What stemming costs (same run)\n');
  console.log(
    `| corpus | build with / without (paired, median of ${STEMMING_ROUNDS}) | p50 with / without | p95 with / without | matches with / without |`,
  );
  console.log('|---|---:|---:|---:|---:|');
  for (const corpus of Object.keys(CORPORA) as CorpusKey[]) {
    const a = rows.find((r) => r.corpus === corpus && r.engine === 'ours')?.m;
    const b = rows.find((r) => r.corpus === corpus && r.engine === 'ours-unstemmed')?.m;
    if (!a || !b) continue;
    process.stderr.write(`measuring what stemming costs on ${corpus}…\n`);
    const paired = child(['stemming-cost', corpus]) as { withMs: number; withoutMs: number };
    const ratio = (x: number, y: number) => `${(x / y).toFixed(2)}× (${ms(x)} / ${ms(y)} ms)`;
    console.log(
      `| ${CORPORA[corpus].label} | ${ratio(paired.withMs, paired.withoutMs)} | ${ratio(a.p50Ms, b.p50Ms)} | ${ratio(a.p95Ms, b.p95Ms)} | ${a.avgHits.toFixed(0)} / ${b.avgHits.toFixed(0)} |`,
    );
  }
  console.log('');
  table(
    ['minisearch', 'flexsearch', 'orama', 'ours'],
    'Libraries with our tokenizer (all words, last word a prefix)',
  );
  console.log('Notes:');
  for (const [name, engine] of Object.entries(ENGINES))
    if (engine.note) console.log(`- ${name}: ${engine.note}`);
  console.log(
    `- ours: our own inverted index (MiniSearch's BM25 ranking), AND, prefix, one-edit typos for unknown words of 5+ letters, phrases, facets, filters; every query also computes facets over all matches.`,
  );
  console.log(
    `- Queries: 1-3 words of the corpus's headlines, the last cut to a prefix. "cold": the first ${QUERY_COUNT} queries right after the build (JIT still warming up); p50/p95: the next ${QUERY_COUNT} (other queries, steady state). Gates and budgets apply to the steady state. Fuse.js is capped at ${FUSE_QUERY_CAP.bbc} (BBC) and ${FUSE_QUERY_CAP.reuters} (Reuters) queries per set: it scans every document per query.`,
  );
  console.log('- heap: V8 heap used after the build minus before, both after a full GC.\n');

  if (QUICK) console.log(`(--quick: ${[...INFORMATIONAL].join(', ')} not measured)\n`);
  console.log('## Gates: our engine against MiniSearch in this run\n');
  console.log('| corpus | build ours / MiniSearch | gate | p95 ours / MiniSearch | gate |');
  console.log('|---|---:|---:|---:|---:|');
  for (const corpus of Object.keys(CORPORA) as CorpusKey[]) {
    const ours = rows.find((r) => r.corpus === corpus && r.engine === 'ours')?.m;
    const mini = rows.find((r) => r.corpus === corpus && r.engine === 'minisearch')?.m;
    if (!ours || !mini) throw new Error(`no measurement of ours or minisearch on ${corpus}`);
    const gate = GATES[corpus];
    const build = ours.buildMs / mini.buildMs;
    const p95 = ours.p95Ms / mini.p95Ms;
    console.log(
      `| ${CORPORA[corpus].label} | ${build.toFixed(2)}× (${ms(ours.buildMs)} / ${ms(mini.buildMs)} ms) | ≤ ${gate.buildVsMiniSearch}× | ${p95.toFixed(2)}× (${ms(ours.p95Ms)} / ${ms(mini.p95Ms)} ms) | ≤ ${gate.p95VsMiniSearch}× |`,
    );
    if (build > gate.buildVsMiniSearch)
      failures.push(`${corpus} build ${build.toFixed(2)}× MiniSearch's > ${gate.buildVsMiniSearch}×`);
    if (p95 > gate.p95VsMiniSearch)
      failures.push(`${corpus} p95 ${p95.toFixed(2)}× MiniSearch's > ${gate.p95VsMiniSearch}×`);
    const budget = BUDGETS[corpus];
    if (ours.buildMs > budget.buildMs)
      targets.push(`${corpus} build ${ms(ours.buildMs)} ms > ${budget.buildMs} ms`);
    if (ours.p95Ms > budget.p95Ms) targets.push(`${corpus} p95 ${ms(ours.p95Ms)} ms > ${budget.p95Ms} ms`);
  }
  console.log(
    `\nBudgets (reported): tokenizer <= ${BUDGETS.tokenizeBbcMs} ms; BBC build <= ${BUDGETS.bbc.buildMs} ms, p95 <= ${BUDGETS.bbc.p95Ms} ms; Reuters build <= ${BUDGETS.reuters.buildMs} ms, p95 <= ${BUDGETS.reuters.p95Ms} ms: ${targets.length ? `not met here: ${targets.join('; ')}` : 'met'}.`,
  );
  if (failures.length > 0) {
    console.log(`\nGATE FAILED: ${failures.join('; ')}`);
    process.exitCode = 1;
  } else {
    console.log('All gates met.');
  }
}

const [, , flag, ...rest] = process.argv;
if (flag === '--child') {
  if (rest[0] === 'tokenizer') runTokenizerChild();
  else if (rest[0] === 'stemming-cost') await runStemmingCostChild(rest[1] as CorpusKey);
  else await runChild(rest[0] as CorpusKey, rest[1] ?? '');
} else {
  main();
}
