import { createElement, lazy, type ComponentType } from 'react';

/*
 * Routes the first screen of the home page does not need are split into their own chunks.
 * The import functions are kept so a hover on a link can start the download early.
 */
const importArticle = () => import('./article-route.tsx');
const importSearch = () => import('./search-route.tsx');
const importNotFound = () => import('./not-found-route.tsx');

/**
 * React.lazy remembers a failed import for good, so one dropped connection would leave the route
 * broken until a reload. After a failure this starts a fresh lazy component, so the route error
 * boundary's Retry downloads the chunk again (browsers do fetch a failed module again).
 */
function retryableLazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const make = () =>
    lazy(() =>
      load().then(
        (component) => ({ default: component }),
        (error: unknown) => {
          current = make();
          throw error;
        },
      ),
    );
  let current = make();
  return function RetryableRoute(props: P) {
    return createElement(current, props);
  };
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
