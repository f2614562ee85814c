// Types of feed.mjs for the TypeScript tests. The feeds are raw JSON Feed 1.1 files with the
// `_news` item extension, as src/sources/jsonfeed.ts reads them (its raw types are private to it):
// every field optional, as in a real feed.
import type { AppConfig } from './support.ts';

export interface FeedAuthor {
  name?: string;
}

export interface NewsImage {
  url: string;
  thumb?: string;
  alt?: string;
  caption?: string;
  credit?: string;
  width?: number;
  height?: number;
}

export interface FeedItem {
  id?: string | number;
  url?: string;
  external_url?: string;
  title?: string;
  content_html?: string;
  content_text?: string;
  summary?: string;
  image?: string;
  banner_image?: string;
  date_published?: string;
  date_modified?: string;
  authors?: FeedAuthor[];
  author?: FeedAuthor;
  tags?: string[];
  language?: string;
  _news?: { category?: string; dateline?: string; source?: string; image?: NewsImage };
}

export interface Feed {
  version?: string;
  title?: string;
  language?: string;
  next_url?: string;
  authors?: FeedAuthor[];
  author?: FeedAuthor;
  items: FeedItem[];
}

export function loadConfig(): AppConfig;
export function loadFeed(config?: AppConfig): { feed: Feed; items: FeedItem[]; file: string };
export function plain(s: unknown): string;
export function itemLanguage(item: FeedItem, feed: Pick<Feed, 'language'>): string;
export function itemCategory(item: FeedItem): string | undefined;
/** `_news.image`, else `image` or `banner_image` as `{ url }`. */
export function itemImage(item: FeedItem): NewsImage | undefined;
export function itemAuthors(item: FeedItem, feed: Pick<Feed, 'authors' | 'author'>): string[];
export function findItem(items: FeedItem[], id: string | null): FeedItem | undefined;
export function pickSearchWord(feed: Pick<Feed, 'language'>, items: FeedItem[]): { word: string; headlines: number };
export function pickArticle(feed: Pick<Feed, 'language'>, items: FeedItem[], options?: { withImage?: boolean; language?: string }): FeedItem | undefined;
export function slugOf(title: unknown): string;
export function articleHref(item: FeedItem): string;
