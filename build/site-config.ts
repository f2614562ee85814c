import { readFileSync, statSync } from 'node:fs';

/** What the build reads from public/config.json: the manifest's name and language, the feeds to preload. */
export interface BuildSiteConfig {
  siteName?: string;
  description?: string;
  locale?: string;
  sources?: { url?: unknown; type?: unknown }[];
}

const cache = new Map<string, { mtimeMs: number; config: BuildSiteConfig }>();

/**
 * public/config.json as it is now, parsed once per version of the file: a build reads it once, and
 * `vite` (dev) picks up an edit at the next page load. A missing or broken file gives `{}`: the app
 * reports a broken config at run time, where the operator sees it; the build should still succeed.
 */
export function readSiteConfig(file = 'public/config.json'): BuildSiteConfig {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return {};
  }
  const hit = cache.get(file);
  if (hit?.mtimeMs === mtimeMs) return hit.config;
  let config: BuildSiteConfig;
  try {
    config = JSON.parse(readFileSync(file, 'utf8')) as BuildSiteConfig;
  } catch {
    config = {};
  }
  cache.set(file, { mtimeMs, config });
  return config;
}
