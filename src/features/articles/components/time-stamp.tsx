import { formatDate, formatDateTime, formatRelative } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n.ts';

interface TimeStampProps {
  iso: string | undefined;
  /** relative: "3 hours ago" (lists); date: "27 November 2026"; datetime: with the time (article page). */
  style?: 'relative' | 'date' | 'datetime';
  className?: string;
}

/** A `<time datetime>` in the UI locale; renders nothing for a missing or unparseable date. */
export function TimeStamp({ iso, style = 'relative', className }: TimeStampProps) {
  const t = useT();
  const text =
    style === 'relative'
      ? formatRelative(iso, t.locale)
      : style === 'date'
        ? formatDate(iso, t.locale)
        : formatDateTime(iso, t.locale);
  if (!text || !iso) return null;
  return (
    <time
      dateTime={iso}
      className={className}
      title={style === 'relative' ? formatDateTime(iso, t.locale) : undefined}
    >
      {text}
    </time>
  );
}
