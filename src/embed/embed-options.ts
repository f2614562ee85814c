import type { AppConfig } from '../types/config.ts';
import { ConfigError, loadConfig, parseConfig } from '../lib/config.ts';

/** How an embedded reader keeps its page: never in the host URL, in the fragment, or in a sub-path. */
export type EmbedRouting = 'memory' | 'hash' | 'path';

/**
 * What a host can set on `<news-reader>` / `<news-recent>` (as attributes) or pass to `mount()`.
 * Everything is optional: with nothing set, the reader reads the config.json published next to
 * the embed bundle.
 */
export interface EmbedOptions {
  /** URL of a config.json (relative URLs resolve against the host page). */
  config?: string | undefined;
  /** URL of one JSON Feed, instead of a config.json. */
  feed?: string | undefined;
  /** Name shown in the reader's header when only a feed is given. */
  siteName?: string | undefined;
  /** UI locale (BCP 47); overrides the config's. */
  locale?: string | undefined;
  /** Default `memory`: the reader never touches the host's URL. */
  routing?: EmbedRouting | undefined;
  /** `path` routing: the sub-path of the host site the reader owns, e.g. `/news`. */
  base?: string | undefined;
  /** Memory routing: the page to open first, e.g. `/articles/lna-1/slug`. */
  initialPath?: string | undefined;
  /** Stories per list page; overrides the config's. */
  pageSize?: number | undefined;
  /** Recent News: how many stories; overrides the config's recentNewsCount. */
  count?: number | undefined;
  /** Theme: the accent colour (any CSS colour). */
  accent?: string | undefined;
  /** Theme: the font stack for text and headlines. */
  font?: string | undefined;
  /** `<news-recent>`: where a story links, with `{id}`, `{slug}`, `{url}` filled in. */
  link?: string | undefined;
  /** `<news-recent>`: the links' target, e.g. `_blank`. */
  target?: string | undefined;
}

/** Attribute names and the option each one sets; numbers are parsed, the rest are strings. */
export const EMBED_ATTRIBUTES = {
  config: 'config',
  feed: 'feed',
  'site-name': 'siteName',
  locale: 'locale',
  routing: 'routing',
  base: 'base',
  'initial-path': 'initialPath',
  'page-size': 'pageSize',
  count: 'count',
  accent: 'accent',
  font: 'font',
  link: 'link',
  target: 'target',
} as const satisfies Record<string, keyof EmbedOptions>;

const NUMERIC = new Set<keyof EmbedOptions>(['pageSize', 'count']);
const ROUTING = new Set<string>(['memory', 'hash', 'path']);

/** Read the options from an element's attributes; an invalid value is reported and ignored. */
export function optionsFromAttributes(element: Element): EmbedOptions {
  const options: Record<string, unknown> = {};
  for (const [attribute, key] of Object.entries(EMBED_ATTRIBUTES)) {
    const raw = element.getAttribute(attribute)?.trim();
    if (!raw) continue;
    if (NUMERIC.has(key)) {
      const n = Number(raw);
      if (Number.isInteger(n) && n > 0) options[key] = n;
      else console.warn(`[news] <${element.localName}> ${attribute}="${raw}" is not a positive whole number; ignored`);
    } else if (key === 'routing' && !ROUTING.has(raw)) {
      console.warn(`[news] <${element.localName}> routing="${raw}" must be memory, hash or path; using memory`);
    } else {
      options[key] = raw;
    }
  }
  return options as EmbedOptions;
}

/** Where the configuration comes from, as one string: readers with the same source share a cache. */
export function configSourceKey(options: EmbedOptions, defaultConfigUrl: string): string {
  if (options.config) return `config:${new URL(options.config, location.href).href}`;
  if (options.feed) return `feed:${new URL(options.feed, location.href).href}|${options.siteName ?? ''}`;
  return `config:${defaultConfigUrl}`;
}

/**
 * The configuration an embedded reader runs on, before the element's overrides: the config.json
 * named by `config` (or the default one), or a one-feed configuration built from `feed`.
 * Throws {@link ConfigError} for anything the host must fix.
 */
export async function loadEmbedConfig(options: EmbedOptions, defaultConfigUrl: string): Promise<AppConfig> {
  if (!options.config && options.feed) {
    const feedUrl = new URL(options.feed, location.href).href;
    const name = options.siteName ?? new URL(feedUrl).hostname;
    return parseConfig({ siteName: name, sources: [{ id: 'main', name, url: feedUrl }] }, location.href);
  }
  return loadConfig(options.config ? new URL(options.config, location.href).href : defaultConfigUrl);
}

/** The config with the element's locale, page size and count applied (each validated like config.json's). */
export function withOverrides(config: AppConfig, options: EmbedOptions): AppConfig {
  const raw = {
    ...config,
    locale: options.locale ?? config.locale,
    pageSize: options.pageSize ?? config.pageSize,
    recentNewsCount: options.count ?? config.recentNewsCount,
  };
  // Sources are already absolute, so resolving them again against any base leaves them as they are.
  try {
    return parseConfig(raw, location.href);
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(error.message, 'the element\'s attributes', error.field);
    throw error;
  }
}
