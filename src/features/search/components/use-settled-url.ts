import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import { useReaderRoot } from '../../../lib/root-context.ts';
import type { SearchState } from '../api/search-params.ts';
import type { SearchFormHandle } from './search-form.tsx';

/** How long typing must pause before the URL takes the query (history, reload, sharing). */
const URL_SETTLE_MS = 700;

/**
 * Writes a typed query into the URL (replacing the entry) once typing pauses, and at once before
 * anything else can happen to the page: a click anywhere (a result, a section link: the search's
 * history entry must hold the query when the reader comes back), including what was typed in
 * the last instant (SearchFormHandle.takeUnsent), or the page being hidden (a reload keeps the query).
 */
export function useSettledUrl(
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
