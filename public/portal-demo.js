// Demo page only: pass ?routing=, ?base=, ?accent=, ?font=, ?locale=, ?page-size= to the page's
// <news-reader>, and log the reader's events as a portal's analytics would receive them.
const params = new URLSearchParams(location.search);
const reader = document.querySelector('news-reader');
for (const name of ['routing', 'base', 'accent', 'font', 'locale', 'page-size']) {
  const value = params.get(name);
  if (value && reader) reader.setAttribute(name, value);
}
for (const type of ['news-reader:navigate', 'news-reader:article-open']) {
  document.addEventListener(type, (event) => console.info(`[portal] ${type}`, JSON.stringify(event.detail)));
}
