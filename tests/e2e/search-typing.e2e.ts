// Typing into search on a large corpus never blocks the page: the BBC corpus (2,225 articles,
// 5 MB) is served as the feed, the CPU is throttled 4x, and every long task on the main thread
// while a query is typed character by character (120 ms a key) is recorded.
//
// Five queries are typed in turn, and the figures of each are printed. The target is no task
// over 50 ms. Chromium's CPU throttling is not a steady 4x: it suspends the thread at intervals,
// so a task that happens to meet a suspension is stretched by it (measured here: a loop of 2 ms
// of work took 1-82 ms under 4x, one of 10 ms 18-28 ms), and on a shared 2-core machine the
// longest task of one typing run moves by tens of milliseconds from run to run (12 runs of this
// build: 0-158 ms, median 55-66 ms). So the target is reported, not asserted: the gate, on the
// median of the five runs' longest tasks, catches a page that really blocks (a render of every
// result per keystroke), not the throttler's noise. Long-animation-frame entries say what ran in
// those frames: the longest script of the page is printed beside each run (5-48 ms at 4x when
// measured, in tasks of 50-108 ms: the rest is the browser's own work and the throttler's pauses).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from './fixtures.ts';
import { median, poll } from './support.ts';

const CONFIG = JSON.stringify({
  siteName: 'BBC corpus test',
  sources: [{ id: 'bbc', name: 'BBC News (research set)', url: '/test-data/bbc.json' }],
  pageSize: 10,
});
const QUERIES = [
  'government spending plans',
  'mobile phone technology',
  'football club manager',
  'film festival awards',
  'interest rates rise',
];
const TARGET_MS = 50;
/** The median run's longest task must stay under this (see the comment at the top). */
const GATE_MS = Number(process.env.TYPING_GATE_MS ?? 150);
const KEY_DELAY_MS = 120;

/** What the page records in `window.__longTasks` and `window.__frames` (times in ms since its time origin). */
interface LongTask {
  start: number;
  duration: number;
}
interface AnimationFrame {
  start: number;
  script: number;
  render: number;
}

declare global {
  interface Window {
    __longTasks: LongTask[];
    __frames: AnimationFrame[];
  }
}

test('typing queries on 2,225 articles with the CPU throttled 4x', async ({ openSession, corpus, vp: viewport }) => {
  test.setTimeout(300_000);
  const BBC = readFileSync(corpus('corpora/bbc-news-2225.feed.json', 'search typing on the BBC corpus (2,225 articles)'));
  const { context, page } = await openSession({ contextOptions: { serviceWorkers: 'block' } });
  await context.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: CONFIG }));
  await context.route('**/test-data/bbc.json', (route) => route.fulfill({ contentType: 'application/json', body: BBC }));
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    // What ran in those frames: the page's own scripts (with the style and layout they forced),
    // and the frame's rendering; the rest of a long task is the browser's (input, GC, the
    // throttler's pauses).
    window.__frames = [];
    new PerformanceObserver((list) => {
      // Long-animation-frame entries (not in TypeScript's DOM types yet).
      for (const e of list.getEntries() as (PerformanceEntry & { scripts: { duration: number }[]; renderStart: number })[]) {
        window.__frames.push({
          start: e.startTime,
          script: Math.max(0, ...e.scripts.map((x) => x.duration)),
          render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
  await page.goto('/search');
  const input = page.getByRole('searchbox', { name: 'Search articles' });
  await input.waitFor();
  const status = page.getByRole('status').filter({ hasText: /results?$/ });
  // Let the feed load and the worker build its index before throttling: loading 5 MB is not
  // what this test measures, typing is. A first query tells us the index is ready.
  await input.fill('a');
  await poll(() => status.count(), (n) => n > 0, { timeout: 30_000 });
  await input.fill('');
  await page.waitForTimeout(300);

  const cdp = await context.newCDPSession(page);
  const runs: { query: string; durations: number[]; longest: number; found: string; script: number }[] = [];
  for (const query of QUERIES) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const started = await page.evaluate(() => performance.now());
    await input.pressSequentially(query, { delay: KEY_DELAY_MS });
    // The results for the whole query, not for a prefix of it.
    await poll(() => page.getByRole('heading', { level: 1 }).textContent(), (h) => (h ?? '').includes(query), { timeout: 15_000 });
    await poll(async () => (await status.textContent()) ?? '', (t) => /\d/.test(t), { timeout: 15_000 });
    await page.waitForTimeout(500);
    const ended = await page.evaluate(() => performance.now());
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const durations = (await page.evaluate((): LongTask[] => window.__longTasks))
      .filter((t) => t.start >= started && t.start <= ended)
      .map((t) => Math.round(t.duration))
      .sort((a, b) => a - b);
    const frames = (await page.evaluate((): AnimationFrame[] => window.__frames)).filter((f) => f.start >= started && f.start <= ended);
    const script = Math.round(Math.max(0, ...frames.map((f) => f.script)));
    const render = Math.round(Math.max(0, ...frames.map((f) => f.render)));
    const found = (await status.textContent()) ?? '';
    runs.push({ query, durations, longest: durations.at(-1) ?? 0, found, script });
    console.log(
      `${viewport}: "${query}" typed in ${Math.round(ended - started)} ms at 4x CPU throttling: ` +
        `${durations.length} long task(s)${durations.length ? ` (${durations.join(', ')} ms)` : ''}; ` +
        `longest script of the page in a long frame ${script} ms, longest rendering ${render} ms; ${found}`,
    );
    assert.ok(/[1-9]/.test(found), `"${query}" found articles: ${found}`);
    await input.fill('');
    await page.waitForTimeout(500);
  }
  const longest = runs.map((r) => r.longest);
  const mid = median(longest);
  console.log(
    `${viewport}: longest task per run ${longest.join(' / ')} ms, median ${mid} ms ` +
      `(target ${TARGET_MS} ms: ${mid <= TARGET_MS ? 'met' : 'not met'}; gate ${GATE_MS} ms); ` +
      `runs with no task over ${TARGET_MS} ms: ${longest.filter((l) => l <= TARGET_MS).length} of ${runs.length}; ` +
      `longest script of the page per run ${runs.map((r) => r.script).join(' / ')} ms`,
  );
  assert.ok(mid <= GATE_MS, `median of the runs' longest main-thread tasks while typing: ${mid} ms (gate ${GATE_MS} ms)`);
});
