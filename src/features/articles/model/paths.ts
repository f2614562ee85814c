import type { ArticleSummary, Category } from '../../../types/article.ts';

/** `/articles/:id/:slug`: the id resolves the article, the slug is for people and crawlers. */
export function articlePath(article: Pick<ArticleSummary, 'id' | 'slug'>): string {
  return `/articles/${encodeURIComponent(article.id)}/${encodeURIComponent(article.slug)}`;
}

export function categoryPath(category: Category | string): string {
  return `/category/${encodeURIComponent(typeof category === 'string' ? category : category.slug)}`;
}

export function searchPath(query: string): string {
  return `/search?${new URLSearchParams({ q: query }).toString()}`;
}
