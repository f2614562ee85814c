/*
 * The page's entry: the stylesheet, then the app (main.tsx) once the browser has drawn a frame.
 *
 * Most pages arrive prerendered (scripts/prerender.ts): their HTML is the first screen. With the
 * app's modules as the parser's own script, Chromium evaluated React, the router and the app
 * (20 ms unthrottled on our 2-core build machine, four times that in Lighthouse's simulation) and
 * then laid the page out for the first time (72 ms) in one long task. Here the JavaScript still
 * downloads from the start (index.html carries a modulepreload for every file of main.tsx's chunk
 * graph, added by vite.config.ts), but it runs in tasks of its own, after that first layout.
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

void afterFirstFrame().then(() => import('./main.tsx'));
