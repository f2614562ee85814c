import { useEffect, useEffectEvent, useRef } from 'react';
import { matchPath, useLocation, useNavigate, useNavigationType, type NavigateFunction } from 'react-router';
import { useArticles } from '../features/articles/api/get-articles.ts';
import { MSG_ARTICLE_OPEN, MSG_NAVIGATE, type ArticleOpenDetail, type NavigateDetail } from './messages.ts';

/** Sends an event to whoever embeds the reader: a DOM event on the element, or a message to the parent window. */
export type Emit = (type: typeof MSG_NAVIGATE | typeof MSG_ARTICLE_OPEN, detail: NavigateDetail | ArticleOpenDetail) => void;

interface HostBridgeProps {
  emit: Emit;
  /** Receives the router's navigate function, for the host's `navigate(path)`. */
  navigateRef: { current: NavigateFunction | null };
}

/**
 * Inside the reader's router: tells the host where the reader is (`news-reader:navigate`, every
 * page; `news-reader:article-open`, once per visit of an article, when its headline is known)
 * and lends the host the router's navigate function. Renders nothing.
 */
export function HostBridge({ emit, navigateRef }: HostBridgeProps) {
  const location = useLocation();
  const navigationType = useNavigationType();
  const navigate = useNavigate();
  const { articles } = useArticles();
  const lastKey = useRef<string | null>(null);
  const announcedArticle = useRef<string | null>(null);
  const path = location.pathname + location.search + location.hash;

  useEffect(() => {
    navigateRef.current = navigate;
    return () => {
      if (navigateRef.current === navigate) navigateRef.current = null;
    };
  }, [navigate, navigateRef]);

  // Reads the latest path and navigation type without making them reasons to emit: the key alone
  // says a navigation happened (it also makes a repeat visit of the same path count).
  const announceNavigation = useEffectEvent((key: string) => {
    // Once per history entry, even if the effect runs twice (StrictMode, a remount).
    if (lastKey.current === key) return;
    const action = lastKey.current === null ? 'initial' : (navigationType.toLowerCase() as NavigateDetail['action']);
    lastKey.current = key;
    emit(MSG_NAVIGATE, { path, action });
  });
  useEffect(() => announceNavigation(location.key), [location.key]);

  const articleId = matchPath('/articles/:id/*', location.pathname)?.params.id;
  const article = articleId ? articles.find((a) => a.id === articleId) : undefined;
  useEffect(() => {
    if (!article || announcedArticle.current === location.key) return;
    // A wrong slug is about to be replaced by the canonical one: announce the canonical visit.
    if (!location.pathname.endsWith(`/${encodeURIComponent(article.slug)}`)) return;
    announcedArticle.current = location.key;
    emit(MSG_ARTICLE_OPEN, { id: article.id, slug: article.slug, headline: article.headline, url: article.url, path: location.pathname });
  }, [article, location.key, location.pathname, emit]);

  return null;
}
