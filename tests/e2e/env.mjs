// Where Chromium is and how to start it. Shared by the e2e runner, the tests and the Lighthouse bench.
import { existsSync } from 'node:fs';

export const CHROME_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** `CHROME_PATH` first, then the usual system locations. Returns null when none exists. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CHROME_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Flags for every Chromium we start (headless, no sandbox as root, nothing phoning home). */
export const CHROME_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function skipBanner(message) {
  const line = '='.repeat(Math.max(60, message.length));
  return `${line}\n${message}\n${line}`;
}
