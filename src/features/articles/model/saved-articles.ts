/*
 * The articles this reader has opened, newest first: the ones the service worker keeps for
 * reading offline (their text is in the cached feed, their pictures in the image cache). Kept in
 * localStorage; capped so it never grows without bound.
 */
const KEY = 'news.savedArticles';
export const MAX_SAVED_ARTICLES = 200;

/** Ids of the articles opened on this device, most recent first. */
export function savedArticleIds(): string[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function isArticleSaved(id: string): boolean {
  return savedArticleIds().includes(id);
}

/** Record that the reader opened an article (moves it to the front; drops the oldest past the cap). */
export function markArticleSaved(id: string): void {
  const ids = [id, ...savedArticleIds().filter((x) => x !== id)].slice(0, MAX_SAVED_ARTICLES);
  try {
    localStorage.setItem(KEY, JSON.stringify(ids));
  } catch {
    // Storage full or blocked: the article is simply not remembered as saved.
  }
}
