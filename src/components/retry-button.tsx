import { useT } from '../lib/i18n.ts';

interface RetryButtonProps {
  onRetry: () => void;
  /** A retry is running: the button says so and ignores presses (it stays focusable). */
  busy?: boolean;
  className: string;
}

/** "Retry", or "Retrying…" while it runs. */
export function RetryButton({ onRetry, busy, className }: RetryButtonProps) {
  const t = useT();
  return (
    <button type="button" onClick={busy ? undefined : onRetry} aria-disabled={busy || undefined} className={className}>
      {busy ? t('retrying') : t('retry')}
    </button>
  );
}
