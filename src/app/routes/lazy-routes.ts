import { lazy } from 'react';

/*
 * Routes the first screen of the home page does not need are split into their own chunks.
 * The import functions are kept so a hover on a link can start the download early.
 */
const importArticle = () => import('./article-route.tsx');
const importSearch = () => import('./search-route.tsx');
const importNotFound = () => import('./not-found-route.tsx');

export const ArticleRoute = lazy(() => importArticle().then((m) => ({ default: m.ArticleRoute })));
export const SearchRoute = lazy(() => importSearch().then((m) => ({ default: m.SearchRoute })));
export const NotFoundRoute = lazy(() => importNotFound().then((m) => ({ default: m.NotFoundRoute })));

export function preloadArticleRoute(): void {
  void importArticle();
}
export function preloadSearchRoute(): void {
  void importSearch();
}
