/*
 * The server's settings, from the environment as Node servers read them (twelve-factor): where
 * to listen, where the built app and its config.json are, and how long answers may be cached.
 * Every setting has a default that works for `npm run serve` on a developer's machine.
 */
import { resolve } from 'node:path';

export interface ServerEnv {
  port: number;
  host: string;
  /** The built app (`npm run build`'s output). */
  distDir: string;
  /** The config.json the server renders from: `NEWS_CONFIG`, else the one in distDir. */
  configFile: string;
  /** Seconds a source's answer and a rendered page are fresh (`CACHE_TTL`). */
  ttlSeconds: number;
  /** Seconds a stale page is still answered at once while it is refreshed (`CACHE_SWR`). */
  staleWhileRevalidateSeconds: number;
  /** Seconds the last good page is answered while the sources fail (`CACHE_STALE_IF_ERROR`). */
  staleIfErrorSeconds: number;
  /** Upper bound of the in-process cache, in bytes (`CACHE_MAX_MB`). */
  cacheMaxBytes: number;
  /** Seconds to finish the requests in flight after SIGTERM before exiting (`DRAIN_SECONDS`). */
  drainSeconds: number;
  /** One JSON access-log line per request on stdout, unless `ACCESS_LOG=0`. */
  accessLog: boolean;
}

/** A whole number from the environment, or a clear error naming the variable. */
function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return n;
}

export function readServerEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerEnv {
  const distDir = resolve(cwd, env.DIST_DIR || 'dist');
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    distDir,
    configFile: resolve(cwd, env.NEWS_CONFIG || resolve(distDir, 'config.json')),
    ttlSeconds: int(env, 'CACHE_TTL', 60, 0, 86_400),
    staleWhileRevalidateSeconds: int(env, 'CACHE_SWR', 600, 0, 7 * 86_400),
    staleIfErrorSeconds: int(env, 'CACHE_STALE_IF_ERROR', 86_400, 0, 30 * 86_400),
    cacheMaxBytes: int(env, 'CACHE_MAX_MB', 64, 1, 4096) * 1024 * 1024,
    drainSeconds: int(env, 'DRAIN_SECONDS', 10, 0, 600),
    accessLog: env.ACCESS_LOG !== '0',
  };
}
