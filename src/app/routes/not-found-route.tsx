import { Link } from 'react-router';
import { useConfig } from '../../lib/config-context.ts';
import { useT } from '../../lib/i18n.ts';
import { DocumentMeta } from '../../components/document-meta.tsx';

/** A real "not found" page for unknown URLs, article ids and sections, with a way home. */
export function NotFoundRoute({ kind = 'page' }: { kind?: 'page' | 'article' }) {
  const t = useT();
  const config = useConfig();
  const heading = kind === 'article' ? t('articleNotFound') : t('notFound');
  return (
    <>
      <DocumentMeta>
        <title>{`${heading} · ${config.siteName}`}</title>
        <meta name="robots" content="noindex" />
      </DocumentMeta>
      <div className="rounded bg-wash p-6 md:p-10">
        <p className="font-serif text-5xl font-bold text-muted" aria-hidden="true">
          404
        </p>
        <h1 tabIndex={-1} className="mt-2 font-serif text-3xl font-bold focus:outline-none">
          {heading}
        </h1>
        <p className="mt-3 max-w-prose text-muted">{kind === 'article' ? t('articleNotFoundText') : t('notFoundText')}</p>
        <Link to="/" className="mt-6 inline-flex min-h-11 items-center rounded bg-accent px-5 font-semibold text-on-accent hover:bg-accent-strong">
          {t('goHome')}
        </Link>
      </div>
    </>
  );
}
