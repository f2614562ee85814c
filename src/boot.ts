/*
 * The page's entry: the stylesheet, then the app (main.tsx) once the browser has drawn a frame.
 *
 * Most pages arrive prerendered (build/prerender.ts): their HTML is the first screen. With the
 * app's modules as the parser's own script, Chromium evaluated React, the router and the app
 * (20 ms unthrottled on our 2-core build machine, four times that in Lighthouse's simulation) and
 * then laid the page out for the first time (72 ms) in one long task. Here the JavaScript still
 * downloads from the start (index.html carries a modulepreload for every file of main.tsx's chunk
 * graph, added by vite.config.ts; at low priority on prerendered pages, build/prerender.ts),
 * but it runs in short tasks of its own, after that first layout.
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
 * builds its patterns: 55-62 ms at 4x CPU throttling when done together. Here each runs in a task
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

// Then the app's modules, in two more tasks: React DOM (the largest module, 68 KB gzip: 50-69 ms
// to evaluate at 4x), then main.tsx with the router, TanStack Query and the app (under 50 ms once
// Intl's data is loaded). Evaluated as one graph, with Intl's first use, they took 155 ms at 4x.
// Each import only evaluates: the files were preloaded with the HTML.
void afterFirstFrame()
  .then(warm)
  .then(() => import('react-dom/client'))
  .then(nextTask)
  .then(() => import('./main.tsx'));
