import { useEffect } from 'react';
import type { ArticleSummary } from '../../../types/article.ts';
import { trustedJsonScript } from '../../../lib/trusted-types.ts';
import {
  articleDescription,
  canonicalUrl,
  jsonForScript,
  newsArticleJsonLd,
  type ArticleMetaContext,
} from '../model/article-meta.ts';

/**
 * The article's title, description, canonical URL, Open Graph and Twitter card tags (React
 * hoists them into <head>) and its schema.org NewsArticle. The JSON-LD script is data, not
 * code: browsers never execute `application/ld+json`, so it is allowed under `script-src 'self'`.
 */
export function ArticleHead({ article, context }: { article: ArticleSummary; context: ArticleMetaContext }) {
  const description = articleDescription(article);
  const canonical = canonicalUrl(article, context.pageUrl);
  const image = article.image;
  const json = jsonForScript(newsArticleJsonLd(article, context));
  return (
    <>
      <title>{`${article.headline} · ${context.siteName}`}</title>
      {description ? <meta name="description" content={description} /> : null}
      <link rel="canonical" href={canonical} />
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content={context.siteName} />
      <meta property="og:title" content={article.headline} />
      {description ? <meta property="og:description" content={description} /> : null}
      <meta property="og:url" content={canonical} />
      {context.ogLocale ? <meta property="og:locale" content={context.ogLocale} /> : null}
      {image ? <meta property="og:image" content={image.url} /> : null}
      {image?.alt ? <meta property="og:image:alt" content={image.alt} /> : null}
      {image?.width ? <meta property="og:image:width" content={String(image.width)} /> : null}
      {image?.height ? <meta property="og:image:height" content={String(image.height)} /> : null}
      {article.datePublished ? (
        <meta property="article:published_time" content={article.datePublished} />
      ) : null}
      {article.dateModified ? <meta property="article:modified_time" content={article.dateModified} /> : null}
      {article.category ? <meta property="article:section" content={article.category.name} /> : null}
      {article.tags.map((tag) => (
        <meta key={tag} property="article:tag" content={tag} />
      ))}
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={article.headline} />
      {description ? <meta name="twitter:description" content={description} /> : null}
      {image ? <meta name="twitter:image" content={image.url} /> : null}
      {image?.alt ? <meta name="twitter:image:alt" content={image.alt} /> : null}
      {/* React writes this into prerendered HTML; in the browser it would create the <script>
          through innerHTML, which Trusted Types refuse, so there useJsonLd adds it instead. */}
      {typeof document === 'undefined' ? <script type="application/ld+json">{json}</script> : <JsonLd json={json} />}
    </>
  );
}

/** The JSON-LD in <head> while the article is shown, its text made by the Trusted Types policy. */
function JsonLd({ json }: { json: string }) {
  useEffect(() => {
    // A prerendered page carries the build's copy in <head> (build/prerender.ts moves it there,
    // out of the markup React hydrates): this one replaces it.
    for (const old of document.head.querySelectorAll('script[type="application/ld+json"][data-prerendered]'))
      old.remove();
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.textContent = trustedJsonScript(json);
    document.head.append(script);
    return () => script.remove();
  }, [json]);
  return null;
}
