/*
 * The page's entry: the stylesheet, then the app (main.tsx) once the browser has drawn a frame.
 *
 * Most pages arrive prerendered (build/prerender.ts): their HTML is the first screen. With the
 * app's modules as the parser's own script, Chromium evaluated React, the router and the app and
 * then laid the page out for the first time in one long task (figures: docs/performance.md,
 * "Start-up and Lighthouse"). Here the JavaScript still downloads from the start (index.html
 * carries a modulepreload for every file of main.tsx's chunk graph, added by
 * build/preload-app.ts; at low priority on prerendered pages, build/prerender.ts), but it runs in
 * short tasks of its own, after that first layout.
 */
import './index.css';

/** After the next frame; at once in a hidden tab, which draws no frames until it is shown. */
function afterFirstFrame(): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    // A frame that never comes (throttled or frozen rendering) must not keep the app from starting.
    const fallback = setTimeout(resolve, 1000);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The first Intl formatter of a page loads the engine's locale data, and the first date format
 * builds its patterns; together they make a long task on a slow phone. Here each runs in a task
 * of its own while the app's code is still downloading, not inside the app's first tasks.
 */
const warmIntl = [
  (lang?: string) => new Intl.NumberFormat(lang).format(1),
  (lang?: string) =>
    new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric' }).format(0),
];

async function warm(): Promise<void> {
  const lang = document.documentElement.lang || undefined;
  for (const step of warmIntl) {
    try {
      step(lang);
    } catch {
      // An unusual lang attribute: the app reports its own locale errors.
    }
    await nextTask();
  }
}

// Then the app's modules, in two more tasks: React DOM (the largest module), then main.tsx with
// the router, TanStack Query and the app. Evaluated as one graph, with Intl's first use, they made
// one long task; apart, each stays short. Each import only evaluates: the files were preloaded
// with the HTML.
void afterFirstFrame()
  .then(warm)
  .then(() => import('react-dom/client'))
  .then(nextTask)
  .then(() => import('./main.tsx'));
