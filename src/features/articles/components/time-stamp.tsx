import { formatDate, formatDateTime, formatRelative } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n.ts';
import { useHydrating } from '../../../lib/use-hydrated.ts';

interface TimeStampProps {
  iso: string | undefined;
  /** relative: "3 hours ago" (lists); date: "27 November 2026"; datetime: with the time (article page). */
  style?: 'relative' | 'date' | 'datetime';
  className?: string;
}

/** A `<time datetime>` in the UI locale; renders nothing for a missing or unparseable date. */
export function TimeStamp({ iso, style = 'relative', className }: TimeStampProps) {
  const t = useT();
  if (useHydrating()) {
    // The build wrote the date in its own time zone and with its own Intl data, which need not
    // be the reader's (Chromium has no Lao dates; Node does): keep its text until hydration ends.
    return iso && formatDate(iso, t.dates) ? (
      <time dateTime={iso} className={className} suppressHydrationWarning>
        {''}
      </time>
    ) : null;
  }
  // Prerendered HTML lives on after the build: "3 hours ago" would be wrong by tomorrow there.
  const relative = style === 'relative' && typeof window !== 'undefined';
  const text = relative
    ? formatRelative(iso, t.dates)
    : style === 'datetime'
      ? formatDateTime(iso, t.dates)
      : formatDate(iso, t.dates);
  if (!text || !iso) return null;
  return (
    <time
      dateTime={iso}
      className={className}
      title={style === 'relative' ? formatDateTime(iso, t.dates) : undefined}
    >
      {text}
    </time>
  );
}
