import { createElement, lazy, useState, type ComponentType } from 'react';
import { retryableImport } from '../lib/retryable-import.ts';

/*
 * Routes the first screen of the home page does not need are split into their own chunks.
 * The import functions are kept so a hover on a link can start the download early.
 */
const importArticle = retryableImport(() => import('./routes/article-route.tsx'));
const importSearch = retryableImport(() => import('./routes/search-route.tsx'));
const importNotFound = retryableImport(() => import('./routes/not-found-route.tsx'));
const importCategory = retryableImport(() => import('./routes/category-route.tsx'));
// The endless, virtualized list (@tanstack/react-virtual) serves only
// sources that page on the server; a JSON Feed front page never loads it.
const importArticleFeed = retryableImport(() => import('../features/articles/components/article-feed.tsx'));

const renewers: (() => void)[] = [];

/**
 * React.lazy with two additions.
 * - A preload that, once settled, lets the route render without suspending: a plain lazy
 *   component suspends on its first render even when its chunk is already here, which would
 *   flash the skeleton over a prerendered page (main.tsx preloads before mounting).
 * - Recovery from a failed download: React.lazy remembers a failed import for good, so one
 *   dropped connection would leave the route broken until a reload. A fresh lazy component (so a
 *   fresh download) is made when the reader presses Retry ({@link retryFailedRoutes}) or goes to
 *   another page; never by itself on the page that failed, where React's re-render would loop.
 */
function lazyRoute<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let failedOn: string | null = null; // the path where the download failed
  const preload = () => load().then((c) => (loaded = c));
  const make = () =>
    lazy(() =>
      preload().then(
        (component) => ({ default: component }),
        (error: unknown) => {
          failedOn = window.location.pathname;
          throw error;
        },
      ),
    );
  let current = make();
  const renew = () => {
    if (failedOn === null) return;
    failedOn = null;
    current = make();
  };
  renewers.push(renew);
  function Route(props: P) {
    if (failedOn !== null && failedOn !== window.location.pathname) renew();
    // Chosen once per mount, so a route never switches component type (and remounts) mid-life;
    // after a failure the error boundary remounts it, and it picks the renewed component.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? current);
    return createElement(Component, props);
  }
  return [Route, preload] as const;
}

/** Retry downloading the routes whose code failed to download (the page's Retry button). */
export function retryFailedRoutes(): void {
  for (const renew of renewers) renew();
}

const [ArticleRoute, loadArticle] = lazyRoute(() => importArticle().then((m) => m.ArticleRoute));
const [SearchRoute, loadSearch] = lazyRoute(() => importSearch().then((m) => m.SearchRoute));
const [NotFoundRoute] = lazyRoute(() => importNotFound().then((m) => m.NotFoundRoute));
const [CategoryRoute, loadCategory] = lazyRoute(() => importCategory().then((m) => m.CategoryRoute));
const [ArticleFeed, loadArticleFeed] = lazyRoute(() => importArticleFeed().then((m) => m.ArticleFeed));
export { ArticleRoute, SearchRoute, NotFoundRoute, CategoryRoute, ArticleFeed };

// A warm-up download that fails is not an error to report: the real navigation tries again.
export function preloadArticleRoute(): Promise<unknown> {
  return loadArticle().catch(() => {});
}
export function preloadCategoryRoute(): Promise<unknown> {
  return loadCategory().catch(() => {});
}
export function preloadSearchRoute(): Promise<unknown> {
  return loadSearch().catch(() => {});
}
export function preloadArticleFeed(): Promise<unknown> {
  return loadArticleFeed().catch(() => {});
}

/**
 * Start downloading the code of the page at `path` (a router path) at once: at start-up this runs
 * in parallel with config.json, instead of after it when the route first renders.
 */
export function preloadRouteFor(path: string): void {
  if (path.startsWith('/articles/')) void preloadArticleRoute();
  else if (path === '/search') void preloadSearchRoute();
  else if (path.startsWith('/category/')) void preloadCategoryRoute();
}

/**
 * Once the first page is up and the main thread is idle, download the section page's code: every
 * page links to sections (header, cards), and a reader who loses the connection should still be
 * able to open one from what was loaded (without a service worker, a first visit has no copy).
 */
export function preloadLikelyRoutes(): () => void {
  const run = () => void preloadCategoryRoute();
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 5000 });
    return () => cancelIdleCallback(id);
  }
  const id = window.setTimeout(run, 2000);
  return () => window.clearTimeout(id);
}
