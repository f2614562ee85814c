import { useId, type ReactNode } from 'react';
import type { ArticleSummary } from '../../../types/article.ts';
import { useArticles } from '../api/get-articles.ts';
import { TimeStamp } from './time-stamp.tsx';
import { contentLanguage, uiLanguage, useT } from '../../../lib/i18n.ts';
import { FeedErrorView } from '../../../components/feed-error.tsx';

const RECENT_LINK_CLASS = 'block py-3 font-semibold leading-snug hover:text-accent hover:underline';

interface RecentNewsListProps {
  count: number;
  excludeId?: string | undefined;
  /** Renders the link to an article: a router link in the reader, a plain link to the host's pages in `<news-recent>`. */
  renderLink: (article: ArticleSummary, className: string) => ReactNode;
}

/**
 * The latest N stories with their loading and error states, without any router: the reader's
 * Recent News column and the stand-alone `<news-recent>` element share it.
 */
export function RecentNewsList({ count, excludeId, renderLink }: RecentNewsListProps) {
  const t = useT();
  const headingId = useId();
  const state = useArticles();
  const items = state.articles.filter((a) => a.id !== excludeId).slice(0, count);
  const failure = state.failures[0];
  return (
    <section aria-labelledby={headingId} className="rounded border-t-4 border-accent bg-wash p-4">
      <h2 id={headingId} className="font-serif text-xl font-bold">
        {t('recentNews')}
      </h2>
      {state.isPending && items.length === 0 ? (
        <ul className="mt-2" aria-hidden="true">
          {Array.from({ length: count }, (_, i) => (
            <li key={i} className="border-b border-line py-3 last:border-0">
              <div className="skeleton h-4 w-full" />
              <div className="skeleton mt-1.5 h-4 w-2/3" />
              <div className="skeleton mt-2 h-3 w-20" />
            </li>
          ))}
        </ul>
      ) : items.length === 0 && failure ? (
        <div className="mt-3">
          <FeedErrorView compact error={failure.error} sourceName={failure.source.name} onRetry={state.retry} />
        </div>
      ) : (
        <ol className="mt-2">
          {items.map((a) => (
            <li key={a.id} className="border-b border-line last:border-0" {...contentLanguage(a.language, t)}>
              {renderLink(a, RECENT_LINK_CLASS)}
              <p className="-mt-2 pb-3 text-sm text-muted">
                <span {...uiLanguage(a.language, t)}>
                  <TimeStamp iso={a.datePublished} />
                </span>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
