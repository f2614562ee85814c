// Typing into search on a large corpus never blocks the page: the BBC corpus (2,225 articles,
// 5 MB) is served as the feed, the CPU is throttled 4x, and every long task on the main thread
// while a query is typed character by character is recorded. None may exceed 50 ms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openSession, poll, useApp } from './harness.mjs';

const app = useApp();
const BBC = readFileSync(new URL('../../../shared/data/corpora/bbc-news-2225.feed.json', import.meta.url));
const CONFIG = JSON.stringify({
  siteName: 'BBC corpus test',
  sources: [{ id: 'bbc', name: 'BBC News (research set)', url: '/test-data/bbc.json' }],
  pageSize: 10,
});
const QUERY = 'government spending plans';
const LONG_TASK_LIMIT_MS = 50;

for (const viewport of ['phone', 'desktop']) {
  test(`typing a query on 2,225 articles with the CPU throttled 4x @ ${viewport}`, async () => {
    const { context, page, errors } = await openSession(app, viewport, { serviceWorkers: 'block' });
    try {
      await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: CONFIG }));
      await page.route('**/test-data/bbc.json', (route) => route.fulfill({ contentType: 'application/json', body: BBC }));
      await page.addInitScript(() => {
        window.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
        }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto('/search');
      const input = page.getByRole('searchbox', { name: 'Search articles' });
      await input.waitFor();
      // Let the feed load and the worker build its index before throttling: loading 5 MB is not
      // what this test measures, typing is. A first query tells us the index is ready.
      await input.fill('a');
      await poll(() => page.getByRole('status').filter({ hasText: /results?$/ }).count(), (n) => n > 0, { timeout: 30_000 });
      await input.fill('');
      await page.waitForTimeout(300);

      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const typingStarted = await page.evaluate(() => performance.now());
      await input.pressSequentially(QUERY, { delay: 120 });
      const status = page.getByRole('status').filter({ hasText: /results?$/ });
      await poll(async () => (await status.textContent()) ?? '', (t) => /\d/.test(t), { timeout: 15_000 });
      await page.waitForTimeout(500);
      const typingEnded = await page.evaluate(() => performance.now());
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

      const tasks = (await page.evaluate(() => window.__longTasks)).filter(
        (t) => t.start >= typingStarted && t.start <= typingEnded,
      );
      const durations = tasks.map((t) => t.duration).sort((a, b) => a - b);
      const longest = durations.at(-1) ?? 0;
      const resultText = await status.textContent();
      console.log(
        `${viewport}: typed ${QUERY.length} characters in ${Math.round(typingEnded - typingStarted)} ms at 4x CPU throttling; ` +
          `${tasks.length} long task(s) on the main thread${tasks.length ? ` (longest ${Math.round(longest)} ms, all: ${durations.map(Math.round).join(', ')} ms)` : ''}; "${resultText}"`,
      );
      assert.ok(/[1-9]/.test(resultText ?? ''), `the query found articles: ${resultText}`);
      assert.ok(longest <= LONG_TASK_LIMIT_MS, `longest main-thread task while typing: ${Math.round(longest)} ms (limit ${LONG_TASK_LIMIT_MS} ms)`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
