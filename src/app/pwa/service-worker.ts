import { trustedScriptUrl } from '../../lib/trusted-types.ts';

/*
 * The service worker's life as the page sees it: registration (workbox-window, loaded after the
 * first render so it costs the first screen nothing; used directly rather than through
 * vite-plugin-pwa's `virtual:pwa-register`, which registers a plain string URL that Trusted Types
 * refuses: ours goes through the `news-reader` policy), and "a new version is waiting" as a tiny store the update prompt subscribes to.
 * registerType is 'prompt': a new deployment never takes over a page on its own, so the reader
 * never runs a mix of old and new files.
 */
type UpdateSW = (reloadPage?: boolean) => Promise<void>;

let waiting = false;
let updateSW: UpdateSW | undefined;
const listeners = new Set<() => void>();

function setWaiting(value: boolean) {
  waiting = value;
  for (const l of listeners) l();
}

/** For useSyncExternalStore: whether a new version is installed and waiting for the reader's OK. */
export function subscribeToUpdate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export function isUpdateWaiting(): boolean {
  return waiting;
}

/** Activate the waiting version and reload the page into it. */
export async function applyUpdate(): Promise<void> {
  // workbox-window reloads by itself only for updates it found; one found by the hourly
  // registration.update() counts as "external" there. Reload when the new worker takes over.
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
  await updateSW?.(true);
}

/** Hide the prompt until the next update check finds (or re-finds) a waiting version. */
export function dismissUpdate(): void {
  setWaiting(false);
}

const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Register the service worker. `onFirstControl` runs when a first-ever service worker takes
 * control of this page (nothing the page fetched before went through it, so nothing is cached yet).
 */
export async function startServiceWorker(onFirstControl: () => void): Promise<void> {
  if (import.meta.env.DEV || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  if (!navigator.serviceWorker.controller) {
    navigator.serviceWorker.addEventListener('controllerchange', onFirstControl, { once: true });
  }
  try {
    const { Workbox } = await import('workbox-window');
    const base = import.meta.env.BASE_URL;
    const wb = new Workbox(trustedScriptUrl(new URL(`${base}sw.js`, location.origin).href), { scope: base });
    // A new version installed and waiting (found at load or by an update check): ask the reader.
    wb.addEventListener('waiting', () => setWaiting(true));
    updateSW = async () => wb.messageSkipWaiting();
    const registration = await wb.register({ immediate: true });
    // Readers keep a news tab open for days: look for a new deployment every hour.
    if (registration) setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
  } catch (error) {
    console.warn('[news] no service worker', error);
  }
}
