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
