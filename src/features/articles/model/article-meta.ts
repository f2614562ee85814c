import type { ArticleSummary } from '../../../types/article.ts';

export interface ArticleMetaContext {
  /** The article's address on this site (absolute). */
  pageUrl: string;
  siteName: string;
  /** The site's logo (absolute), for the publisher in structured data. */
  logoUrl?: string;
  /** Open Graph locale of the page, e.g. `en_US` or `lo_LA`. */
  ogLocale?: string;
}

/** `en` → `en`, `lo-LA` → `lo_LA`: Open Graph writes locales with an underscore. */
export function ogLocale(tag: string | undefined): string | undefined {
  return tag ? tag.replace('-', '_') : undefined;
}

/** Where the article lives for good: the publisher's own URL when the feed gives one, else ours. */
export function canonicalUrl(article: Pick<ArticleSummary, 'url'>, pageUrl: string): string {
  return article.url ?? pageUrl;
}

/** A short description for search results and link previews: the standfirst, else the start of the body. */
export function articleDescription(
  article: Pick<ArticleSummary, 'standfirst' | 'bodyText'>,
  max = 200,
): string | undefined {
  const text = (article.standfirst || article.bodyText).replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * schema.org NewsArticle for search engines (https://schema.org/NewsArticle, Google's Article
 * structured data). Only fields we actually know are written.
 */
export function newsArticleJsonLd(article: ArticleSummary, ctx: ArticleMetaContext): Record<string, unknown> {
  const canonical = canonicalUrl(article, ctx.pageUrl);
  const image = article.image;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline.slice(0, 110),
    description: articleDescription(article),
    url: canonical,
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    ...(image ? { image: [image.url] } : {}),
    ...(article.datePublished ? { datePublished: article.datePublished } : {}),
    ...(article.dateModified || article.datePublished
      ? { dateModified: article.dateModified ?? article.datePublished }
      : {}),
    ...(article.byline.length ? { author: article.byline.map((name) => ({ '@type': 'Person', name })) } : {}),
    publisher: {
      '@type': 'Organization',
      name: article.source ?? ctx.siteName,
      ...(ctx.logoUrl ? { logo: { '@type': 'ImageObject', url: ctx.logoUrl } } : {}),
    },
    ...(article.category ? { articleSection: article.category.name } : {}),
    ...(article.tags.length ? { keywords: article.tags.join(', ') } : {}),
    ...(article.language ? { inLanguage: article.language } : {}),
    ...(article.dateline ? { dateline: article.dateline } : {}),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text in it can close the element. */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
