import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False while React renders on the server and while it hydrates prerendered HTML (both read the
 * server snapshot); true in every other render. What only the browser knows (the reader's time
 * zone, the clock, saved preferences) is drawn when this is true, so hydration meets the HTML the
 * build wrote; React re-renders the components that read it once hydration is done.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/**
 * True only while the browser hydrates prerendered HTML: not on the server (which writes the
 * build's text) and not in a client render. A component whose text the browser may word
 * differently from the build (dates, addresses) renders a placeholder then, under
 * `suppressHydrationWarning`: the build's text stays on screen, and React writes the browser's
 * own right after hydration, as the placeholder differs from any real text.
 */
export function useHydrating(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => false,
    () => typeof window !== 'undefined',
  );
}
