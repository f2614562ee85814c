import { memo, startTransition, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useConfig } from '../../lib/config-context.ts';
import { formatDate } from '../../lib/format.ts';
import { useT, type MessageKey } from '../../lib/i18n.ts';
import { useArticles } from '../../features/articles/api/get-articles.ts';
import { ArticleCard } from '../../features/articles/components/article-card.tsx';
import { ArticleListSkeleton } from '../../features/articles/components/article-list-skeleton.tsx';
import { FeedErrorView } from '../../features/articles/components/feed-error.tsx';
import { Pagination } from '../../features/articles/components/pagination.tsx';
import { useSearchResults } from '../../features/search/api/search-queries.ts';
import { HighlightedText } from '../../features/search/components/highlighted-text.tsx';
import { SearchForm, type SearchFormHandle } from '../../features/search/components/search-form.tsx';
import type { SearchHit, SearchResult } from '../../features/search/engine/types.ts';
import { highlight, makeSnippet } from '../../features/search/engine/highlight.ts';
import { tokenize } from '../../features/search/engine/tokenize.ts';
import { searchesOnServer, useSourceSearch } from '../../features/search/api/search-source.ts';
import { SourceFilter } from '../../features/articles/components/source-filter.tsx';
import type { SourcePage } from '../../sources/source-adapter.ts';
import type { ArticleSummary } from '../../types/article.ts';
import {
  DATE_PRESETS,
  readSearchState,
  toSearchOptions,
  writeSearchState,
  type SearchState,
} from '../../features/search/api/search-params.ts';
import { DocumentMeta } from '../layout/document-meta.tsx';
import { useReaderRoot } from '../../lib/root-context.ts';
import { useProgressiveList } from '../../lib/use-progressive-list.ts';

const PRESET_LABEL: Record<(typeof DATE_PRESETS)[number], MessageKey> = {
  day: 'pastDay',
  week: 'pastWeek',
  month: 'pastMonth',
  year: 'pastYear',
};

/**
 * `/search?q=…&category=…&tag=…&lang=…&range=week|from=…&to=…&sort=newest&page=2`.
 * Results, facets with counts, highlighted headlines and snippets; all state in the URL.
 */
export function SearchRoute() {
  const config = useConfig();
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const search = params.toString();
  const urlState = useMemo(() => readSearchState(new URLSearchParams(search)), [search]);
  // While the reader types, the query runs from here and the URL follows once typing settles:
  // a URL change re-renders every link and the page frame, which at every keystroke cost more
  // than the search itself on a slow phone. The draft holds only while the URL is the one it
  // was typed on (back/forward or a tag link replace it).
  const [draft, setDraft] = useState<{ q: string; on: string } | null>(null);
  const state = useMemo(
    () => (draft && draft.on === search ? { ...urlState, q: draft.q } : urlState),
    [urlState, draft, search],
  );
  const articles = useArticles();
  const options = useMemo(() => toSearchOptions(state, config.pageSize), [state, config.pageSize]);
  // `?source=` narrows to one source. A source that searches on the server (WordPress, an archive)
  // is searched there, over its whole archive, instead of over the articles loaded here.
  const chosen = config.sources.find((s) => s.id === state.source);
  const serverSource = searchesOnServer(chosen)
    ? chosen
    : config.sources.length === 1 && searchesOnServer(config.sources[0])
      ? config.sources[0]
      : undefined;
  const localArticles = useMemo(
    () => (chosen ? articles.articles.filter((a) => a.sourceId === chosen.id) : articles.articles),
    [articles.articles, chosen],
  );
  const localResults = useSearchResults(
    localArticles,
    chosen ? `${articles.version}:${chosen.id}` : articles.version,
    state.q,
    options,
    !serverSource,
  );
  const server = useSourceSearch(
    serverSource,
    state.q,
    state.page,
    config.pageSize,
    useMemo(() => tokenize(state.q).join(' '), [state.q]),
    config.requestTimeoutMs,
    state.older + 1,
  );
  const serverResult = useMemo(() => (server.data ? toSearchResult(server.data, state.q) : undefined), [server.data, state.q]);
  const results = serverSource
    ? { ...server, data: serverResult, isPending: server.isPending && server.isFetching }
    : localResults;
  const byId = useMemo(
    () => new Map([...articles.articles, ...(server.data?.articles ?? [])].map((a) => [a.id, a])),
    [articles.articles, server.data],
  );
  const categoryNames = useMemo(() => {
    const m = new Map<string, string>();
    for (const a of articles.articles) if (a.category) m.set(a.category.slug, a.category.name);
    return m;
  }, [articles.articles]);

  // Stable, so the memoized parts of the page (filters, form) do not render again at every
  // keystroke just because the query in `state` changed; it reads the latest state when called.
  const latestState = useRef(state);
  useEffect(() => {
    latestState.current = state;
  });
  const go = useCallback(
    (next: Partial<SearchState>, replace = false) => {
      const merged = { ...latestState.current, page: 1, ...next };
      void navigate({ pathname: '/search', search: writeSearchState(merged) }, { replace });
    },
    [navigate],
  );
  const form = useRef<SearchFormHandle>(null);
  const settleUrl = useSettledUrl(draft && draft.on === search ? draft.q : null, urlState.q, go, form);
  const onType = useCallback(
    (q: string) => startTransition(() => setDraft({ q, on: search })),
    [search],
  );
  const onSubmit = useCallback(
    (q: string) => {
      settleUrl.cancel();
      go({ q });
    },
    [go, settleUrl],
  );

  const pageHref = useCallback((page: number) => `/search?${writeSearchState({ ...state, page })}`, [state]);

  const title = state.q ? t('searchResultsFor', { query: state.q }) : t('searchResults');
  // Query results arrive through useSyncExternalStore, whose renders cannot be interrupted.
  // Rendering the result list from a deferred copy moves that work into a transition that React
  // time-slices, so typing never waits for a list of cards to render.
  const data = useDeferredValue(results.data);
  const stale = results.isPlaceholderData || data !== results.data;
  const hasFilters = Boolean(
    state.category || state.tag || state.lang || state.range || state.from || state.to,
  );
  const searching = Boolean(state.q.trim()) || hasFilters;
  const totalPages = data ? Math.ceil(data.total / config.pageSize) : 0;

  return (
    <>
      <DocumentMeta>
        <title>{`${title} · ${config.siteName}`}</title>
        <meta name="robots" content="noindex" />
      </DocumentMeta>
      <h1 tabIndex={-1} className="font-serif text-2xl font-bold focus:outline-none md:text-3xl">
        {title}
      </h1>
      <SearchForm initial={urlState.q} onType={onType} onSubmit={onSubmit} ref={form} />
      {config.sources.length > 1 ? (
        <div className="mt-4">
          <SourceFilter current={chosen?.id} hrefFor={(id) => `/search?${writeSearchState({ ...state, page: 1, source: id })}`} />
        </div>
      ) : null}
      {serverSource && searching ? (
        <SearchScopeLine
          source={serverSource.name}
          scope={server.data?.scope}
          known={Boolean(server.data)}
          olderHref={`/search?${writeSearchState({ ...state, page: 1, older: state.older + 1 })}`}
        />
      ) : null}

      {searching && data && !serverSource ? (
        // The URL's state: the filters are always in it, and a query being typed is not theirs.
        <Filters state={urlState} facets={data.facets} categoryNames={categoryNames} onChange={go} />
      ) : null}

      <p role="status" aria-live="polite" aria-atomic="true" className="mt-4 min-h-6 text-sm text-muted">
        {!searching
          ? t('searchHint')
          : data
            ? t.plural('results', data.total)
            : articles.isPending || results.isPending
              ? t('indexing')
              : ''}
      </p>

      {articles.failures[0] && articles.articles.length === 0 ? (
        <FeedErrorView
          error={articles.failures[0].error}
          sourceName={articles.failures[0].source.name}
          onRetry={articles.retry}
        />
      ) : results.error ? (
        <FeedErrorView error={results.error} onRetry={() => void results.refetch()} />
      ) : !searching ? null : !data ? (
        <ArticleListSkeleton label={t('indexing')} rows={4} />
      ) : data.total === 0 ? (
        <div className="mt-2 rounded bg-wash p-6">
          <p className="font-semibold">{t('noResults', { query: state.q })}</p>
          <p className="mt-2 text-muted">{t('noResultsHint')}</p>
          {hasFilters ? (
            <button
              type="button"
              onClick={() =>
                go({
                  category: undefined,
                  tag: undefined,
                  lang: undefined,
                  range: undefined,
                  from: undefined,
                  to: undefined,
                })
              }
              className="mt-3 inline-flex min-h-11 items-center rounded border border-line bg-paper px-4 font-semibold text-accent"
            >
              {t('clearFilters')}
            </button>
          ) : null}
        </div>
      ) : (
        // Dimmed while the next query's results are on their way. The dimming is on a wrapper,
        // outside the memoized list: its props stay the same in the urgent render that marks
        // the results stale, so the cards are not rendered again just to be dimmed.
        <div className={`will-change-[opacity] ${stale ? 'opacity-60' : ''}`}>
          <ResultList hits={data.hits} byId={byId} />
        </div>
      )}
      {data ? (
        <Pagination page={state.page} totalPages={totalPages} hrefFor={pageHref} />
      ) : null}
    </>
  );
}

/**
 * What a server search covered. An archive searched in parts says how far back it looked and
 * offers the next older part: each costs its index metadata (about 70 KB per 10,000 articles),
 * so the reader chooses to go further rather than every search downloading the whole index.
 */
function SearchScopeLine({ source, scope, known, olderHref }: { source: string; scope: SourcePage['scope']; known: boolean; olderHref: string }) {
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

/**
 * A page of server results in the engine's result shape. The server chose and ranked them; the
 * highlighting is ours, on the main thread (a page is a few cards).
 */
function toSearchResult(page: SourcePage, query: string): SearchResult {
  return {
    total: page.total ?? page.articles.length,
    hits: page.articles.map((a) => {
      const snippet = makeSnippet(a.bodyText, query) || a.standfirst;
      return {
        id: a.id,
        score: 0,
        terms: [],
        headline: highlight(a.headline, query),
        snippet: snippet ? highlight(snippet, query) : undefined,
      };
    }),
    facets: { category: {}, tag: {}, language: {} },
    tookMs: 0,
  };
}

/** The cards of one result page; memoized so only a new result set renders it. */
const hitKey = (hit: SearchHit) => hit.id;

/** The result cards, revealed a few per frame when a keystroke replaces them (useProgressiveList). */
const ResultList = memo(function ResultList({ hits, byId }: { hits: SearchHit[]; byId: Map<string, ArticleSummary> }) {
  const { shown, fresh } = useProgressiveList(hits, hitKey);
  return (
    <ol className="list-none">
      {shown.map((hit, i) => {
        const article = byId.get(hit.id);
        if (!article) return null;
        return (
          <li key={hit.id} className={i >= fresh ? 'opacity-60' : undefined}>
            <ArticleCard
              article={article}
              priority={i === 0}
              headline={hit.headline ? <HighlightedText segments={hit.headline} /> : undefined}
              summary={hit.snippet ? <HighlightedText segments={hit.snippet} /> : undefined}
            />
          </li>
        );
      })}
    </ol>
  );
});

interface FiltersProps {
  state: SearchState;
  facets: { category: Record<string, number>; tag: Record<string, number>; language: Record<string, number> };
  categoryNames: Map<string, string>;
  onChange: (next: Partial<SearchState>) => void;
}

/** Facets with result counts; each choice is a URL change. */
const Filters = memo(function Filters({ state, facets, categoryNames, onChange }: FiltersProps) {
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

/** How long typing must pause before the URL takes the query (history, reload, sharing). */
const URL_SETTLE_MS = 700;

/**
 * Writes a typed query into the URL (replacing the entry) once typing pauses, and at once before
 * anything else can happen to the page: a click anywhere (a result, a section link: the search's
 * history entry must hold the query when the reader comes back), including what was typed in
 * the last instant (SearchFormHandle.takeUnsent), or the page being hidden (a reload keeps the query).
 */
function useSettledUrl(
  pending: string | null,
  inUrl: string,
  go: (next: Partial<SearchState>, replace?: boolean) => void,
  form: RefObject<SearchFormHandle | null>,
) {
  const { node } = useReaderRoot();
  const latest = useRef({ pending, inUrl, go });
  useEffect(() => {
    latest.current = { pending, inUrl, go };
  });
  const timer = useRef(0);
  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    const { pending: typed, inUrl, go: write } = latest.current;
    const q = form.current?.takeUnsent() ?? typed;
    if (q !== null && q !== inUrl) write({ q }, true);
  }, [form]);
  useEffect(() => {
    node.addEventListener('click', flush, true);
    window.addEventListener('pagehide', flush);
    return () => {
      node.removeEventListener('click', flush, true);
      window.removeEventListener('pagehide', flush);
    };
  }, [node, flush]);
  useEffect(() => {
    if (pending === null) return;
    timer.current = window.setTimeout(flush, URL_SETTLE_MS);
    return () => window.clearTimeout(timer.current);
  }, [pending, flush]);
  return useMemo(() => ({ cancel: () => window.clearTimeout(timer.current) }), []);
}
