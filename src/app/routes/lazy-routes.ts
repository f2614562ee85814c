import { createElement, lazy, useState, type ComponentType } from 'react';

/*
 * Routes the first screen of the home page does not need are split into their own chunks.
 * The import functions are kept so a hover on a link can start the download early.
 */
const importArticle = () => import('./article-route.tsx');
const importSearch = () => import('./search-route.tsx');
const importNotFound = () => import('./not-found-route.tsx');

/**
 * React.lazy, plus a preload that, once settled, lets the route render without suspending: a
 * plain lazy component suspends on its first render even when its chunk is already here, which
 * would flash the skeleton over a prerendered page (main.tsx preloads before mounting).
 */
function lazyRoute<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  const preload = () => load().then((c) => (loaded = c));
  const Lazy = lazy(() => preload().then((c) => ({ default: c })));
  function Route(props: P) {
    // Chosen once per mount, so a route never switches component type (and remounts) mid-life.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return createElement(Component, props);
  }
  return [Route, preload] as const;
}

const [ArticleRoute, loadArticle] = lazyRoute(() => importArticle().then((m) => m.ArticleRoute));
const [SearchRoute, loadSearch] = lazyRoute(() => importSearch().then((m) => m.SearchRoute));
const [NotFoundRoute] = lazyRoute(() => importNotFound().then((m) => m.NotFoundRoute));
export { ArticleRoute, SearchRoute, NotFoundRoute };

export function preloadArticleRoute(): Promise<unknown> {
  return loadArticle();
}
export function preloadSearchRoute(): Promise<unknown> {
  return loadSearch();
}
