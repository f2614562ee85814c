import { useState } from 'react';
import { useT } from '../../../lib/i18n.ts';
import { ShareIcon } from '../../../components/icons.tsx';

/** Web Share where the device has it (phones), copy-link elsewhere, with a spoken confirmation. */
export function ShareButton({ title, url }: { title: string; url: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  const onClick = async () => {
    if (canShare) {
      try {
        await navigator.share({ title, url });
        return;
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return; // the reader closed the sheet
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 3000);
    } catch {
      window.prompt(t('copyLink'), url);
    }
  };
  return (
    <span className="inline-flex items-center gap-3 print:hidden">
      <button
        type="button"
        onClick={() => void onClick()}
        className="inline-flex min-h-11 items-center gap-2 rounded border border-line px-4 font-semibold text-accent hover:bg-wash"
      >
        <ShareIcon />
        {canShare ? t('share') : t('copyLink')}
      </button>
      <span role="status" className="text-sm text-muted">
        {copied ? t('linkCopied') : ''}
      </span>
    </span>
  );
}
