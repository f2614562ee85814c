import { createElement, lazy, type ComponentType } from 'react';

/*
 * Routes the first screen of the home page does not need are split into their own chunks.
 * The import functions are kept so a hover on a link can start the download early.
 */
const importArticle = () => import('./article-route.tsx');
const importSearch = () => import('./search-route.tsx');
const importNotFound = () => import('./not-found-route.tsx');

const renewers: (() => void)[] = [];

/**
 * React.lazy remembers a failed import for good, so one dropped connection would leave the route
 * broken until a reload. This one starts a fresh lazy component, and so a fresh download
 * (browsers do fetch a failed module again), when the reader presses Retry on the page
 * ({@link retryFailedRoutes}) or goes to another page. Never by itself on the page that failed:
 * React re-renders after a failure, and a fresh download each time would loop.
 */
function retryableLazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let failedOn: string | null = null; // the path where the download failed
  const make = () =>
    lazy(() =>
      load().then(
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
  return function RetryableRoute(props: P) {
    if (failedOn !== null && failedOn !== window.location.pathname) renew();
    return createElement(current, props);
  };
}

/** Retry downloading the routes whose code failed to download (the page's Retry button). */
export function retryFailedRoutes(): void {
  for (const renew of renewers) renew();
}

export const ArticleRoute = retryableLazy(() => importArticle().then((m) => m.ArticleRoute));
export const SearchRoute = retryableLazy(() => importSearch().then((m) => m.SearchRoute));
export const NotFoundRoute = retryableLazy(() => importNotFound().then((m) => m.NotFoundRoute));

// A warm-up download that fails is not an error to report: the real navigation tries again.
export function preloadArticleRoute(): void {
  importArticle().catch(() => {});
}
export function preloadSearchRoute(): void {
  importSearch().catch(() => {});
}
