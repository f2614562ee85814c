import { createContext, use } from 'react';

/** How the reader keeps its current page: the browser URL, memory, the URL's fragment, or a sub-path. */
export type RoutingMode = 'browser' | 'memory' | 'hash' | 'path';

/**
 * Where the reader lives. The standalone app owns the whole document; an embedded reader lives in
 * a shadow root inside someone else's page and must not touch what belongs to that page (its
 * title, its URL, its scroll, its landmarks, its ids).
 */
export interface ReaderRoot {
  /** The node that holds the reader's DOM: the document, or the shadow root of `<news-reader>`. */
  node: Document | ShadowRoot;
  /** Prefix of the reader's fixed element ids ('' standalone), so ids stay unique on a shared page. */
  idPrefix: string;
  /** Inside another site's page (shadow DOM): no document title/meta, no page landmarks, no window scroll jumps. */
  embedded: boolean;
  routing: RoutingMode;
  /** The router's basename as it appears in link paths ('' at the site root). */
  basename: string;
  /** 'minimal' (the iframe page): no site footer. */
  chrome: 'full' | 'minimal';
}

export const STANDALONE_ROOT: ReaderRoot = {
  node: typeof document === 'undefined' ? (undefined as unknown as Document) : document,
  idPrefix: '',
  embedded: false,
  routing: 'browser',
  basename: typeof location === 'undefined' ? '' : new URL(import.meta.env.BASE_URL, location.origin).pathname.replace(/\/$/, ''),
  chrome: 'full',
};

export const RootContext = createContext<ReaderRoot>(STANDALONE_ROOT);

/** Where the reader is rendered; the standalone app gets the document and no id prefix. */
export function useReaderRoot(): ReaderRoot {
  return use(RootContext);
}

/** The id of the reader's main column (`main` standalone, `<prefix>main` embedded): the skip link's target. */
export function mainIdOf(root: ReaderRoot): string {
  return `${root.idPrefix}main`;
}
