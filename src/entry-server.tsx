/*
 * Server entry: renders a page of the app to HTML through the app's own components and query
 * option factories, so crawlers, link previews and readers without JavaScript see real content.
 * Two callers: `npm run build`'s prerender step (build/prerender.ts: `loadSite` + `renderPath`,
 * from data the build already has) and the production server (server/: `renderRoute`, from the
 * live sources, through the server's caching `fetch`). Never part of the browser bundle.
 */
import { prerender } from 'react-dom/static';
import { StaticRouter, matchPath } from 'react-router';
import { dehydrate, type QueryClient } from '@tanstack/react-query';
import { SERVER_STATE_ID } from './app/server-state.ts';
import { App } from './app/app.tsx';
import { createQueryClient } from './app/query-client.ts';
import { mergeSources, sourceArticlesQueryOptions } from './features/articles/api/get-articles.ts';
import { ArticleNotFoundError, articleQueryOptions } from './features/articles/api/get-article.ts';
import { isFeedError } from './lib/errors.ts';
import {
  listsCategoriesOnServer,
  pagesOnServer,
  sourceCategoryQueryOptions,
  sourcePageQueryOptions,
  sourcePagesQueryOptions,
} from './features/articles/api/get-source-pages.ts';
import { searchesOnServer, sourceSearchQueryOptions } from './features/search/api/search-source.ts';
import { readSearchState } from './features/search/api/search-params.ts';
import { articlePath } from './features/articles/model/paths.ts';
import { loadSourceList, sourceListUrl } from './sources/registry.ts';
import { parseConfig, sourcesKey } from './lib/config.ts';
import { loadMessages } from './lib/i18n.ts';
import { resolveUiLocale } from './lib/locales.ts';
import { directionOf } from './lib/direction.ts';
import { viewPath } from './lib/view-path.ts';
import type { SourceLoadResult } from './sources/source-adapter.ts';
import type { AppConfig, SourceConfig } from './types/config.ts';
import type { ArticleSummary } from './types/article.ts';

export { parseConfig, sourcesKey, ConfigError } from './lib/config.ts';
export { articlePath } from './features/articles/model/paths.ts';
export { viewPath } from './lib/view-path.ts';
export { loadSourceList } from './sources/registry.ts';
export type { AppConfig, ArticleSummary, SourceLoadResult };

export interface Site {
  config: AppConfig;
  locale: string;
  dir: 'ltr' | 'rtl';
  results: { sourceId: string; result: SourceLoadResult }[];
  /** Every page to prerender: `/` and each article's path. */
  paths: string[];
  configUrl: string;
  /** The sources the pages are drawn from ({@link sourcesKey}), written into each page. */
  sourcesKey: string;
}

/**
 * Load config.json and the feeds through the app's own code. `fetch` is the build's: it answers
 * from dist/ for the site's own files. Sources that fail are left out (their articles are simply
 * not prerendered).
 */
export async function loadSite(rawConfig: unknown, configUrl: string): Promise<Site> {
  const config = parseConfig(rawConfig, configUrl);
  const locale = resolveUiLocale({ configured: config.locale });
  const results: Site['results'] = [];
  for (const source of config.sources) {
    try {
      results.push({
        sourceId: source.id,
        result: await loadSourceList(source, { timeoutMs: config.requestTimeoutMs }),
      });
    } catch (error) {
      console.warn(
        `[prerender] ${source.url}: ${error instanceof Error ? error.message : String(error)}; its articles are not prerendered`,
      );
    }
  }
  const paths = ['/', ...new Set(results.flatMap((r) => r.result.articles.map((a) => articlePath(a))))];
  return {
    config,
    configUrl,
    locale,
    dir: directionOf(locale),
    results,
    paths,
    sourcesKey: sourcesKey(config, configUrl),
  };
}

/** The app's HTML for one path, drawn from the lists of `site` (what else a page needs is fetched through the build's fetch). */
export async function renderPath(site: Site, path: string): Promise<string> {
  const url = new URL(path, 'http://prerender.invalid');
  const rendered = await renderRoute({
    config: site.config,
    configUrl: site.configUrl,
    locale: site.locale,
    pathname: url.pathname,
    search: url.search,
    loadList: async (source) => {
      const found = site.results.find((r) => r.sourceId === source.id);
      if (!found) throw new Error(`${source.url} could not be read at build time`);
      return found.result;
    },
  });
  return rendered.html ?? '';
}

/** What the production server needs to render one request. */
export interface RouteRequest {
  config: AppConfig;
  /** The public URL of config.json (relative source URLs and {@link sourcesKey} resolve against it). */
  configUrl: string;
  locale: string;
  /** The path inside the app (without the base), e.g. `/articles/abc/slug`. */
  pathname: string;
  /** The query string, with or without `?`. */
  search: string;
  /**
   * A source's latest articles, from the server's own cache: parsing and checking a whole feed
   * is most of a render's work, and its result is the same for every page until the feed changes.
   */
  loadList?: ListLoader;
}

/** Loads one source's list (the server passes a cached one). */
export type ListLoader = (source: SourceConfig, timeoutMs: number) => Promise<SourceLoadResult>;

export interface RenderedRoute {
  /** 200; 404 for an unknown article, section or path; 503 when the sources failed and nothing could be shown. */
  status: number;
  /** For a permanent redirect: the canonical path (an article's slug changed). */
  redirect?: string;
  /** React's hoisted tags and the page body, for {@link documentFor}. */
  html?: string;
  /** The data the page was drawn with, as JSON safe inside a script element (see src/app/server-state.ts). */
  state?: string;
  /** The sources that failed while rendering (for the server's health report). */
  failures: { sourceId: string; message: string }[];
}

/** The errors that mean "the sources could not be read", as opposed to "no such thing". */
function failureOf(client: QueryClient, queryKey: readonly unknown[]): Error | undefined {
  const state = client.getQueryState(queryKey);
  return state?.status === 'error' ? (state.error as Error) : undefined;
}

/**
 * Render one request from the live sources. The data is fetched through the app's own query
 * option factories, each with one try (the server's fetch already caches, collapses concurrent
 * requests and serves a stale copy when a source fails); the page is then rendered with that
 * data in the cache, exactly as the browser will hydrate it.
 */
export async function renderRoute(request: RouteRequest): Promise<RenderedRoute> {
  const { config, pathname } = request;
  const params = new URLSearchParams(request.search);
  const client = createQueryClient();
  // One try per query (the server's fetch has its own caching and fallbacks), and a query that
  // failed renders as failed: with retryOnMount a server render shows it as loading instead.
  client.setDefaultOptions({
    queries: { ...client.getDefaultOptions().queries, retry: false, retryOnMount: false },
  });
  const failures: RenderedRoute['failures'] = [];
  try {
    const { loadList } = request;
    const lists = config.sources.map((source) => {
      const options = sourceArticlesQueryOptions(source, config.requestTimeoutMs);
      return loadList ? { ...options, queryFn: () => loadList(source, config.requestTimeoutMs) } : options;
    });
    await Promise.all(lists.map((q) => client.prefetchQuery(q)));
    config.sources.forEach((source, i) => {
      const error = failureOf(client, lists[i]!.queryKey);
      if (error) failures.push({ sourceId: source.id, message: error.message });
    });
    const allFailed = failures.length === config.sources.length;
    const only = config.sources.length === 1 ? config.sources[0] : undefined;
    let status = 200;

    // The path as requested: percent-encoded (a Lao or Thai slug), which matchPath keeps.
    const article = matchPath('/articles/:id/:slug?', pathname);
    const category = matchPath('/category/:slug', pathname);
    if (article) {
      const id = safeDecode(article.params.id ?? '');
      const options = { ...articleQueryOptions(config, id), retry: false };
      await client.prefetchQuery(options);
      const state = client.getQueryState(options.queryKey);
      if (state?.status === 'error')
        status = state.error instanceof ArticleNotFoundError ? (allFailed ? 503 : 404) : 503;
      const found = client.getQueryData(options.queryKey);
      if (found && found.slug && safeDecode(article.params.slug ?? '') !== found.slug) {
        return { status: 301, redirect: articlePath(found), failures };
      }
    } else if (category) {
      const slug = safeDecode(category.params.slug ?? '');
      const page = Math.max(1, Number(params.get('page')) || 1);
      if (listsCategoriesOnServer(only)) {
        const options = sourceCategoryQueryOptions(only, slug, page, config.requestTimeoutMs);
        await client.prefetchQuery(options);
        const state = client.getQueryState(options.queryKey);
        if (state?.status === 'error') status = 503;
        else if (state?.data === null) status = 404;
      } else if (allFailed) status = 503;
      else if (!mergeSources(loaded(client, config)).some((a: ArticleSummary) => a.category?.slug === slug))
        status = 404;
    } else if (pathname === '/' || pathname === '') {
      const page = Math.max(1, Number(params.get('page')) || 1);
      if (only && pagesOnServer(only) && page > 1) {
        const options = sourcePageQueryOptions(only, page, config.requestTimeoutMs);
        await client.prefetchQuery(options);
        const state = client.getQueryState(options.queryKey);
        // A page past the last one: WordPress answers 400 ("invalid page number"), others 404.
        // That page does not exist (404); only trouble reaching the source is a 503.
        if (state?.status === 'error')
          status =
            isFeedError(state.error) && state.error.kind === 'http' && (state.error.status ?? 0) < 500
              ? 404
              : 503;
        else if (!state?.data?.articles.length) status = 404;
      } else if (only && pagesOnServer(only)) {
        await client.prefetchInfiniteQuery(sourcePagesQueryOptions(only, config.requestTimeoutMs));
      }
      if (allFailed) status = 503;
    } else if (pathname === '/search') {
      const state = readSearchState(params);
      const chosen = config.sources.find((s) => s.id === params.get('source')) ?? only;
      if (state.q.trim() && searchesOnServer(chosen)) {
        await client.prefetchQuery(
          sourceSearchQueryOptions({
            source: chosen,
            query: state.q,
            page: state.page ?? 1,
            pageSize: config.pageSize,
            timeoutMs: config.requestTimeoutMs,
            depth: (state.older ?? 0) + 1,
          }),
        );
      }
    } else {
      status = 404;
    }
    const html = await renderApp(client, config, request.locale, viewPath(pathname, request.search));
    return { status, html, state: serverState(client), failures };
  } finally {
    client.clear();
  }
}

/**
 * A query whose data is larger than this stays out of the page: a whole feed (a JSON Feed source's
 * list), which the page preloads instead and the browser needs whole for search anyway. A server
 * page of a paged source, an article, a category page fit.
 */
const STATE_QUERY_LIMIT = 48 * 1024;

/** The successful queries the page was drawn with, for the browser to hydrate with (adoptServerState). */
function serverState(client: QueryClient): string {
  const parts: string[] = [];
  for (const q of dehydrate(client).queries) {
    const data = JSON.stringify(q.state.data);
    if (data === undefined || data.length > STATE_QUERY_LIMIT) continue;
    parts.push(`{"key":${JSON.stringify(q.queryKey)},"data":${data},"updatedAt":${q.state.dataUpdatedAt}}`);
  }
  // "<" escaped: the text can then never close the script element or open a comment.
  return `[${parts.join(',')}]`.replace(/</g, '\\u003c');
}

/** A path segment as text; a malformed escape stays as it is (and matches nothing). */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function loaded(client: QueryClient, config: AppConfig): SourceLoadResult[] {
  return config.sources.flatMap((source) => {
    const data = client.getQueryData(sourceArticlesQueryOptions(source, config.requestTimeoutMs).queryKey);
    return data ? [data] : [];
  });
}

/** React's HTML of the app at `location`, with whatever `client` holds (nothing is fetched while rendering). */
async function renderApp(
  client: QueryClient,
  config: AppConfig,
  locale: string,
  location: string,
): Promise<string> {
  const messages = await loadMessages(locale);
  const { prelude } = await prerender(
    <App
      config={config}
      queryClient={client}
      locale={{ locale, messages }}
      router={(children) => <StaticRouter location={location}>{children}</StaticRouter>}
    />,
    // One complete document: no boundary is split out into a streaming segment, whose inline
    // reveal script a Content-Security-Policy without 'unsafe-inline' would block.
    { progressiveChunkSize: Number.POSITIVE_INFINITY },
  );
  return new Response(prelude).text();
}

/**
 * Split React's output into the tags it hoists (title, meta, link) and the page body. The
 * article's JSON-LD goes to the head as well: in the browser it is added by an effect, not
 * rendered in place (article-head.tsx), so in the body it would not match what React hydrates.
 */
function splitHoisted(html: string): { head: string; body: string } {
  let rest = html;
  let head = '';
  for (;;) {
    const m = /^(?:<title>[^<]*<\/title>|<meta\b[^>]*\/?>|<link\b[^>]*\/?>)/.exec(rest);
    if (!m) break;
    head += m[0];
    rest = rest.slice(m[0].length);
  }
  // jsonForScript escapes `<` in the JSON, so the first `</script>` is the script's own end.
  rest = rest.replace(/<script type="application\/ld\+json">[^<]*<\/script>/g, (script) => {
    head += script.replace('<script ', '<script data-prerendered ');
    return '';
  });
  return { head, body: rest };
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The preloads of the feeds public/config.json named at build time (build/preload-feeds.ts). */
const BUILD_FEED_PRELOAD = /[ \t]*<link [^>]*data-feed-preload[^>]*>\n?/g;

/**
 * The first request of each source's list, which the browser makes on every page (the front page
 * or the Recent News beside an article): preloaded with the page by the server, which knows the
 * live config, in place of the build's guess. A source whose adapter cannot say is left out.
 */
export async function sourcePreloads(config: AppConfig): Promise<string[]> {
  const urls = await Promise.all(
    config.sources.map((source) => sourceListUrl(source).catch(() => undefined)),
  );
  return [...new Set(urls.filter((url): url is string => Boolean(url)))];
}

/** The attribute index.html's modulepreloads carry (build/preload-app.ts). */
export const APP_PRELOAD = ' data-app-preload';
const APP_PRELOAD_LINK = /[ \t]*<link [^>]*data-app-preload[^>]*>\n?/g;

/**
 * The whole HTML document: Vite's index.html (`template`, with its empty root) filled with a
 * rendered page. `path` (with its query, if it matters) is what the page shows: main.tsx
 * hydrates the HTML only for that view and drops it otherwise. On a rendered page the HTML is the
 * first screen and the app only takes it over, so the stylesheet and the first screen's pictures
 * come first: the app's code downloads at low priority (the build's pages), or is not preloaded
 * at all (`appPreloads: false`, the server's pages, which carry their data): src/boot.ts imports
 * it after the first frame (decision 069).
 */
export function documentFor(
  template: string,
  rendered: string,
  page: {
    locale: string;
    path: string;
    sourcesKey: string;
    dataPreloads?: string[];
    state?: string;
    appPreloads?: boolean;
  },
): string {
  if (!template.includes('<div id="root"></div>'))
    throw new Error('index.html has no empty <div id="root"></div>');
  const { head, body } = splitHoisted(rendered);
  // Replacements by function: a "$&" or "$'" in an article's text is text, not a pattern.
  const withData = page.dataPreloads
    ? template
        .replace(BUILD_FEED_PRELOAD, '')
        .replace(
          '</head>',
          () =>
            `${page.dataPreloads!.map((url) => `<link rel="preload" as="fetch" crossorigin="anonymous" href="${escapeAttr(url)}">`).join('')}</head>`,
        )
    : template;
  return withData
    .replace(APP_PRELOAD_LINK, (link) =>
      page.appPreloads === false ? '' : link.replace(APP_PRELOAD, ' fetchpriority="low"'),
    )
    .replace(
      /<html[^>]*>/,
      () => `<html lang="${escapeAttr(page.locale)}" dir="${directionOf(page.locale)}">`,
    )
    .replace('</head>', () => `${head}</head>`)
    .replace(
      '<div id="root"></div>',
      () =>
        `<div id="root" data-prerendered-path="${escapeAttr(page.path)}" data-prerendered-sources="${escapeAttr(page.sourcesKey)}">${body}</div>` +
        (page.state ? `<script type="application/json" id="${SERVER_STATE_ID}">${page.state}</script>` : ''),
    );
}

/**
 * Every source's latest articles merged newest first, as the front page shows them (for the
 * feeds and sitemaps the server publishes). A source that fails is left out and named.
 */
export async function loadSiteArticles(
  config: AppConfig,
  loadList: ListLoader = (source, timeoutMs) => loadSourceList(source, { timeoutMs }),
): Promise<{ articles: ArticleSummary[]; failures: RenderedRoute['failures'] }> {
  const settled = await Promise.allSettled(
    config.sources.map((source) => loadList(source, config.requestTimeoutMs)),
  );
  const failures: RenderedRoute['failures'] = [];
  const results: SourceLoadResult[] = [];
  settled.forEach((r, i) => {
    if (r.status === 'fulfilled') results.push(r.value);
    else
      failures.push({
        sourceId: config.sources[i]!.id,
        message: r.reason instanceof Error ? r.reason.message : String(r.reason),
      });
  });
  return { articles: mergeSources(results), failures };
}
