import { Suspense, useEffect } from 'react';
import { Outlet, useLocation, useMatch, useNavigate } from 'react-router';
import { SiteHeader } from './site-header.tsx';
import { SiteFooter } from './site-footer.tsx';
import { ErrorBoundary } from './error-boundary.tsx';
import { useScrollRestoration } from './use-scroll-restoration.ts';
import { useRouteFocus } from './use-route-focus.ts';
import { useLinkPrefetch } from './use-link-prefetch.ts';
import { useOnline } from '../../lib/use-online.ts';
import { RecentNews } from '../../features/articles/components/recent-news.tsx';
import { ArticleListSkeleton } from '../../components/article-list-skeleton.tsx';
import { useT } from '../../lib/i18n.ts';
import { mainIdOf, useReaderRoot } from '../../lib/root-context.ts';
import { isChunkLoadError } from '../../lib/errors.ts';
import { preloadLikelyRoutes, retryFailedRoutes } from '../lazy-routes.ts';

/** The page frame of every route: header, main column, Recent News, footer. */
export function Shell() {
  const t = useT();
  const location = useLocation();
  const articleMatch = useMatch('/articles/:id/*');
  const online = useOnline();
  const root = useReaderRoot();
  const navigate = useNavigate();
  const mainId = mainIdOf(root);
  // Embedded in a host page, the reader is one region of it: no second <main>, and a skip link
  // that moves focus itself (a #fragment would change the host's URL and cannot see into a shadow root).
  const Main = root.embedded ? 'div' : 'main';
  const announcement = useRouteFocus();
  useScrollRestoration();
  useLinkPrefetch();
  useEffect(preloadLikelyRoutes, []);

  return (
    <>
      <a
        href={`#${mainId}`}
        onClick={
          root.embedded
            ? (e) => {
                e.preventDefault();
                root.node.getElementById(mainId)?.focus();
              }
            : undefined
        }
        className={`sr-only-focusable ${root.embedded ? 'absolute' : 'fixed'} start-2 top-2 z-50 rounded bg-accent px-4 py-3 font-semibold text-on-accent`}
      >
        {t('skipToContent')}
      </a>
      <SiteHeader />
      {online ? null : (
        <p role="status" className="bg-notice px-4 py-2 text-center text-sm font-semibold text-ink print:hidden">
          {t('offline')}
        </p>
      )}
      <div className="mx-auto grid max-w-6xl gap-8 px-4 pt-6 lg:grid-cols-[minmax(0,1fr)_20rem] print:block print:px-0 print:pt-0">
        <Main id={mainId} tabIndex={-1} className="min-w-0 focus:outline-none">
          {root.routing === 'memory' && location.key !== 'default' ? (
            // Kept in memory, the reader has no browser history of its own: it needs its own Back.
            <button
              type="button"
              onClick={() => void navigate(-1)}
              className="mb-3 inline-flex min-h-11 items-center gap-1 rounded border border-line px-4 font-semibold text-accent hover:bg-wash"
            >
              <span aria-hidden="true">←</span>
              {t('back')}
            </button>
          ) : null}
          <ErrorBoundary
            resetKey={location.pathname + location.search}
            fallback={(error, reset) => (
              <PageCrashed
                error={error}
                onRetry={() => {
                  retryFailedRoutes();
                  reset();
                }}
              />
            )}
          >
            <Suspense fallback={<ArticleListSkeleton label={t('loading')} />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Main>
        <aside aria-label={t('recentNews')} className="min-w-0 print:hidden">
          <div className="lg:sticky lg:top-4">
            <ErrorBoundary resetKey={location.pathname} fallback={() => <p className="rounded bg-wash p-4 text-muted">{t('sectionUnavailable')}</p>}>
              <RecentNews excludeId={articleMatch?.params.id} />
            </ErrorBoundary>
          </div>
        </aside>
      </div>
      {root.chrome === 'full' ? <SiteFooter /> : null}
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </>
  );
}

function PageCrashed({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const t = useT();
  return (
    <div role="alert" className="rounded border border-line p-6">
      <h1 className="font-serif text-2xl font-bold">{t('somethingWrong')}</h1>
      {isChunkLoadError(error) ? <p className="mt-2">{t('pageDownloadFailed')}</p> : null}
      <button type="button" onClick={onRetry} className="mt-4 inline-flex min-h-11 items-center rounded bg-accent px-5 font-semibold text-on-accent">
        {t('retry')}
      </button>
    </div>
  );
}
