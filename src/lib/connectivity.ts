/**
 * Whether the reader is, in effect, offline. `navigator.onLine` only knows whether the device has
 * a network interface: on a captive portal, a dead mobile link or a site that is down it still
 * says true while every request fails. The service worker knows better: when it answers a data
 * request from its saved copy because the network failed (or took longer than it waits), it marks
 * the response with {@link SAVED_COPY_HEADER} (vite.config.ts). The last data response decides:
 * a saved copy means "offline, showing saved articles" until a response comes from the network.
 */
export const SAVED_COPY_HEADER = 'x-news-saved-copy';

let savedCopy = false;
const listeners = new Set<() => void>();

/** Record where a data response came from: `fetchJson` calls this for every answer. */
export function noteResponse(response: Pick<Response, 'headers'>): void {
  const fromSavedCopy = response.headers.has(SAVED_COPY_HEADER);
  if (fromSavedCopy === savedCopy) return;
  savedCopy = fromSavedCopy;
  for (const listener of listeners) listener();
}

/** Listen for changes of {@link servedFromSavedCopy}. */
export function subscribeSavedCopy(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

/** Whether the last data response was the service worker's saved copy. */
export function servedFromSavedCopy(): boolean {
  return savedCopy;
}
