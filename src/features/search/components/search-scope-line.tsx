import { Link } from 'react-router';
import { formatDate } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n.ts';
import type { SearchScope } from '../../../sources/source-adapter.ts';

/**
 * What a server search covered. An archive searched in parts says how far back it looked and
 * offers the next older part: each costs its index metadata, so the reader chooses to go further
 * rather than every search downloading the whole index.
 */
export function SearchScopeLine({
  source,
  scope,
  known,
  olderHref,
}: {
  source: string;
  scope: SearchScope | undefined;
  known: boolean;
  olderHref: string;
}) {
  const t = useT();
  // Until the first answer it is not known how much of the source a search covers.
  if (!known) return <p className="mt-2 min-h-5 text-sm" />;
  if (!scope || scope.articles >= scope.total) {
    return <p className="mt-2 text-sm text-muted">{t('searchingSource', { source })}</p>;
  }
  const date = formatDate(scope.oldest, t.dates);
  const olderDate = formatDate(scope.older?.oldest, t.dates);
  return (
    <p className="mt-2 text-sm text-muted">
      {date
        ? t('searchScope', { searched: scope.articles, total: scope.total, source, date })
        : t('searchScopeNoDate', { searched: scope.articles, total: scope.total, source })}{' '}
      {scope.older ? (
        <Link to={olderHref} className="inline-flex min-h-11 items-center font-semibold text-accent underline">
          {olderDate
            ? t('searchOlder', { count: scope.older.articles, date: olderDate })
            : t('searchOlderNoDate', { count: scope.older.articles })}
        </Link>
      ) : null}
    </p>
  );
}
