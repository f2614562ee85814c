import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useT } from '../../../lib/i18n.ts';

/** Results follow the typing after this pause, so a fast typist does not run a query per key. */
export const TYPING_DEBOUNCE_MS = 120;

export interface SearchFormHandle {
  /**
   * Sends what was typed within the last pause at once (through onType) and returns it, or null
   * when nothing waits: for a click that leaves the page before the pause ends.
   */
  takeUnsent(): string | null;
}

/** The query box: results follow the typing (URL replaced), Enter makes a history entry. */
export function SearchForm({
  initial,
  onType,
  onSubmit,
  ref,
}: {
  initial: string;
  onType: (q: string) => void;
  onSubmit: (q: string) => void;
  ref?: Ref<SearchFormHandle>;
}) {
  const t = useT();
  const [value, setValue] = useState(initial);
  const timer = useRef(0);
  // Queries sent to the URL that it has not shown yet, oldest first. On a slow phone the URL
  // lags the typing (navigations render in transitions): when it catches up with "spe" while
  // the box already says "spen", that is our own echo, not a new query to show.
  const inFlight = useRef<string[]>([]);
  const shown = useRef(initial);
  const unsent = useRef<string | null>(null);
  const send = (q: string, to: (q: string) => void) => {
    window.clearTimeout(timer.current);
    unsent.current = null;
    // The URL already says q: it will not change, so no echo will come.
    if (q !== shown.current) inFlight.current.push(q);
    to(q);
  };
  useEffect(() => {
    shown.current = initial;
    const pending = inFlight.current;
    const echo = pending.indexOf(initial);
    if (echo >= 0) {
      pending.splice(0, echo + 1);
      return;
    }
    // The URL changed under us (back/forward, a tag link): show its query.
    pending.length = 0;
    window.clearTimeout(timer.current);
    setValue(initial);
  }, [initial]);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useImperativeHandle(ref, () => ({
    takeUnsent() {
      if (unsent.current === null) return null;
      const q = unsent.current.trim();
      send(q, onType);
      return q;
    },
  }));
  return (
    <form
      role="search"
      className="mt-4 flex gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        send(value.trim(), onSubmit);
      }}
    >
      <input
        type="search"
        name="q"
        value={value}
        aria-label={t('searchArticles')}
        placeholder={t('searchPlaceholder')}
        enterKeyHint="search"
        autoComplete="off"
        onChange={(e) => {
          const q = e.target.value;
          setValue(q);
          unsent.current = q;
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => send(q.trim(), onType), TYPING_DEBOUNCE_MS);
        }}
        className="min-h-11 min-w-0 flex-1 rounded border border-muted px-3 text-base"
      />
      <button
        type="submit"
        className="inline-flex min-h-11 items-center rounded bg-accent px-5 font-semibold text-on-accent hover:bg-accent-strong"
      >
        {t('searchButton')}
      </button>
    </form>
  );
}
