/*
 * The site the server renders: config.json (read at start and again when the file changes or on
 * SIGHUP, without a restart), Vite's page template, and the entry that renders the app.
 * A config.json that does not parse keeps the last good one in service and says why in the log.
 */
import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { join } from 'node:path';
import * as entry from '../src/entry-server.tsx';
import type { AppConfig } from '../src/entry-server.tsx';
import { resolveUiLocale } from '../src/lib/locales.ts';

export interface SiteView {
  config: AppConfig;
  configUrl: string;
  origin: string;
  locale: string;
  sourcesKey: string;
}

export interface Site {
  /** The site as seen from `origin` (relative source URLs resolve against it). */
  view(origin: string): SiteView;
  /** The configured public origin (siteUrl), when config.json names one. */
  publicOrigin(): string | undefined;
  template(): string;
  /** config.json as the browser must read it: the file the server renders from (NEWS_CONFIG), not dist/'s. */
  configText(): string;
  /** Every distinct source, for the health report. */
  sources(): AppConfig['sources'];
  /** Read config.json again; false (and the old one kept) when it is broken. */
  reload(reason: string): boolean;
  /** Bumped on every successful reload: caches keyed by it forget the old site. */
  generation(): number;
  watch(onChange: () => void): () => void;
}

export function openSite({ distDir, configFile, log }: { distDir: string; configFile: string; log: (line: object) => void }): Site {
  const template = readFileSync(join(distDir, 'shell.html'), 'utf8');
  let text = '';
  let raw: { siteUrl?: string } = read();
  let gen = 1;
  const views = new Map<string, SiteView>();

  function read(): { siteUrl?: string } {
    const next = readFileSync(configFile, 'utf8');
    const parsed = JSON.parse(next) as { siteUrl?: string };
    // Validate now, so a broken file is refused before it replaces a good one.
    entry.parseConfig({ ...parsed, siteUrl: parsed.siteUrl ?? 'http://validate.invalid/' }, 'http://validate.invalid/config.json');
    text = next;
    return parsed;
  }

  function view(origin: string): SiteView {
    const fixed = raw.siteUrl ? new URL(raw.siteUrl).origin : undefined;
    const key = fixed ?? origin;
    let v = views.get(key);
    if (!v) {
      const configUrl = `${key}/config.json`;
      const config = entry.parseConfig({ ...raw, siteUrl: raw.siteUrl ?? `${key}/` }, configUrl);
      const locale = resolveUiLocale({ configured: config.locale });
      v = { config, configUrl, origin: key, locale, sourcesKey: entry.sourcesKey(config, configUrl) };
      // One entry per Host the server is reached by: bounded, since hosts are few in practice.
      if (views.size > 64) views.clear();
      views.set(key, v);
    }
    return v;
  }

  return {
    view,
    publicOrigin: () => (raw.siteUrl ? new URL(raw.siteUrl).origin : undefined),
    template: () => template,
    configText: () => text,
    sources: () => view('http://localhost').config.sources,
    generation: () => gen,
    reload(reason) {
      try {
        raw = read();
        views.clear();
        gen++;
        log({ event: 'config-reloaded', reason, file: configFile });
        return true;
      } catch (error) {
        log({ event: 'config-refused', reason, file: configFile, error: error instanceof Error ? error.message : String(error) });
        return false;
      }
    },
    watch(onChange) {
      // Polling, not fs.watch: editors and deploy tools replace the file (rename), which fs.watch
      // loses track of; a stat a second costs nothing.
      const listener = (curr: { mtimeMs: number }, prev: { mtimeMs: number }) => {
        if (curr.mtimeMs !== prev.mtimeMs) onChange();
      };
      watchFile(configFile, { interval: 1000, persistent: false }, listener);
      return () => unwatchFile(configFile, listener);
    },
  };
}
