import type { ArticleSummary } from '../../../types/article.ts';
import type { ArticlesState } from '../api/get-articles.ts';
import { ArticleCard } from './article-card.tsx';
import { ArticleListSkeleton } from '../../../components/article-list-skeleton.tsx';
import { FeedErrorView } from '../../../components/feed-error.tsx';
import { FeedStaleNotice } from './feed-stale-notice.tsx';
import { errorReason } from '../../../lib/error-reason.ts';
import { Pagination } from '../../../components/pagination.tsx';
import { useT } from '../../../lib/i18n.ts';

interface ArticleListProps {
  /** The articles to page through (already filtered, newest first). */
  articles: ArticleSummary[];
  state: Pick<ArticlesState, 'isPending' | 'failures' | 'retry' | 'results'> & Partial<Pick<ArticlesState, 'isFetching' | 'retrying'>>;
  page: number;
  pageSize: number;
  hrefForPage: (page: number) => string;
  emptyText: string;
  /** Show the first story of page 1 as the lead. */
  withLead?: boolean;
}

/** A paged list of stories with its loading, error, partial-failure and empty states. */
export function ArticleList({
  articles,
  state,
  page,
  pageSize,
  hrefForPage,
  emptyText,
  withLead,
}: ArticleListProps) {
  const t = useT();
  if (state.isPending && articles.length === 0) {
    return (
      <>
        {state.retrying ? (
          <p role="status" className="mb-2 text-sm text-muted">
            {t('stillTrying', { attempt: state.retrying.attempt })} {state.retrying.source.name}: {errorReason(t, state.retrying.error)}
          </p>
        ) : null}
        <ArticleListSkeleton label={t('loading')} rows={Math.min(pageSize, 6)} />
      </>
    );
  }

  // A source whose refresh failed still shows what it had: a quiet notice, not an error.
  const stale = state.failures.find((f) => f.stale);
  const firstFailure = state.failures.find((f) => !f.stale);
  const busy = state.isFetching ?? false;
  if (articles.length === 0 && firstFailure) {
    return <FeedErrorView error={firstFailure.error} sourceName={firstFailure.source.name} onRetry={state.retry} busy={busy} />;
  }

  const totalPages = Math.max(1, Math.ceil(articles.length / pageSize));
  const current = Math.min(Math.max(1, page), totalPages);
  const shown = articles.slice((current - 1) * pageSize, current * pageSize);
  const skipped = state.results.reduce((n, r) => n + r.skipped, 0);
  const partial = state.results.find((r) => r.partialError)?.partialError;

  return (
    <>
      {firstFailure ? (
        <div className="mb-4">
          <FeedErrorView compact title={t('feedErrorPartial')} error={firstFailure.error} sourceName={firstFailure.source.name} onRetry={state.retry} busy={busy} />
        </div>
      ) : stale ? (
        <FeedStaleNotice failure={stale} onRetry={state.retry} busy={busy} />
      ) : null}
      {partial && !firstFailure ? (
        <div className="mb-4">
          <FeedErrorView compact title={t('feedErrorPartial')} error={partial} onRetry={state.retry} />
        </div>
      ) : null}
      {shown.length === 0 ? (
        <p className="rounded bg-wash p-6 text-muted">{emptyText}</p>
      ) : (
        <ol className="list-none">
          {shown.map((article, i) => (
            <li key={article.id}>
              <ArticleCard
                article={article}
                variant={withLead && current === 1 && i === 0 ? 'lead' : 'standard'}
                priority={i === 0}
              />
            </li>
          ))}
        </ol>
      )}
      <Pagination page={current} totalPages={totalPages} hrefFor={hrefForPage} />
      {skipped > 0 ? <p className="mt-4 text-sm text-muted">{t.plural('skippedItems', skipped)}</p> : null}
    </>
  );
}
