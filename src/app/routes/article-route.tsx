import { useEffect, useId, useMemo, type ReactNode } from 'react';
import { Navigate, useHref, useLocation, useParams } from 'react-router';
import { useConfig } from '../../lib/config-context.ts';
import { contentLanguage, useT } from '../../lib/i18n.ts';
import { useArticles } from '../../features/articles/api/get-articles.ts';
import { useArticle, ArticleNotFoundError } from '../../features/articles/api/get-article.ts';
import { saveForOffline } from '../../features/articles/api/save-for-offline.ts';
import { ArticleView } from '../../features/articles/components/article-view.tsx';
import { ArticleCard } from '../../features/articles/components/article-card.tsx';
import { ArticleHead } from '../../features/articles/components/article-head.tsx';
import { FeedErrorView } from '../../components/feed-error.tsx';
import { articlePath } from '../../features/articles/model/paths.ts';
import { readingMinutes } from '../../features/articles/model/reading-time.ts';
import { isArticleSaved } from '../../features/articles/model/saved-articles.ts';
import { ogLocale } from '../../features/articles/model/article-meta.ts';
import { countWords } from '../../features/search/engine/tokenize.ts';
import type { ArticleSummary } from '../../types/article.ts';
import { useOnline } from '../../lib/use-online.ts';
import { NotFoundRoute } from './not-found-route.tsx';
import { DocumentMeta } from '../../components/document-meta.tsx';
import { useReaderRoot } from '../../lib/root-context.ts';

const RELATED_COUNT = 4;

/**
 * `/articles/:id/:slug`. Renders at once from the list's summary (headline, picture, byline)
 * while the full article (sanitized body) loads; a wrong or missing slug redirects to the
 * canonical one. Offline, an article the reader never opened says it needs a connection.
 */
export function ArticleRoute() {
  const { id = '', slug } = useParams();
  const config = useConfig();
  const t = useT();
  const location = useLocation();
  const root = useReaderRoot();
  const href = useHref(location.pathname);
  const relatedId = useId();
  const online = useOnline();
  const state = useArticles();
  const detail = useArticle(id);
  const summary = useMemo(
    () => detail.data ?? state.articles.find((a) => a.id === id),
    [detail.data, state.articles, id],
  );
  const related = useMemo(
    () =>
      summary?.category
        ? state.articles
            .filter((a) => a.id !== summary.id && a.category?.slug === summary.category?.slug)
            .slice(0, RELATED_COUNT)
        : [],
    [state.articles, summary],
  );
  // Words counted by the search tokenizer, which segments Lao, Thai and Burmese: splitting on
  // spaces would count a whole Lao paragraph as a handful of words.
  const minutes = useMemo(() => (summary ? readingMinutes(countWords(summary.bodyText)) : 0), [summary]);
  // Decided once per article: opening it (below) saves it, which must not flip this mid-render.
  // isArticleSaved survives storage that is missing (prerender) or blocked (third-party iframes).
  const savedBefore = useMemo(() => isArticleSaved(id), [id]);
  const article = detail.data;
  useEffect(() => {
    if (article) void saveForOffline(article);
  }, [article]);

  if (!summary) {
    if (detail.error instanceof ArticleNotFoundError) return <NotFoundRoute kind="article" />;
    if (detail.error) {
      return (
        <>
          <h1 tabIndex={-1} className="sr-only">
            {t('feedError')}
          </h1>
          <FeedErrorView error={detail.error} onRetry={() => void detail.refetch()} busy={detail.isFetching} />
        </>
      );
    }
    return <ArticleSkeleton label={t('loading')} />;
  }

  if (slug !== summary.slug) return <Navigate to={articlePath(summary) + location.search} replace />;

  // The article's address as the router writes it (base path, or #/… in hash mode); a reader kept
  // in memory has no address of its own on the host page, so it shares the publisher's URL.
  const siteBase = config.siteUrl ?? new URL(import.meta.env.BASE_URL, window.location.origin).href;
  const pageUrl = new URL(articlePath(summary).slice(1), siteBase).href;
  // Prerendering (no window) writes the site's own address.
  const ownUrl = typeof window === 'undefined' ? pageUrl : new URL(href, window.location.href).href;
  const shareUrl = root.routing === 'memory' ? (summary.url ?? ownUrl) : ownUrl;
  const head = (
    <DocumentMeta>
      <ArticleHead
        article={summary}
        context={{
          pageUrl,
          siteName: config.siteName,
          logoUrl: config.logo?.url,
          ogLocale: ogLocale(summary.language ?? t.locale),
        }}
      />
    </DocumentMeta>
  );

  if (!online && !savedBefore) return <NeedsConnection summary={summary} head={head} />;

  return (
    <>
      {head}
      <ArticleView
        summary={summary}
        article={article}
        shareUrl={root.embedded ? shareUrl : pageUrl}
        meta={<span>{t.plural('readingTime', minutes)}</span>}
        footer={
          related.length && summary.category ? (
            <section aria-labelledby={relatedId} className="pt-4 print:hidden">
              <h2 id={relatedId} className="font-serif text-xl font-bold">
                {t('moreIn', { category: summary.category.name })}
              </h2>
              <ul>
                {related.map((a) => (
                  <li key={a.id}>
                    <ArticleCard article={a} headingLevel={3} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null
        }
      />
      {detail.error && !article ? (
        <div className="mt-4">
          <FeedErrorView compact error={detail.error} onRetry={() => void detail.refetch()} busy={detail.isFetching} />
        </div>
      ) : null}
    </>
  );
}

/** Offline, for an article never opened on this device: its headline, and why there is no more. */
function NeedsConnection({ summary, head }: { summary: ArticleSummary; head: ReactNode }) {
  const t = useT();
  return (
    <>
      {head}
      <article {...contentLanguage(summary.language, t)} aria-labelledby="article-headline">
        <h1
          id="article-headline"
          tabIndex={-1}
          className="font-serif text-3xl leading-tight font-bold focus:outline-none md:text-4xl"
        >
          {summary.headline}
        </h1>
        {summary.standfirst ? <p className="mt-3 text-lg text-muted">{summary.standfirst}</p> : null}
      </article>
      <p role="status" className="mt-6 rounded border-s-4 border-accent bg-notice p-4 font-semibold">
        {t('needsConnection')}
      </p>
    </>
  );
}

function ArticleSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-busy="true">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true">
        <div className="skeleton h-4 w-24" />
        <div className="skeleton mt-3 h-9 w-full" />
        <div className="skeleton mt-2 h-9 w-3/4" />
        <div className="skeleton mt-4 h-5 w-full" />
        <div className="skeleton mt-6 aspect-video w-full" />
      </div>
    </div>
  );
}
