/*
 * `npm run serve`: the production server (after `npm run build`). Reads its settings from the
 * environment (server/env.ts), renders from the live sources in config.json, reloads that file
 * when it changes or on SIGHUP, and on SIGTERM stops accepting connections, finishes the
 * requests in flight and exits.
 */
import { createServer } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { readServerEnv } from './env.ts';
import { prepareSanitizer } from '../build/sanitizer-window.ts';

// React, its DOM renderer and the router pick their production builds by this at import time.
process.env.NODE_ENV ??= 'production';

// V8 grows its heap by up to 4x between full collections: under a crawl (thousands of distinct
// pages, each render leaving jsdom and React garbage) that took the process to 430 MB resident
// behind a 64 MB cache. Growing by 10% and a small young generation keep it under 250 MB for the
// same crawl (bench:serve --only=memory; decision 080). It is a GC heuristic, read at each collection; a flag given on
// the command line wins.
if (!process.execArgv.some((a) => a.startsWith('--heap-growing-percent')))
  setFlagsFromString('--heap-growing-percent=10');
// The young generation's size is fixed when V8 starts, so it can only come from the command line:
// `npm run serve` gives --max-semi-space-size=4 (about 30 MB less resident for the same crawl).
const smallYoungGeneration = process.execArgv.some((a) => a.startsWith('--max-semi-space-size'));

const log = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

async function main(): Promise<void> {
  const env = readServerEnv();
  await prepareSanitizer();
  const [{ openSite }, { createApp }] = await Promise.all([import('./site.ts'), import('./app.ts')]);
  const site = openSite({ distDir: env.distDir, configFile: env.configFile, log });
  const app = createApp({ env, site, log });
  // The app's source adapters call the global fetch: route it through the caching one.
  globalThis.fetch = app.sources.fetch;

  const server = createServer(
    { keepAliveTimeout: 65_000, requestTimeout: 30_000 },
    (req, res) => void app.handler(req, res),
  );
  const stopWatching = site.watch(() => site.reload('file changed'));
  process.on('SIGHUP', () => site.reload('SIGHUP'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.setDraining();
    log({ event: 'draining', signal, seconds: env.drainSeconds });
    stopWatching();
    // Stop accepting; idle keep-alive connections close now, busy ones after their response.
    server.close(() => {
      log({ event: 'stopped' });
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => {
      log({ event: 'drain-timeout', message: 'requests still open after the drain period were cut' });
      server.closeAllConnections();
      process.exit(0);
    }, env.drainSeconds * 1000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  server.listen(env.port, env.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : env.port;
    const host = env.host.includes(':') ? `[${env.host}]` : env.host;
    log({ event: 'listening', url: `http://${host}:${port}/`, dist: env.distDir, config: env.configFile });
    if (!smallYoungGeneration)
      log({
        event: 'note',
        message:
          'started without --max-semi-space-size=4 (npm run serve gives it): about 30 MB more resident memory under load',
      });
    console.error(`News reader serving at http://${host}:${port}/`);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
