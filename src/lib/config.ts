import * as v from 'valibot';
import type { AppConfig } from '../types/config.ts';
import { fetchJson } from './http.ts';
import { FeedError } from './errors.ts';

const nonEmpty = (what: string) => v.pipe(v.string(`${what} must be text`), v.trim(), v.minLength(1, `${what} must not be empty`));
const count = (what: string, min: number, max: number) =>
  v.pipe(
    v.number(`${what} must be a number`),
    v.integer(`${what} must be a whole number`),
    v.minValue(min, `${what} must be at least ${min}`),
    v.maxValue(max, `${what} must be at most ${max}`),
  );
const languageTag = (what: string) =>
  v.pipe(nonEmpty(what), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, `${what} must be a language tag such as "en" or "lo"`));

const SourceSchema = v.object({
  id: v.optional(v.pipe(nonEmpty('id'), v.regex(/^[a-z0-9][a-z0-9_-]*$/i, 'id may use letters, digits, - and _ only'))),
  name: nonEmpty('name'),
  type: v.optional(
    v.picklist(['jsonfeed', 'rss', 'wordpress', 'archive'], 'type must be jsonfeed, rss, wordpress or archive'),
    'jsonfeed',
  ),
  url: nonEmpty('url'),
  maxPages: v.optional(count('maxPages', 1, 1000)),
  perPage: v.optional(count('perPage', 1, 100)),
  permalinks: v.optional(v.picklist(['pretty', 'plain'], 'permalinks must be "pretty" or "plain"')),
  language: v.optional(languageTag('language')),
});

/** Per-type defaults: a WordPress site is read a few pages deep; the rest of its archive is searched on the server. */
const MAX_PAGES_DEFAULT = { jsonfeed: 50, rss: 1, wordpress: 3, archive: 1 } as const;

/** The schema of public/config.json. Field messages are shown to the operator as they are. */
export const ConfigSchema = v.object({
  siteName: nonEmpty('siteName'),
  description: v.optional(v.string('description must be text'), ''),
  logo: v.optional(
    v.object({ url: nonEmpty('logo.url'), alt: v.string('logo.alt must be text'), width: count('logo.width', 1, 2000), height: count('logo.height', 1, 2000) }),
  ),
  // No default here: an absent locale means "follow the reader's browser" (see parseConfig).
  locale: v.optional(languageTag('locale')),
  numerals: v.optional(v.picklist(['native', 'latin'], 'numerals must be "native" or "latin"')),
  siteUrl: v.optional(v.pipe(nonEmpty('siteUrl'), v.url('siteUrl must be an absolute URL such as "https://news.example.org/"'))),
  sources: v.pipe(v.array(SourceSchema, 'sources must be a list of feeds'), v.minLength(1, 'sources must name at least one feed')),
  recentNewsCount: v.optional(count('recentNewsCount', 1, 50), 6),
  pageSize: v.optional(count('pageSize', 1, 100), 10),
  attribution: v.optional(v.string('attribution must be text'), ''),
  requestTimeoutMs: v.optional(count('requestTimeoutMs', 1000, 120_000), 10_000),
});

/** A config.json that cannot be used; `field` names the offending field for the operator. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    readonly url: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Validate raw JSON as the app's configuration, resolving relative URLs against `baseUrl`. */
export function parseConfig(raw: unknown, configUrl: string): AppConfig {
  const result = v.safeParse(ConfigSchema, raw);
  if (!result.success) {
    const issue = result.issues[0];
    const field = v.getDotPath(issue) ?? undefined;
    throw new ConfigError(issue.message, configUrl, field ?? undefined);
  }
  const c = result.output;
  const seen = new Set<string>();
  const sources = c.sources.map((s, i) => {
    const id = s.id ?? (i === 0 ? 'main' : `source-${i + 1}`);
    if (seen.has(id)) throw new ConfigError(`id "${id}" is used twice`, configUrl, `sources.${i}.id`);
    seen.add(id);
    let url: string;
    try {
      url = new URL(s.url, configUrl).href;
    } catch {
      throw new ConfigError(`"${s.url}" is not a URL`, configUrl, `sources.${i}.url`);
    }
    const maxPages = s.maxPages ?? MAX_PAGES_DEFAULT[s.type];
    const perPage = s.type === 'wordpress' ? (s.perPage ?? 50) : s.perPage;
    return { ...s, id, url, maxPages, perPage, idPrefix: i === 0 ? '' : `${id}~` };
  });
  const logo = c.logo ? { ...c.logo, url: new URL(c.logo.url, configUrl).href } : undefined;
  const siteUrl = c.siteUrl ? new URL(c.siteUrl).href.replace(/\/?$/, '/') : undefined;
  return { ...c, sources, logo, siteUrl, locale: c.locale ?? 'en', detectLocale: c.locale === undefined };
}

/**
 * Which data a prerendered page was drawn from: each source's type, URL and language, in order (same-origin
 * URLs by path, since the build renders under a stand-in origin). When an operator points
 * config.json at other sources without rebuilding, the prerendered HTML shows articles that are
 * not theirs, and the app drops it instead of keeping it on screen while the real feed loads.
 */
export function sourcesKey(config: Pick<AppConfig, 'sources'>, configUrl: string): string {
  const origin = new URL(configUrl).origin;
  return config.sources
    .map((s) => {
      const url = new URL(s.url);
      const where = url.origin === origin ? url.pathname + url.search : url.href;
      return s.language ? `${s.type} ${where} ${s.language}` : `${s.type} ${where}`;
    })
    .join(' | ');
}

/** Fetch and validate config.json. Throws {@link ConfigError} for anything the operator must fix. */
export async function loadConfig(configUrl: string): Promise<AppConfig> {
  let raw: unknown;
  try {
    raw = (await fetchJson(configUrl, { timeoutMs: 15_000 })).data;
  } catch (error) {
    if (error instanceof FeedError) throw new ConfigError(error.message, configUrl);
    throw error;
  }
  return parseConfig(raw, configUrl);
}
