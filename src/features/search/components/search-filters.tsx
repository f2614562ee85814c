import { memo, useId, useMemo } from 'react';
import { useT, type MessageKey } from '../../../lib/i18n.ts';
import { DATE_PRESETS, type SearchState } from '../api/search-params.ts';
import type { Facets } from '../engine/types.ts';

const PRESET_LABEL: Record<(typeof DATE_PRESETS)[number], MessageKey> = {
  day: 'pastDay',
  week: 'pastWeek',
  month: 'pastMonth',
  year: 'pastYear',
};

interface FiltersProps {
  state: SearchState;
  facets: Facets;
  categoryNames: Map<string, string>;
  onChange: (next: Partial<SearchState>) => void;
}

/** Facets with result counts; each choice is a URL change. */
export const SearchFilters = memo(function SearchFilters({ state, facets, categoryNames, onChange }: FiltersProps) {
  const t = useT();
  const id = useId();
  const languageName = useMemo(() => {
    try {
      return new Intl.DisplayNames([t.locale], { type: 'language' });
    } catch {
      return undefined;
    }
  }, [t.locale]);
  const topTags = Object.entries(facets.tag)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10);
  const selectClass = 'min-h-11 w-full rounded border border-muted bg-paper px-2 text-sm';
  const labelClass = 'block text-xs font-bold tracking-wide text-muted uppercase';
  return (
    <section aria-label={t('filters')} className="mt-4 rounded bg-wash p-3">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <div>
          <label htmlFor={`${id}-cat`} className={labelClass}>
            {t('category')}
          </label>
          <select
            id={`${id}-cat`}
            className={selectClass}
            value={state.category ?? ''}
            onChange={(e) => onChange({ category: e.target.value || undefined })}
          >
            <option value="">{t('anyCategory')}</option>
            {Object.entries(facets.category)
              .sort((a, b) => b[1] - a[1])
              .map(([slug, n]) => (
                <option key={slug} value={slug}>
                  {`${categoryNames.get(slug) ?? slug} (${n})`}
                </option>
              ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-lang`} className={labelClass}>
            {t('language')}
          </label>
          <select
            id={`${id}-lang`}
            className={selectClass}
            value={state.lang ?? ''}
            onChange={(e) => onChange({ lang: e.target.value || undefined })}
          >
            <option value="">{t('anyLanguage')}</option>
            {Object.entries(facets.language).map(([lang, n]) => (
              <option key={lang} value={lang}>
                {`${languageName?.of(lang) ?? lang} (${n})`}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-date`} className={labelClass}>
            {t('dateRange')}
          </label>
          <select
            id={`${id}-date`}
            className={selectClass}
            value={state.range ?? (state.from || state.to ? 'custom' : '')}
            onChange={(e) => {
              const v = e.target.value;
              if (v === 'custom')
                onChange({
                  range: undefined,
                  from: state.from ?? new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
                });
              else onChange({ range: DATE_PRESETS.find((p) => p === v), from: undefined, to: undefined });
            }}
          >
            <option value="">{t('anyTime')}</option>
            {DATE_PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(PRESET_LABEL[p])}
              </option>
            ))}
            <option value="custom">{t('customRange')}</option>
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-sort`} className={labelClass}>
            {t('sortBy')}
          </label>
          <select
            id={`${id}-sort`}
            className={selectClass}
            value={state.sort}
            onChange={(e) => onChange({ sort: e.target.value === 'newest' ? 'newest' : 'relevance' })}
          >
            <option value="relevance">{t('sortRelevance')}</option>
            <option value="newest">{t('sortNewest')}</option>
          </select>
        </div>
      </div>
      {!state.range && (state.from || state.to) ? (
        <div className="mt-3 flex flex-wrap gap-3">
          <label className="text-sm">
            <span className={labelClass}>{t('fromDate')}</span>
            <input
              type="date"
              className={selectClass}
              value={state.from ?? ''}
              onChange={(e) => onChange({ from: e.target.value || undefined })}
            />
          </label>
          <label className="text-sm">
            <span className={labelClass}>{t('toDate')}</span>
            <input
              type="date"
              className={selectClass}
              value={state.to ?? ''}
              onChange={(e) => onChange({ to: e.target.value || undefined })}
            />
          </label>
        </div>
      ) : null}
      {topTags.length ? (
        <ul className="-mx-3 mt-3 flex gap-2 overflow-x-auto px-3 pb-1 sm:flex-wrap" aria-label={t('tags')}>
          {topTags.map(([tag, n]) => {
            const active = state.tag?.toLowerCase() === tag.toLowerCase();
            return (
              <li key={tag}>
                <button
                  type="button"
                  aria-pressed={active}
                  onClick={() => onChange({ tag: active ? undefined : tag })}
                  className={`inline-flex min-h-11 items-center rounded-full border px-3 text-sm whitespace-nowrap ${active ? 'border-accent bg-accent text-on-accent' : 'border-line bg-paper hover:border-accent'}`}
                >
                  {tag} <span className={`ms-1 ${active ? 'text-on-accent' : 'text-muted'}`}>({n})</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
});
