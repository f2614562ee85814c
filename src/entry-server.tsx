/*
 * Server entry for `npm run build`'s prerender step (build/prerender.ts): renders a page of the
 * app to HTML from data the build already has, so crawlers and link previews see real content.
 * Never part of the browser bundle.
 */
import { prerender } from 'react-dom/static';
import { StaticRouter, matchPath } from 'react-router';
import { App } from './app/app.tsx';
import { createQueryClient } from './app/query-client.ts';
import { preloadArticleRoute } from './app/lazy-routes.ts';
import { sourceArticlesQueryOptions } from './features/articles/api/get-articles.ts';
import { articleQueryOptions } from './features/articles/api/get-article.ts';
import { articlePath } from './features/articles/model/paths.ts';
import { loadJsonFeed } from './sources/jsonfeed.ts';
import { parseConfig, sourcesKey } from './lib/config.ts';
import { loadMessages } from './lib/i18n.ts';
import { resolveUiLocale } from './lib/locales.ts';
import { directionOf } from './lib/direction.ts';
import type { SourceLoadResult } from './sources/source-adapter.ts';
import type { AppConfig } from './types/config.ts';

export interface Site {
  config: AppConfig;
  locale: string;
  dir: 'ltr' | 'rtl';
  results: { sourceId: string; result: SourceLoadResult }[];
  /** Every page to prerender: `/` and each article's path. */
  paths: string[];
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
        result: await loadJsonFeed(source, { timeoutMs: config.requestTimeoutMs }),
      });
    } catch (error) {
      console.warn(
        `[prerender] ${source.url}: ${error instanceof Error ? error.message : String(error)}; its articles are not prerendered`,
      );
    }
  }
  const paths = ['/', ...new Set(results.flatMap((r) => r.result.articles.map((a) => articlePath(a))))];
  return { config, locale, dir: directionOf(locale), results, paths, sourcesKey: sourcesKey(config, configUrl) };
}

/** The app's HTML for one path, with the data of `site` in the query cache (no fetching). */
export async function renderPath(site: Site, path: string): Promise<string> {
  const { config } = site;
  const queryClient = createQueryClient();
  for (const { sourceId, result } of site.results) {
    const source = config.sources.find((s) => s.id === sourceId);
    if (source)
      queryClient.setQueryData(sourceArticlesQueryOptions(source, config.requestTimeoutMs).queryKey, result);
  }
  const articleId = matchPath('/articles/:id/:slug?', path)?.params.id;
  if (articleId) {
    await preloadArticleRoute();
    // The query's own retry policy is for flaky networks; a build has none, so one try is final.
    await queryClient.prefetchQuery({ ...articleQueryOptions(config, articleId), retry: false });
  }
  const messages = await loadMessages(site.locale);
  const { prelude } = await prerender(
    <App
      config={config}
      queryClient={queryClient}
      locale={{ locale: site.locale, messages }}
      router={(children) => <StaticRouter location={path}>{children}</StaticRouter>}
    />,
    // One complete document: no boundary is split out into a streaming segment, whose inline
    // reveal script a Content-Security-Policy without 'unsafe-inline' would block.
    { progressiveChunkSize: Number.POSITIVE_INFINITY },
  );
  queryClient.clear();
  return new Response(prelude).text();
}
