import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { contentLanguage, useT } from '../../lib/i18n.ts';
import { useArticles } from '../../features/articles/api/get-articles.ts';
import { articlePath, searchPath } from '../../features/articles/model/paths.ts';
import { useArticleSearch } from '../../features/search/api/use-article-search.ts';
import { HighlightedText } from '../../features/search/components/highlighted-text.tsx';
import { preloadSearchRoute } from '../lazy-routes.ts';

const SUGGESTION_COUNT = 6;
const SUGGEST_OPTIONS = { limit: SUGGESTION_COUNT, highlight: true } as const;

interface SearchDialogProps {
  open: boolean;
  onClose: () => void;
}

/**
 * The header's search overlay: a modal <dialog> (focus moves in, the page behind is inert,
 * Escape closes) holding a WAI-ARIA combobox whose listbox suggests up to six articles as
 * the reader types, plus "See all results".
 */
export function SearchDialog({ open, onClose }: SearchDialogProps) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const { articles, version } = useArticles();
  const q = query.trim();
  // Suggestions come from the articles loaded here, never from a server: they follow every key.
  const results = useArticleSearch({ articles, version, query: q, options: SUGGEST_OPTIONS, enabled: open && q.length > 0 });
  const suggestions = q ? (results.data?.hits ?? []) : [];
  // Options: the suggestions, then "See all results".
  const optionCount = q ? suggestions.length + 1 : 0;

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      input.current?.focus();
      input.current?.select();
      preloadSearchRoute();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  // Close through the element so its `close` event (onClose) runs after the page behind is no
  // longer inert: focus can only go back to the Search button then.
  const close = () => dialog.current?.close();
  const go = (path: string) => {
    close();
    void navigate(path);
  };
  const choose = (index: number) => {
    const s = suggestions[index];
    if (s) go(articlePath(s.article));
    else if (q) go(searchPath(q));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && optionCount) {
      e.preventDefault();
      setActive((i) => (i + 1) % optionCount);
    } else if (e.key === 'ArrowUp' && optionCount) {
      e.preventDefault();
      setActive((i) => (i <= 0 ? optionCount - 1 : i - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (active >= 0) choose(active);
      else if (q) go(searchPath(q));
    }
  };

  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;
  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      className="m-0 h-dvh max-h-none w-full max-w-none bg-transparent p-0 text-ink backdrop:bg-black/50 sm:mx-auto sm:mt-16 sm:h-auto sm:max-w-2xl"
    >
      <div className="min-h-full bg-paper p-4 shadow-xl sm:min-h-0 sm:rounded-lg sm:p-6">
        <div className="flex items-center justify-between gap-2">
          <h2 id={`${id}-title`} className="font-serif text-xl font-bold">
            {t('search')}
          </h2>
          <button
            type="button"
            onClick={close}
            aria-label={t('closeSearch')}
            className="inline-flex min-h-11 min-w-11 items-center justify-center rounded text-2xl leading-none hover:bg-wash"
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
        <form
          role="search"
          className="mt-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (q) go(searchPath(q));
          }}
        >
          <input
            ref={input}
            type="search"
            role="combobox"
            aria-label={t('searchArticles')}
            aria-expanded={optionCount > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={active >= 0 ? optionId(active) : undefined}
            aria-describedby={`${id}-hint`}
            placeholder={t('searchPlaceholder')}
            enterKeyHint="search"
            autoComplete="off"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(-1);
            }}
            onKeyDown={onKeyDown}
            className="min-h-12 w-full rounded border-2 border-accent px-3 text-lg"
          />
          <p id={`${id}-hint`} className="sr-only">
            {t('searchSuggestionsHint')}
          </p>
        </form>
        <ul id={listId} role="listbox" aria-label={t('suggestions')} className="mt-2">
          {suggestions.map((s, i) => (
            // The input owns keyboard interaction (combobox pattern); pointer users click options.
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events
            <li
              key={s.article.id}
              id={optionId(i)}
              role="option"
              aria-selected={active === i}
              onClick={() => choose(i)}
              onPointerMove={() => setActive(i)}
              className={`cursor-pointer rounded px-3 py-2.5 ${active === i ? 'bg-wash outline-2 outline-accent' : ''}`}
              {...contentLanguage(s.article.language, t)}
            >
              <span className="block font-semibold">
                {s.headline ? <HighlightedText segments={s.headline} /> : s.article.headline}
              </span>
              {s.article.category ? <span className="text-sm text-muted">{s.article.category.name}</span> : null}
            </li>
          ))}
          {q ? (
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events
            <li
              id={optionId(suggestions.length)}
              role="option"
              aria-selected={active === suggestions.length}
              onClick={() => choose(suggestions.length)}
              onPointerMove={() => setActive(suggestions.length)}
              className={`flex min-h-11 cursor-pointer items-center rounded px-3 font-semibold text-accent ${active === suggestions.length ? 'bg-wash outline-2 outline-accent' : ''}`}
            >
              {t('seeAllResults', { query: q })}
            </li>
          ) : null}
        </ul>
        {q && results.data && suggestions.length === 0 ? <p className="px-3 text-sm text-muted">{t('noSuggestions')}</p> : null}
      </div>
    </dialog>
  );
}
