/**
 * The messages an iframe-embedded reader (embed.html) and the host script (embed.js) exchange
 * with postMessage. Each carries a `type`; the host acts on them only when they come from the
 * iframe's own window and the iframe's origin, the iframe only posts to its configured parent
 * origin (never '*').
 */
export const MSG_HEIGHT = 'news-reader:height';
/** The reader moved to another page; `detail` as the `news-reader:navigate` DOM event's. */
export const MSG_NAVIGATE = 'news-reader:navigate';
/** An article was opened; `detail` as the `news-reader:article-open` DOM event's. */
export const MSG_ARTICLE_OPEN = 'news-reader:article-open';
/** Host → iframe: embed.js is sizing this frame, so the page may hide its own scrollbar. */
export const MSG_HOST_READY = 'news-reader:host-ready';

/** Detail of the `news-reader:navigate` event. */
export interface NavigateDetail {
  /** The reader's own path, e.g. `/articles/lna-1/rice-harvest`. */
  path: string;
  /** `initial` for the first page, then how the reader got there. */
  action: 'initial' | 'push' | 'replace' | 'pop';
}

/** Detail of the `news-reader:article-open` event. */
export interface ArticleOpenDetail {
  id: string;
  slug: string;
  headline: string;
  /** The article's canonical URL on the publisher's site, when the feed gives one. */
  url?: string | undefined;
  path: string;
}
