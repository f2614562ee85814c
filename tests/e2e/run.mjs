#!/usr/bin/env node
// Browser tests: find Chromium, build the app when needed, serve dist/ with `vite preview`, then run
// tests/e2e/*.e2e.mjs with node's test runner (one file at a time) against it.
//
//   node tests/e2e/run.mjs [files…]      CHROME_PATH=…  E2E_BUILD=1 (always build)  E2E_REQUIRED=1
//
// Without Chromium the run is skipped loudly (exit 0), unless E2E_REQUIRED=1 (exit 1).
import { spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findChromium, skipBanner } from './env.mjs';
import { ensureBuild, ROOT, SCREENSHOT_DIR, startPreview } from './server.mjs';

const started = Date.now();
const chrome = findChromium();
if (!chrome) {
  const why = process.env.CHROME_PATH ? ` (CHROME_PATH=${process.env.CHROME_PATH} does not exist)` : '';
  console.log(skipBanner(`SKIPPED: browser tests (no Chromium found; set CHROME_PATH)${why}`));
  process.exit(process.env.E2E_REQUIRED === '1' ? 1 : 0);
}
console.log(`e2e: Chromium at ${chrome}`);

const ci = process.env.CI === 'true' || process.env.CI === '1';
try {
  console.log(`e2e: ${ensureBuild({ force: ci || process.env.E2E_BUILD === '1' })}`);
} catch (e) {
  console.error(`e2e: ${e.message}`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
}

const dir = join(ROOT, 'tests/e2e');
const args = process.argv.slice(2);
const files = args.length
  ? args
  : readdirSync(dir)
      .filter((f) => f.endsWith('.e2e.mjs'))
      .sort()
      .map((f) => relative(ROOT, join(dir, f)));

rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
const server = await startPreview();
console.log(`e2e: serving dist/ at ${server.url}; running ${files.join(', ')}`);

const child = spawn(
  process.execPath,
  ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
  {
    cwd: ROOT,
    env: { ...process.env, E2E_BASE_URL: server.url, CHROME_PATH: chrome },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
let out = '';
child.stdout.on('data', (d) => {
  out += d;
  process.stdout.write(d);
});
const code = await new Promise((resolve) => child.on('close', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
await server.close();

// Node's spec reporter closes with "ℹ pass N" / "ℹ fail N" (every test and step counted).
const count = (label) => Number(new RegExp(`^\\S*\\s*${label} (\\d+)$`, 'm').exec(out)?.[1] ?? 0);
const passed = count('pass');
const failed = count('fail') + (code !== 0 && count('fail') === 0 ? 1 : 0);
const skipped = count('skipped');
console.log(`\ne2e took ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${relative(ROOT, SCREENSHOT_DIR)}/`);
console.log(`e2e: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(code === 0 ? 0 : 1);
