import { Link } from 'react-router';
import { useArticles } from '../api/get-articles.ts';
import { articlePath } from '../model/paths.ts';
import { TimeStamp } from './time-stamp.tsx';
import { useConfig } from '../../../lib/config-context.ts';
import { contentLanguage, uiLanguage, useT } from '../../../lib/i18n.ts';
import { FeedErrorView } from './feed-error.tsx';

/** The latest N stories, excluding the one being read. Shown on every page. */
export function RecentNews({ excludeId }: { excludeId?: string }) {
  const t = useT();
  const { recentNewsCount } = useConfig();
  const state = useArticles();
  const items = state.articles.filter((a) => a.id !== excludeId).slice(0, recentNewsCount);
  const failure = state.failures[0];
  return (
    <section aria-labelledby="recent-news-heading" className="rounded border-t-4 border-accent bg-wash p-4">
      <h2 id="recent-news-heading" className="font-serif text-xl font-bold">
        {t('recentNews')}
      </h2>
      {state.isPending && items.length === 0 ? (
        <ul className="mt-2" aria-hidden="true">
          {Array.from({ length: recentNewsCount }, (_, i) => (
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
              <Link to={articlePath(a)} className="block py-3 font-semibold leading-snug hover:text-accent hover:underline">
                {a.headline}
              </Link>
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
