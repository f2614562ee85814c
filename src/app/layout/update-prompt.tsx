import { useSyncExternalStore } from 'react';
import { useT } from '../../lib/i18n.ts';
import { applyUpdate, dismissUpdate, isUpdateWaiting, subscribeToUpdate } from '../pwa/service-worker.ts';

/** "New version available: Reload", when a new deployment's service worker is waiting. */
export function UpdatePrompt() {
  const t = useT();
  const waiting = useSyncExternalStore(subscribeToUpdate, isUpdateWaiting, () => false);
  return (
    <div
      role="status"
      aria-live="polite"
      className="fixed inset-x-3 bottom-3 z-40 flex justify-center print:hidden"
    >
      {waiting ? (
        <div className="flex max-w-md flex-wrap items-center gap-3 rounded-lg border border-line bg-paper p-3 text-ink shadow-lg">
          <p className="font-semibold">{t('updateAvailable')}</p>
          <button
            type="button"
            onClick={() => void applyUpdate()}
            className="inline-flex min-h-11 items-center rounded bg-accent px-4 font-semibold text-on-accent hover:bg-accent-strong"
          >
            {t('reload')}
          </button>
          <button
            type="button"
            onClick={dismissUpdate}
            className="inline-flex min-h-11 items-center rounded px-3 font-semibold text-accent hover:bg-wash"
          >
            {t('later')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
