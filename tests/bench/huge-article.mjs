#!/usr/bin/env node
// A 1 MB article in Chromium: how long the main thread is busy sanitizing and rendering its body,
// and whether that work blocks the page (long tasks). Serves the production build with its CSP
// and Trusted Types headers; the feed is replaced (page.route) by the sample feed whose newest
// article carries a 1 MB body of ordinary news HTML (paragraphs, links, headings, lists, figures).
//
//   node tests/bench/huge-article.mjs [--no-build] [--runs=N] [--kb=1024]
//
// Prints, per run and as medians: `news:sanitize` (the app's own performance measure: wall time
// from the first to the last sanitized part, yields included), the number of parts, the time from
// navigation to the whole body in the DOM, the longest task and the total blocking time (the sum
// of each long task's excess over 50 ms) between navigation and the complete body.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChromium } from '../e2e/env.mjs';
import { ensureBuild, ROOT, startPreview } from '../e2e/server.mjs';

const argv = process.argv.slice(2);
const runs = Number(argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 3);
const kb = Number(argv.find((a) => a.startsWith('--kb='))?.split('=')[1] ?? 1024);
const executablePath = findChromium();
if (!executablePath) {
  console.log('SKIPPED: no Chromium (set CHROME_PATH)');
  process.exit(0);
}
console.log(ensureBuild({ skip: argv.includes('--no-build') }));

const config = JSON.parse(readFileSync(join(ROOT, 'public/config.json'), 'utf8'));
const feedPath = config.sources[0].url;
const feed = JSON.parse(readFileSync(join(ROOT, 'public', feedPath), 'utf8'));
let body = '';
for (let i = 1; body.length < kb * 1024; i++) {
  body += `<p>Paragraph ${i}: The <a href="https://example.org/news/${i}">ministry</a> said on <em>Tuesday</em> that rice exports rose by ${i % 90}% compared with last year, while officials in Vientiane noted that the <strong>new bridge</strong> had cut transport costs for farmers in the south of the country considerably.</p>`;
  if (i % 50 === 0) body += `<h2>Section ${i / 50}</h2><ul><li>First point</li><li>Second point</li></ul><figure><img src="images/placeholder-${i}.webp" alt="Figure ${i}" width="1200" height="675"><figcaption>Caption ${i}</figcaption></figure>`;
}
const newest = [...feed.items].sort((a, b) => Date.parse(b.date_published) - Date.parse(a.date_published))[0];
newest.content_html = body;
const feedJson = JSON.stringify(feed);

const server = await startPreview();
const browser = await chromium.launch({ executablePath, headless: true, args: CHROME_ARGS });
const results = [];
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.route(`**/${feedPath}`, (r) => r.fulfill({ contentType: 'application/feed+json', body: feedJson }));
    // Images are not what is measured: answer them with nothing at once.
    await page.route('**/images/placeholder-*', (r) => r.fulfill({ status: 204 }));
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${server.url}/articles/${encodeURIComponent(newest.id)}/x`);
    const measured = await page.waitForFunction(
      () => {
        const m = performance.getEntriesByName('news:sanitize')[0];
        const parts = document.querySelectorAll('.article-body > .article-part').length;
        return m && parts === m.detail.parts ? { sanitize: m.duration, sanitizeEnd: m.startTime + m.duration, parts, done: performance.now() } : null;
      },
      null,
      { timeout: 60_000, polling: 'raf' },
    );
    const r = await measured.jsonValue();
    const tasks = await page.evaluate((end) => window.__longTasks.filter((t) => t.start < end), r.done);
    const longest = Math.max(0, ...tasks.map((t) => t.duration));
    const tbt = tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
    const bodyTasks = tasks.filter((t) => t.start + t.duration >= r.sanitizeEnd - r.sanitize);
    const row = {
      sanitizeMs: Math.round(r.sanitize),
      parts: r.parts,
      bodyCompleteMs: Math.round(r.done),
      longestTaskMs: Math.round(longest),
      longestBodyTaskMs: Math.round(Math.max(0, ...bodyTasks.map((t) => t.duration))),
      tbtMs: Math.round(tbt),
      longTasks: tasks.length,
    };
    if (problems.length) row.problems = problems;
    results.push(row);
    console.log(`run ${run + 1}: ${JSON.stringify(row)}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const median = (key) => {
  const v = results.map((r) => r[key]).sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)];
};
console.log(
  `\n${kb} KB body, median of ${runs}: sanitize ${median('sanitizeMs')} ms in ${median('parts')} parts; body complete ${median('bodyCompleteMs')} ms after navigation; ` +
    `longest task ${median('longestTaskMs')} ms (during sanitize/render: ${median('longestBodyTaskMs')} ms); total blocking time ${median('tbtMs')} ms`,
);
if (results.some((r) => r.problems)) process.exitCode = 1;
