import type { SearchOptions } from '../engine/types.ts';

export const DATE_PRESETS = ['day', 'week', 'month', 'year'] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];
const PRESET_DAYS: Record<DatePreset, number> = { day: 1, week: 7, month: 31, year: 366 };

export interface SearchState {
  q: string;
  category?: string;
  tag?: string;
  lang?: string;
  /** A rolling window ("past week"); wins over from/to. */
  range?: DatePreset;
  from?: string;
  to?: string;
  sort: 'relevance' | 'newest';
  page: number;
  /** One configured source's id (`?source=`), or all sources. */
  source?: string;
  /** An archive searched in parts: how many older parts to search beside the newest (`?older=`). */
  older: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Everything about a search lives in the URL, so back/forward, reload and sharing keep it. */
export function readSearchState(params: URLSearchParams): SearchState {
  const range = params.get('range');
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const page = Number(params.get('page'));
  const older = Number(params.get('older'));
  return {
    q: params.get('q') ?? '',
    category: params.get('category') || undefined,
    tag: params.get('tag') || undefined,
    lang: params.get('lang') || undefined,
    range: DATE_PRESETS.find((p) => p === range),
    from: from && ISO_DATE.test(from) ? from : undefined,
    to: to && ISO_DATE.test(to) ? to : undefined,
    sort: params.get('sort') === 'newest' ? 'newest' : 'relevance',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    source: params.get('source') || undefined,
    older: Number.isInteger(older) && older > 0 ? Math.min(older, 1000) : 0,
  };
}

/** The URL search string for a state; defaults are left out so URLs stay short. */
export function writeSearchState(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.category) p.set('category', s.category);
  if (s.tag) p.set('tag', s.tag);
  if (s.lang) p.set('lang', s.lang);
  if (s.range) p.set('range', s.range);
  else {
    if (s.from) p.set('from', s.from);
    if (s.to) p.set('to', s.to);
  }
  if (s.sort === 'newest') p.set('sort', 'newest');
  if (s.page > 1) p.set('page', String(s.page));
  if (s.source) p.set('source', s.source);
  if (s.older > 0) p.set('older', String(s.older));
  return p.toString();
}

/** Engine options for a state. A preset becomes a `from` date relative to now. */
export function toSearchOptions(s: SearchState, pageSize: number, now = Date.now()): SearchOptions {
  // Rounded to the hour: the options are part of the query key, which must not change every render.
  const hour = Math.floor(now / 3_600_000) * 3_600_000;
  const from = s.range ? new Date(hour - PRESET_DAYS[s.range] * 86_400_000).toISOString() : s.from;
  return {
    sort: s.sort,
    category: s.category,
    tag: s.tag,
    language: s.lang,
    from,
    to: s.range ? undefined : s.to,
    limit: pageSize,
    offset: (s.page - 1) * pageSize,
    highlight: true,
  };
}
