import { memo } from 'react';
import { Link } from 'react-router';
import { useConfig } from '../../lib/config-context.ts';
import { useT } from '../../lib/i18n.ts';

export const SiteFooter = memo(function SiteFooter() {
  const config = useConfig();
  const t = useT();
  return (
    <footer className="mt-12 border-t-4 border-masthead bg-wash print:hidden">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-muted sm:flex-row sm:items-center sm:justify-between">
        <p>{config.attribution || config.siteName}</p>
        <p>
          <Link to="/" className="inline-flex min-h-11 items-center font-semibold text-accent hover:underline">
            {config.siteName}
          </Link>
          <span className="ms-2">· {t('poweredBy')}</span>
        </p>
      </div>
    </footer>
  );
});
