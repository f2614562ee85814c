import { memo } from 'react';
import { Link } from 'react-router';
import { articlePath } from '../model/paths.ts';
import { useConfig } from '../../../lib/config-context.ts';
import { RecentNewsList } from './recent-news-list.tsx';

/** The latest N stories, excluding the one being read. Shown on every page. */
export const RecentNews = memo(function RecentNews({ excludeId }: { excludeId?: string | undefined }) {
  const { recentNewsCount } = useConfig();
  return (
    <RecentNewsList
      count={recentNewsCount}
      excludeId={excludeId}
      renderLink={(a, className) => (
        <Link to={articlePath(a)} className={className}>
          {a.headline}
        </Link>
      )}
    />
  );
});
