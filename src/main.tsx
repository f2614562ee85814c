import { startTransition, StrictMode, type ReactNode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { matchPath } from 'react-router';
import { loadConfig, ConfigError, sourcesKey } from './lib/config.ts';
import { viewPath } from './lib/view-path.ts';
import { loadMessages } from './lib/i18n.ts';
import { resolveUiLocale } from './lib/locales.ts';
import { directionOf } from './lib/direction.ts';
import { readPreference } from './lib/preferences.ts';
import { createQueryClient } from './app/query-client.ts';
import { adoptServerState } from './app/server-state.ts';
import { App } from './app/app.tsx';
import { ConfigErrorPage } from './app/config-error-page.tsx';
import { preloadArticleFeed, preloadArticleRoute, preloadRouteFor } from './app/lazy-routes.ts';
import { pagesOnServer } from './features/articles/api/get-source-pages.ts';
import { startServiceWorker } from './app/pwa/service-worker.ts';
import { sourceArticlesQueryOptions } from './features/articles/api/get-articles.ts';
import { articleQueryOptions } from './features/articles/api/get-article.ts';

const container = document.getElementById('root')!;
/** The language the build wrote the prerendered page in (build/prerender.ts sets it on <html>). */
const prerenderedLocale = document.documentElement.lang;
const configUrl = new URL(`${import.meta.env.BASE_URL}config.json`, location.origin).href;
const basePath = import.meta.env.BASE_URL.replace(/\/$/, '');
const appPath = location.pathname.startsWith(basePath)
  ? location.pathname.slice(basePath.length) || '/'
  : location.pathname;

// The page may arrive rendered (by `npm run build` for the bundled feeds, or by the server from
// the live sources), marked with the view it shows. HTML for another view (a host's fallback
// page, `?page=3` when the build wrote page 1) would only mislead: drop it now.
let prerendered = container.dataset.prerenderedPath === viewPath(appPath, location.search);
if (!prerendered) container.replaceChildren();
preloadRouteFor(appPath);

/** Resolve when `promise` does, or after `ms` at the latest. */
const atMost = (ms: number, promise: Promise<unknown>) =>
  Promise.race([promise, new Promise((r) => setTimeout(r, ms))]);

/**
 * Read config.json, start the feed downloads at once (before React renders, so they run in
 * parallel with the first render), then mount. A broken config gets a full-page explanation.
 */
async function start(): Promise<void> {
  try {
    const config = await loadConfig(configUrl);
    // Prerendered from other sources than config.json names now (edited without a rebuild):
    // those are not this site's articles.
    if (prerendered && container.dataset.prerenderedSources !== sourcesKey(config, configUrl)) {
      prerendered = false;
      container.replaceChildren();
    }
    const locale = resolveUiLocale({
      saved: readPreference('locale'),
      configured: config.locale,
      detect: config.detectLocale,
      browser: navigator.languages,
    });
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
    const messages = loadMessages(locale);
    const queryClient = createQueryClient();
    // A page from `npm run serve` carries the data it was drawn with: hydrate with that.
    if (prerendered) adoptServerState(queryClient);
    /** Start loading; what the cache already holds is not waited for (a stale copy refreshes in the background). */
    const load = (options: { queryKey: readonly unknown[] }) =>
      queryClient.getQueryData(options.queryKey) === undefined
        ? queryClient.prefetchQuery(options)
        : void queryClient.prefetchQuery(options);
    const feeds = config.sources.map((source) =>
      load(sourceArticlesQueryOptions(source, config.requestTimeoutMs)),
    );
    // A server-paged source's front page is the endless list: its code downloads with the feed.
    if (config.sources.some(pagesOnServer)) void preloadArticleFeed();
    if (prerendered) {
      // The prerendered page stays on screen until the app can draw the same page in one go
      // (data, the route's code, the sanitized body), so the swap shows no skeleton in between.
      const articleId = matchPath('/articles/:id/:slug?', appPath)?.params.id;
      const ready = [
        ...feeds,
        articleId ? preloadArticleRoute() : null,
        articleId ? load(articleQueryOptions(config, articleId)) : null,
      ];
      await atMost(4000, Promise.all(ready));
    }
    const localeMessages = await messages;
    const app = (
      <StrictMode>
        <App config={config} queryClient={queryClient} locale={{ locale, messages: localeMessages }} />
      </StrictMode>
    );
    // In a transition, so React works in slices of a few milliseconds instead of one long task.
    // A prerendered page in the reader's language is hydrated: React adopts the DOM the build
    // wrote instead of building it again, so the browser neither replaces nor lays out the page
    // anew. In another language it could not match, so it is drawn afresh.
    if (prerendered && locale === prerenderedLocale)
      startTransition(() => void hydrateRoot(container, app, { onRecoverableError }));
    else startTransition(() => renderAfresh(app));
    // The first-visit warm-up downloads its code when the worker takes control: no part of the first screen.
    const warm = () =>
      import('./app/pwa/warm-offline-cache.ts').then((m) =>
        m.warmOfflineCache(configUrl, config, queryClient),
      );
    const registerWorker = () => void startServiceWorker(() => void warm().catch(() => {}));
    if (document.readyState === 'complete') registerWorker();
    else window.addEventListener('load', registerWorker, { once: true });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[news] ${error.url}: ${error.field ? `${error.field}: ` : ''}${error.message}`);
    renderAfresh(<ConfigErrorPage error={error} />);
  }
}

/**
 * Draw the page from nothing. Whatever the container holds (a prerendered page in another
 * language) stays on screen until React commits, which clears the container first.
 */
function renderAfresh(node: ReactNode): void {
  createRoot(container).render(node);
}

/**
 * React recovered by drawing part of the page afresh: mostly because hydration found the page
 * differs from what the build wrote (the feed changed since, or the browser formats something
 * differently), which is expected, so not an error; or because a render error went away when
 * React tried again. Counted as a performance mark for the browser tests.
 */
function onRecoverableError(): void {
  performance.mark('news:hydration-mismatch');
}

void start();
