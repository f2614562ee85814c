import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { SourceConfig } from '../../../types/config.ts';
import { useSourcePages } from '../api/get-source-pages.ts';
import { ArticleCard, REVEAL_ARTICLE_EVENT } from './article-card.tsx';
import { ArticleListSkeleton } from '../../../components/article-list-skeleton.tsx';
import { FeedErrorView } from '../../../components/feed-error.tsx';
import { useT } from '../../../lib/i18n.ts';
import { useHydrated } from '../../../lib/use-hydrated.ts';
import { Link } from 'react-router';
import { useReaderRoot } from '../../../lib/root-context.ts';

/** Rendered rows beyond the screen, above and below: enough for a fling on a phone. */
const OVERSCAN = 6;
/** A standard card is about this tall; rows are measured once rendered. */
const ESTIMATED_ROW_PX = 150;

/**
 * A server-paged source's stories as one endless list: the first page comes with the front page,
 * the next is fetched as the reader nears the end, and only the rows near the screen are in the
 * DOM (virtualized against the window scroll), so memory stays flat after thousands of stories.
 */
export function ArticleFeed({ source, timeoutMs }: { source: SourceConfig; timeoutMs: number }) {
  const t = useT();
  const hydrated = useHydrated();
  const query = useSourcePages(source, timeoutMs);
  // A story published while the reader scrolls shifts the server's pages: drop the repeats.
  const articles = useMemo(() => {
    const seen = new Set<string>();
    return (query.data?.pages.flatMap((p) => p.articles) ?? []).filter(
      (a) => !seen.has(a.id) && Boolean(seen.add(a.id)),
    );
  }, [query.data]);
  const total = query.data?.pages[0]?.total;
  const listRef = useRef<HTMLOListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const hasArticles = articles.length > 0;
  useLayoutEffect(() => {
    // Measured when the list appears (or empties): later pages do not move its top.
    setScrollMargin(listRef.current?.offsetTop ?? 0);
  }, [hasArticles, hydrated]);

  const virtualizer = useWindowVirtualizer({
    count: articles.length,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN,
    scrollMargin,
    // An element not laid out yet (or a DOM without layout) measures 0: keep the estimate then,
    // or every row would seem to fit on screen and every page would be fetched.
    measureElement: (el) => el.getBoundingClientRect().height || ESTIMATED_ROW_PX,
  });
  // Back to this list: scroll restoration looks for the card the reader left, which is in the DOM
  // only once the list has scrolled near it. A layout effect, so the listener is there before the
  // restoration's first look in the same commit.
  const { node } = useReaderRoot();
  useLayoutEffect(() => {
    const reveal = (event: Event) => {
      const index = articles.findIndex((a) => a.id === (event as CustomEvent<unknown>).detail);
      if (index < 0) return;
      event.preventDefault();
      virtualizer.scrollToIndex(index, { align: 'start' });
    };
    node.addEventListener(REVEAL_ARTICLE_EVENT, reveal);
    return () => node.removeEventListener(REVEAL_ARTICLE_EVENT, reveal);
  }, [node, articles, virtualizer]);
  const rows = virtualizer.getVirtualItems();
  // The last row on screen (not counting overscan): the next page loads a few rows before the end.
  const lastIndex = virtualizer.range?.endIndex ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= articles.length - 4) void fetchNextPage();
  }, [lastIndex, articles.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (query.isPending) return <ArticleListSkeleton label={t('loading')} rows={6} />;
  if (query.error && articles.length === 0) {
    return (
      <FeedErrorView error={query.error} sourceName={source.name} onRetry={() => void query.refetch()} />
    );
  }
  // Rendered on the server, and while the browser adopts that HTML, the list is the first server
  // page in the page's flow with a real link to the next page: readable without JavaScript, and
  // free of inline styles (the CSP refuses style attributes in HTML). Once hydrated, the same rows
  // become the window of the endless list, padded above and below to the height of the rows not
  // in the DOM: the rows the server drew are kept, not drawn again, so taking over costs no long
  // task and does not repaint the largest element (decision 069).
  const firstPage = hydrated ? [] : articles.slice(0, source.perPage ?? articles.length);
  const shown = hydrated ? rows.map((row) => row.index) : firstPage.map((_, index) => index);
  const first = rows[0];
  const last = rows.at(-1);
  const padding =
    hydrated && first && last
      ? {
          paddingTop: first.start - virtualizer.options.scrollMargin,
          paddingBottom: virtualizer.getTotalSize() - (last.end - virtualizer.options.scrollMargin),
        }
      : undefined;
  return (
    <>
      {total !== undefined ? (
        <p className="mb-2 text-sm text-muted">{t.plural('storyCount', total)}</p>
      ) : null}
      {/* No scroll anchoring inside: the padding already keeps the rows where they were. */}
      <ol
        ref={listRef}
        className="list-none [overflow-anchor:none]"
        style={padding}
        aria-busy={hydrated ? isFetchingNextPage : undefined}
      >
        {shown.map((index) => {
          const article = articles[index];
          if (!article) return null;
          return (
            <li
              key={article.id}
              data-index={hydrated ? index : undefined}
              ref={hydrated ? virtualizer.measureElement : undefined}
            >
              <ArticleCard
                article={article}
                variant={index === 0 ? 'lead' : 'standard'}
                priority={index === 0}
              />
            </li>
          );
        })}
      </ol>
      {!hydrated && (hasNextPage || firstPage.length < articles.length) ? (
        <nav aria-label={t('pagination')} className="mt-6 flex justify-end">
          <Link
            to="/?page=2"
            rel="next"
            className="inline-flex min-h-11 items-center rounded border border-line px-4 font-semibold text-accent hover:bg-wash"
          >
            {t('nextPage')}
            <span aria-hidden="true">&nbsp;→</span>
          </Link>
        </nav>
      ) : null}
      {isFetchingNextPage ? <ArticleListSkeleton label={t('loading')} rows={2} /> : null}
      {query.error && articles.length > 0 ? (
        <FeedErrorView
          compact
          title={t('feedErrorPartial')}
          error={query.error}
          sourceName={source.name}
          onRetry={() => void fetchNextPage()}
        />
      ) : null}
    </>
  );
}
