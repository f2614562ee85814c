import { Link, NavLink } from 'react-router';
import { lazy, memo, Suspense, useMemo, useRef, useState } from 'react';
import { useConfig } from '../../lib/config-context.ts';
import { useT } from '../../lib/i18n.ts';
import { useArticles } from '../../features/articles/api/get-articles.ts';
import { categoryPath } from '../../features/articles/model/paths.ts';
import { LanguageSwitcher } from './language-switcher.tsx';
import { DisplaySettings } from './display-settings.tsx';
import { retryableImport } from '../../lib/retryable-import.ts';
import { SearchIcon } from '../../components/icons.tsx';

// The overlay (and the search engine behind it) loads when the reader first reaches for it.
const importSearchDialog = retryableImport(() => import('./search-dialog.tsx'));
const SearchDialog = lazy(() => importSearchDialog().then((m) => ({ default: m.SearchDialog })));

const navLinkClass =
  'inline-flex min-h-11 items-center px-3 text-sm font-semibold whitespace-nowrap text-white/90 hover:text-white hover:underline aria-[current=page]:text-white aria-[current=page]:underline aria-[current=page]:decoration-2 aria-[current=page]:underline-offset-8';

/**
 * Masthead (logo, site name, Search button) and the sections bar. Memoized: the shell re-renders
 * at every URL change (a search's URL follows the typing); the header's own links follow the URL
 * through the router's context.
 */
export const SiteHeader = memo(function SiteHeader() {
  const config = useConfig();
  const t = useT();
  const [searchOpen, setSearchOpen] = useState(false);
  const searchButton = useRef<HTMLButtonElement>(null);
  const { articles } = useArticles();
  const categories = useMemo(() => {
    const counts = new Map<string, { name: string; slug: string; n: number }>();
    for (const a of articles) {
      if (!a.category) continue;
      const c = counts.get(a.category.slug) ?? { ...a.category, n: 0 };
      c.n++;
      counts.set(a.category.slug, c);
    }
    return [...counts.values()].sort((a, b) => b.n - a.n).slice(0, 8);
  }, [articles]);

  return (
    <header className="bg-masthead text-white print:hidden">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-2">
        <Link to="/" className="flex min-h-11 min-w-0 items-center gap-3 rounded font-serif text-lg font-bold sm:text-2xl">
          {config.logo ? (
            <img src={config.logo.url} alt="" width={config.logo.width} height={config.logo.height} className="h-9 w-auto shrink-0" />
          ) : null}
          <span className="line-clamp-2 leading-tight sm:line-clamp-1">{config.siteName}</span>
        </Link>
        <div className="flex shrink-0 items-center gap-2">
          <LanguageSwitcher />
          <DisplaySettings />
          <button
          ref={searchButton}
          type="button"
          onClick={() => setSearchOpen(true)}
          onPointerEnter={() => void importSearchDialog()}
          onFocus={() => void importSearchDialog()}
          aria-haspopup="dialog"
          className="inline-flex min-h-11 min-w-11 shrink-0 items-center justify-center gap-2 rounded border border-white/40 px-3 font-semibold hover:bg-white/10"
        >
          <SearchIcon />
          <span className="sr-only sm:not-sr-only">{t('search')}</span>
          </button>
        </div>
      </div>
      <nav aria-label={t('menu')} className="border-t border-white/15 bg-masthead-deep">
        <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-2 [scrollbar-width:none]">
          <li>
            <NavLink
              to="/"
              end
              className={navLinkClass}
            >
              {t('home')}
            </NavLink>
          </li>
          {categories.map((c) => (
            <li key={c.slug}>
              <NavLink
                to={categoryPath(c)}
                className={navLinkClass}
              >
                {c.name}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {searchOpen ? (
        <Suspense fallback={null}>
          <SearchDialog
            open={searchOpen}
            onClose={() => {
              setSearchOpen(false);
              searchButton.current?.focus();
            }}
          />
        </Suspense>
      ) : null}
    </header>
  );
});
