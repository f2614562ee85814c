// Applies the reader's saved theme and text size before the first paint. A classic script in
// <head> (not a module: modules run after parsing, so a prerendered page would first paint in
// the wrong theme); external, because the Content-Security-Policy forbids inline script.
// Keys and values: src/lib/preferences.ts.
(function () {
  try {
    var root = document.documentElement;
    var theme = localStorage.getItem('news.theme');
    var size = localStorage.getItem('news.textSize');
    if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
    if (size === 'large' || size === 'larger') root.setAttribute('data-text-size', size);
  } catch {
    // Storage blocked: the device's colour scheme and the standard size apply.
  }
})();
