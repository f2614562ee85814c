import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { readSearchState, toSearchOptions, writeSearchState, type SearchState } from '../api/search-params.ts';
import type { SearchFormHandle } from './search-form.tsx';
import { useSettledUrl } from './use-settled-url.ts';

/**
 * The search page's state: the URL's (`/search?q=…&category=…`), with the query being typed laid
 * over it. While the reader types, the query runs from here and the URL follows once typing
 * settles (useSettledUrl): a URL change re-renders every link and the page frame, which at every
 * keystroke cost more than the search itself on a slow phone. The draft holds only while the URL
 * is the one it was typed on (back/forward or a tag link replace it).
 */
export function useSearchPageState(pageSize: number) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const search = params.toString();
  const urlState = useMemo(() => readSearchState(new URLSearchParams(search)), [search]);
  const [draft, setDraft] = useState<{ q: string; on: string } | null>(null);
  const typing = draft && draft.on === search ? draft.q : null;
  const state = useMemo(() => (typing !== null ? { ...urlState, q: typing } : urlState), [urlState, typing]);
  const options = useMemo(() => toSearchOptions(state, pageSize), [state, pageSize]);

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
  const settleUrl = useSettledUrl(typing, urlState.q, go, form);
  const onType = useCallback((q: string) => startTransition(() => setDraft({ q, on: search })), [search]);
  const onSubmit = useCallback(
    (q: string) => {
      settleUrl.cancel();
      go({ q });
    },
    [go, settleUrl],
  );
  /** The URL of this search with `next` changed (a link, not a navigation). */
  const hrefWith = useCallback((next: Partial<SearchState>) => `/search?${writeSearchState({ ...state, ...next })}`, [state]);
  return { urlState, state, options, go, form, onType, onSubmit, hrefWith };
}
