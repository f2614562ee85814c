import { isFeedError } from '../../../lib/errors.ts';
import { useT, type MessageKey } from '../../../lib/i18n.ts';

interface FeedErrorViewProps {
  error: Error;
  onRetry: () => void;
  /** Shown as the heading; defaults to "The news could not be loaded". */
  title?: string;
  /** The feed's name, so the reader (and the operator) know which source failed. */
  sourceName?: string;
  compact?: boolean;
}

/** What went wrong, which feed, and a Retry button. */
export function FeedErrorView({ error, onRetry, title, sourceName, compact }: FeedErrorViewProps) {
  const t = useT();
  const reason = isFeedError(error)
    ? t(`error.${error.kind}` as MessageKey, { status: error.status ?? '' })
    : t('error.unknown');
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
      <button
        type="button"
        onClick={onRetry}
        className="mt-3 inline-flex min-h-11 items-center rounded bg-accent px-5 font-semibold text-on-accent hover:bg-accent-strong"
      >
        {t('retry')}
      </button>
    </div>
  );
}
