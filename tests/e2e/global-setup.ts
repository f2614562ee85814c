// Before the browser tests: build dist/ when needed (always in CI or with E2E_BUILD=1, else only
// when it is missing or older than its inputs) and serve it with the production security headers
// (server.mjs); the tests find it in E2E_BASE_URL. Returns the teardown that stops the server.
import { rmSync } from 'node:fs';
import { ensureBuild, SCREENSHOT_DIR, startPreview } from './server.mjs';

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.E2E_BASE_URL) {
    console.log(`e2e: testing ${process.env.E2E_BASE_URL} (E2E_BASE_URL)`);
    return async () => {};
  }
  const ci = process.env.CI === 'true' || process.env.CI === '1';
  console.log(`e2e: ${ensureBuild({ force: ci || process.env.E2E_BUILD === '1' })}`);
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  const server = await startPreview();
  process.env.E2E_BASE_URL = server.url;
  console.log(`e2e: serving dist/ at ${server.url}`);
  return async () => {
    await server.close();
    delete process.env.E2E_BASE_URL;
  };
}
