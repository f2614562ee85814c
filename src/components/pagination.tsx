import { memo } from 'react';
import { Link } from 'react-router';
import { useT } from '../lib/i18n.ts';

interface PaginationProps {
  page: number;
  totalPages: number;
  /** Builds the link for a page number (keeps the route's other query parameters). */
  hrefFor: (page: number) => string;
}

/** Newer / older links with the page in the URL, so every page can be shared and reloaded. */
export const Pagination = memo(function Pagination({ page, totalPages, hrefFor }: PaginationProps) {
  const t = useT();
  if (totalPages <= 1) return null;
  const linkClass =
    'inline-flex min-h-11 min-w-11 items-center justify-center rounded border border-line px-4 font-semibold text-accent hover:bg-wash';
  return (
    <nav aria-label={t('pagination')} className="mt-6 flex items-center justify-between gap-2">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev" className={linkClass}>
          <span aria-hidden="true">←&nbsp;</span>
          {t('previousPage')}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-muted" aria-current="page">
        {t('pageOf', { page, total: totalPages })}
      </span>
      {page < totalPages ? (
        <Link to={hrefFor(page + 1)} rel="next" className={linkClass}>
          {t('nextPage')}
          <span aria-hidden="true">&nbsp;→</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
});
