import { readFileSync } from 'node:fs';

/** What the build reads from public/config.json: the manifest's name and language, the feeds to preload. */
export interface BuildSiteConfig {
  siteName?: string;
  description?: string;
  locale?: string;
  sources?: { url?: unknown }[];
}

let cached: BuildSiteConfig | undefined;

/**
 * public/config.json as built, read once per build. A missing or broken file gives `{}`: the app
 * reports a broken config at run time, where the operator sees it; the build should still succeed.
 */
export function readSiteConfig(file = 'public/config.json'): BuildSiteConfig {
  if (cached) return cached;
  try {
    cached = JSON.parse(readFileSync(file, 'utf8')) as BuildSiteConfig;
  } catch {
    cached = {};
  }
  return cached;
}
