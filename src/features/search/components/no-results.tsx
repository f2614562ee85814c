import { useT } from '../../../lib/i18n.ts';

/** Nothing matched: says so, and offers to clear the filters when some are set. */
export function NoResults({ query, onClearFilters }: { query: string; onClearFilters: (() => void) | undefined }) {
  const t = useT();
  return (
    <div className="mt-2 rounded bg-wash p-6">
      <p className="font-semibold">{t('noResults', { query })}</p>
      <p className="mt-2 text-muted">{t('noResultsHint')}</p>
      {onClearFilters ? (
        <button
          type="button"
          onClick={onClearFilters}
          className="mt-3 inline-flex min-h-11 items-center rounded border border-line bg-paper px-4 font-semibold text-accent"
        >
          {t('clearFilters')}
        </button>
      ) : null}
    </div>
  );
}
