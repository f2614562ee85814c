import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router';

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
 * Scroll restoration for declarative routing (the data router's <ScrollRestoration> costs 16 KB
 * more): remember each history entry's scroll position; on back/forward restore it, on a new
 * navigation start at the top; a replaced entry (the URL following the search box) keeps its place. Restoring waits (up to 2 s) until the page is tall enough, which
 * covers lists that render a frame later. Positions survive a reload (sessionStorage).
 */
export function useScrollRestoration(): void {
  const location = useLocation();
  const navigationType = useNavigationType();
  const positions = useRef<Map<string, number>>(null);
  const keyRef = useRef(location.key);

  useEffect(() => {
    positions.current ??= load();
    const map = positions.current;
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
    // Browsers fire scroll at most once a frame; recording synchronously keeps the key right.
    const onScroll = () => map.set(keyRef.current, window.scrollY);
    const persist = () => {
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
  }, []);

  useLayoutEffect(() => {
    positions.current ??= load();
    keyRef.current = location.key;
    // A replaced entry is the same page refining itself (the search box updating `?q=`):
    // the reader stays where they are.
    if (navigationType === 'REPLACE') return;
    if (navigationType === 'PUSH') {
      if (!location.hash) window.scrollTo(0, 0);
      return;
    }
    const target = positions.current.get(location.key) ?? 0;
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
  }, [location.key, location.hash, navigationType]);
}
