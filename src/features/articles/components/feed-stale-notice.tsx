import { formatClockTime } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n.ts';
import { errorReason } from '../../../lib/error-reason.ts';
import { RetryButton } from '../../../components/retry-button.tsx';
import type { SourceFailure } from '../api/get-articles.ts';

interface FeedStaleNoticeProps {
  failure: SourceFailure;
  onRetry: () => void;
  /** A retry is running. */
  busy?: boolean;
}

/**
 * A refresh failed but the articles loaded before are still on screen: a quiet status line, not
 * an alarm (the reader lost nothing), saying what failed, how old the list is, with Retry.
 */
export function FeedStaleNotice({ failure, onRetry, busy }: FeedStaleNoticeProps) {
  const t = useT();
  const { error, source, updatedAt } = failure;
  return (
    <div role="status" className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2 rounded bg-wash px-4 py-2 text-sm text-muted">
      <p className="min-w-0 flex-1">
        {t('feedStale', { source: source.name, time: updatedAt ? formatClockTime(updatedAt, t.locale) : '' })} {errorReason(t, error)}
      </p>
      <RetryButton
        onRetry={onRetry}
        busy={busy}
        className="inline-flex min-h-11 items-center rounded border border-accent px-4 font-semibold text-accent hover:bg-white aria-disabled:opacity-70"
      />
    </div>
  );
}
