import { useSyncExternalStore } from 'react';
import { servedFromSavedCopy, subscribeSavedCopy } from './connectivity.ts';

function subscribe(onChange: () => void) {
  const unsubscribe = subscribeSavedCopy(onChange);
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    unsubscribe();
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/**
 * Whether the reader is online: the browser says so (navigator.onLine) and the last data did not
 * come from the service worker's saved copy (src/lib/connectivity.ts). Updated live.
 */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine && !servedFromSavedCopy(), () => true);
}
