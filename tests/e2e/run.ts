// `npm run test:e2e [-- files or Playwright options]`: find Chromium, then run Playwright Test.
// Without Chromium the run is skipped loudly (exit 0), unless E2E_REQUIRED=1 (exit 1): Playwright
// itself cannot skip on a missing executable.
//   CHROME_PATH=…  E2E_BUILD=1 (always build)  E2E_REQUIRED=1  E2E_WORKERS=n  CORPORA_DIR=…  WP_URL=…
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findChromium, skipBanner } from './env.mjs';
import { ROOT } from './server.mjs';

const chrome = findChromium();
if (!chrome) {
  const why = process.env.CHROME_PATH ? ` (CHROME_PATH=${process.env.CHROME_PATH} does not exist)` : '';
  console.log(skipBanner(`SKIPPED: browser tests (no Chromium found; set CHROME_PATH)${why}`));
  process.exit(process.env.E2E_REQUIRED === '1' ? 1 : 0);
}
console.log(`e2e: Chromium at ${chrome}`);
const r = spawnSync(join(ROOT, 'node_modules/.bin/playwright'), ['test', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, CHROME_PATH: chrome },
});
process.exit(r.status ?? 1);
