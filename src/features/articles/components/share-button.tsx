import { useState } from 'react';
import { useT } from '../../../lib/i18n.ts';

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
        <svg
          aria-hidden="true"
          width="18"
          height="18"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M4 12v7a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-7M16 6l-4-4-4 4M12 2v13" />
        </svg>
        {canShare ? t('share') : t('copyLink')}
      </button>
      <span role="status" className="text-sm text-muted">
        {copied ? t('linkCopied') : ''}
      </span>
    </span>
  );
}
