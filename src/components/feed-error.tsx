import { isFeedError } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { errorReason } from '../lib/error-reason.ts';
import { RetryButton } from './retry-button.tsx';

interface FeedErrorViewProps {
  error: Error;
  onRetry: () => void;
  /** Shown as the heading; defaults to "The news could not be loaded". */
  title?: string;
  /** The feed's name, so the reader (and the operator) know which source failed. */
  sourceName?: string;
  compact?: boolean;
  /** A retry is running: the button says so and ignores further presses. */
  busy?: boolean;
}

/** What went wrong, which feed, and a Retry button. */
export function FeedErrorView({ error, onRetry, title, sourceName, compact, busy }: FeedErrorViewProps) {
  const t = useT();
  const reason = errorReason(t, error);
  return (
    <div role="alert" className={`rounded border border-kicker/40 bg-alert-wash ${compact ? 'p-3' : 'p-5'}`}>
      <p className={`font-bold ${compact ? '' : 'text-lg'}`}>{title ?? t('feedError')}</p>
      <p className="mt-1">{reason}</p>
      {isFeedError(error) ? (
        <p className="mt-1 text-sm break-all text-muted">
          {sourceName ? `${sourceName}: ` : ''}
          {error.message} ({error.url})
        </p>
      ) : null}
      <RetryButton
        onRetry={onRetry}
        busy={busy}
        className="mt-3 inline-flex min-h-11 items-center rounded bg-accent px-5 font-semibold text-on-accent hover:bg-accent-strong aria-disabled:opacity-80"
      />
    </div>
  );
}
