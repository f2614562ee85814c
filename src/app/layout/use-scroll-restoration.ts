import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router';
import { useReaderRoot } from '../../lib/root-context.ts';

const STORAGE_KEY = 'news-reader:scroll';
const MAX_ENTRIES = 100;

function load(): Map<string, number> {
  try {
    return new Map(JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]') as [string, number][]);
  } catch {
    return new Map();
  }
}

/**
 * Scroll restoration for declarative routing (the data router's <ScrollRestoration> would bring
 * the whole data router): remember each history entry's scroll position; on back/forward restore it, on a new
 * navigation start at the top; a replaced entry (the URL following the search box) keeps its place. Restoring waits (up to 2 s) until the page is tall enough, which
 * covers lists that render a frame later. Positions survive a reload (sessionStorage).
 *
 * Embedded in another page, the page's scroll is the host's: a new page only brings the reader's
 * top into view when it is above the viewport, back/forward restores only positions this reader
 * recorded, and neither `history.scrollRestoration` nor sessionStorage is touched.
 */
export function useScrollRestoration(): void {
  const { embedded, node } = useReaderRoot();
  const location = useLocation();
  const navigationType = useNavigationType();
  const positions = useRef<Map<string, number>>(null);
  const keyRef = useRef(location.key);
  const firstRender = useRef(true);

  useEffect(() => {
    positions.current ??= load();
    const map = positions.current;
    if (!embedded && 'scrollRestoration' in history) history.scrollRestoration = 'manual';
    // Browsers fire scroll at most once a frame; recording synchronously keeps the key right.
    const onScroll = () => map.set(keyRef.current, window.scrollY);
    const persist = () => {
      if (embedded) return;
      const entries = [...map.entries()].slice(-MAX_ENTRIES);
      try {
        sessionStorage.setItem(STORAGE_KEY, JSON.stringify(entries));
      } catch {
        /* storage full or disabled: restoration still works within this page load */
      }
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', persist);
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', persist);
      persist();
    };
  }, [embedded]);

  useLayoutEffect(() => {
    positions.current ??= load();
    keyRef.current = location.key;
    // A replaced entry is the same page refining itself (the search box updating `?q=`):
    // the reader stays where they are.
    if (navigationType === 'REPLACE') return;
    if (embedded) {
      const host = node instanceof ShadowRoot ? node.host : null;
      const top = host?.getBoundingClientRect().top ?? 0;
      if (navigationType !== 'POP') {
        if (top < 0) window.scrollTo(0, window.scrollY + top);
        return;
      }
      // The first render is a POP too: never move the host page unless this reader was there before.
      if (!positions.current.has(location.key)) return;
    } else if (navigationType === 'PUSH') {
      if (!location.hash) window.scrollTo(0, 0);
      return;
    }
    const saved = positions.current.get(location.key);
    const asLoaded = firstRender.current;
    firstRender.current = false;
    // The page as loaded, with nowhere to return to: the browser already shows its top. Reading
    // scrollHeight here would force style and layout of the whole new page inside React's commit.
    if (saved === undefined && asLoaded) return;
    const target = saved ?? 0;
    const started = performance.now();
    let frame = 0;
    const attempt = () => {
      const reachable = document.documentElement.scrollHeight - window.innerHeight >= target;
      if (reachable || performance.now() - started > 2000) {
        window.scrollTo(0, target);
        return;
      }
      frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [location.key, location.hash, navigationType, embedded, node]);
}
