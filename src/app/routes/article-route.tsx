import { useMemo } from 'react';
import { Navigate, useLocation, useParams } from 'react-router';
import { useConfig } from '../../lib/config-context.ts';
import { useT } from '../../lib/i18n.ts';
import { useArticles } from '../../features/articles/api/get-articles.ts';
import { useArticle, ArticleNotFoundError } from '../../features/articles/api/get-article.ts';
import { ArticleView } from '../../features/articles/components/article-view.tsx';
import { ArticleCard } from '../../features/articles/components/article-card.tsx';
import { FeedErrorView } from '../../features/articles/components/feed-error.tsx';
import { articlePath } from '../../features/articles/model/paths.ts';
import { NotFoundRoute } from './not-found-route.tsx';

const RELATED_COUNT = 4;

/**
 * `/articles/:id/:slug`. Renders at once from the list's summary (headline, picture, byline)
 * while the full article (sanitized body) loads; a wrong or missing slug redirects to the
 * canonical one.
 */
export function ArticleRoute() {
  const { id = '', slug } = useParams();
  const config = useConfig();
  const t = useT();
  const location = useLocation();
  const state = useArticles();
  const detail = useArticle(id);
  const summary = useMemo(() => detail.data ?? state.articles.find((a) => a.id === id), [detail.data, state.articles, id]);
  const related = useMemo(
    () =>
      summary?.category
        ? state.articles.filter((a) => a.id !== summary.id && a.category?.slug === summary.category?.slug).slice(0, RELATED_COUNT)
        : [],
    [state.articles, summary],
  );

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

  const shareUrl = new URL(location.pathname, window.location.origin).href;
  return (
    <>
      <title>{`${summary.headline} · ${config.siteName}`}</title>
      {summary.standfirst ? <meta name="description" content={summary.standfirst} /> : null}
      <link rel="canonical" href={summary.url ?? shareUrl} />
      <ArticleView
        summary={summary}
        article={detail.data}
        shareUrl={shareUrl}
        footer={
          related.length && summary.category ? (
            <section aria-labelledby="related-heading" className="pt-4">
              <h2 id="related-heading" className="font-serif text-xl font-bold">
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
      {detail.error && !detail.data ? (
        <div className="mt-4">
          <FeedErrorView compact error={detail.error} onRetry={() => void detail.refetch()} busy={detail.isFetching} />
        </div>
      ) : null}
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
