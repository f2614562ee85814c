// Embedding in an iframe, at phone and desktop size: the iframe reader of public/portal-demo.html
// (embed.html sized by embed.js), loaded from another origin. The iframe must follow its content's
// height and ignore forged messages, and axe must pass on embed.html.
import type { Frame } from '@playwright/test';
import type { ArticleOpenDetail } from '../../src/embed/messages.ts';
import { test } from './fixtures.ts';
import { median, norm, poll, screenshot, stepper } from './support.ts';
import { DEMO, PORTAL_SESSION, waitForDemo } from './embed-support.ts';

test.use({ sessionOptions: PORTAL_SESSION });

/** What the host page records when the iframe resizes (`window.__resized`). */
interface Resized {
  at: number;
  height: number;
  /** The host's animation frames, as times since the time origin. */
  frames: number[];
}

/** How long after a change of its content the iframe resized on the host, or why it did not. */
type ResizeTiming =
  | { ok: false; why: string; ms?: undefined; framesBetween?: undefined; height?: undefined }
  | { ok: true; why?: undefined; ms: number; framesBetween: number; height: number };


declare global {
  interface Window {
    /** Settles when the iframe has resized on the host. */
    __resized: Promise<Resized>;
    /** The pending requestAnimationFrame of the frame recorder. */
    __raf: number;
    /** The details of the `news-reader:article-open` events re-dispatched on the iframe. */
    __frameEvents: ArticleOpenDetail[];
  }
}

test('embedding in an iframe: follows its content height, ignores forged resize messages, axe on embed.html', async ({ session: s, vp, appURL }) => {
  test.setTimeout(240_000);
  const { page } = s;
  const step = stepper();
  const state: { frame?: Frame; resize?: unknown } = {};
  await step('iframe: grows and shrinks with its content within a frame, no scrollbar', async (c) => {
    // A cross-origin reader: same server, other host name. The portal page's policy allows
    // framing it (tests/e2e/server.mjs, portalPolicy).
    const crossOrigin = appURL.replace('127.0.0.1', 'localhost');
    await page.goto(DEMO);
    await waitForDemo(page);
    await page.evaluate((src) => {
      document.querySelector<HTMLIFrameElement>('#reader-frame')!.src = src;
    }, `${crossOrigin}/embed.html?parentOrigin=${encodeURIComponent(appURL)}`);
    const frame = await poll(() => page.frames().find((f) => f.url().startsWith(crossOrigin)), Boolean, { timeout: 10_000 });
    if (!frame) throw new Error('the cross-origin iframe did not load');
    await frame.locator('h1').first().waitFor({ timeout: 15_000 });
    await poll(() => frame.locator('.skeleton:visible').count(), (n) => n === 0);
    // Chromium does not render (so does not run ResizeObservers in) a cross-origin frame that
    // is out of view; a reader scrolled to is what counts.
    await page.locator('#reader-frame').scrollIntoViewIfNeeded();
    const heights = async () => ({
      iframe: await page.evaluate(() => Math.round(document.querySelector('#reader-frame')!.getBoundingClientRect().height)),
      content: await frame.evaluate(() => Math.ceil(document.getElementById('root')!.getBoundingClientRect().height)),
      scroll: await frame.evaluate(() => document.documentElement.scrollHeight - window.innerHeight),
    });
    const settled = (h: { iframe: number; content: number }) => Math.abs(h.iframe - h.content) <= 1;
    let h = await poll(heights, settled);
    c.ok(settled(h), `iframe height ${h.iframe} = content height ${h.content}`);
    c.ok(h.scroll <= 0, `the iframe page has nothing to scroll (${h.scroll} px)`);
    c.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).overflow), 'hidden', 'the iframe page hid its scrollbar once embed.js answered');

    /** Change the iframe's content height by `delta` px and time the iframe's resize on the host. */
    const timeResize = async (delta: number): Promise<ResizeTiming> => {
      await page.evaluate(() => {
        const iframe = document.querySelector('#reader-frame')!;
        const startHeight = iframe.getBoundingClientRect().height;
        window.__resized = new Promise((resolve) => {
          const frames: number[] = [];
          const tick = (ts: number) => {
            frames.push(performance.timeOrigin + ts);
            window.__raf = requestAnimationFrame(tick);
          };
          window.__raf = requestAnimationFrame(tick);
          const ro = new ResizeObserver(() => {
            if (iframe.getBoundingClientRect().height === startHeight) return; // the initial observation
            ro.disconnect();
            cancelAnimationFrame(window.__raf);
            resolve({ at: performance.timeOrigin + performance.now(), height: iframe.getBoundingClientRect().height, frames });
          });
          ro.observe(iframe);
        });
      });
      const changedAt = await frame.evaluate((d) => {
        const main = document.querySelector('main');
        let spacer = document.getElementById('test-spacer');
        if (!spacer) {
          spacer = document.createElement('div');
          spacer.id = 'test-spacer';
          main!.append(spacer);
        }
        const now = spacer.getBoundingClientRect().height;
        spacer.style.height = `${Math.max(0, now + d)}px`;
        return performance.timeOrigin + performance.now();
      }, delta);
      const r = await page.evaluate((): Promise<Resized | null> => Promise.race([window.__resized, new Promise<null>((res) => setTimeout(() => res(null), 2000))]));
      if (!r) return { ok: false, why: 'the iframe did not resize within 2 s' };
      const framesBetween = r.frames.filter((f) => f > changedAt && f <= r.at).length;
      return { ok: true, ms: Math.round(r.at - changedAt), framesBetween, height: Math.round(r.height) };
    };
    // Frame 1 paints the content change (the iframe's ResizeObserver posts the height); the host
    // applies it before painting frame 2. More than 2 host frames would mean the resize lagged a
    // frame behind the content. The iframe is another origin, so another renderer process: on a
    // busy 2-core machine one of them is sometimes descheduled for a frame (measured: 3 host
    // frames once in a CI run whose other resizes took 1-2). So each direction is timed three
    // times, alternating, and the median is checked: a resize that lags every time still fails.
    const before = h.iframe;
    const grows: ResizeTiming[] = [];
    const shrinks: ResizeTiming[] = [];
    for (let round = 0; round < 3; round++) {
      const grow = await timeResize(600);
      c.ok(grow.ok, `grow: ${grow.why ?? ''}`);
      if (grow.ok) c.equal(grow.height, before + 600, 'iframe height after the content grew by 600 px');
      grows.push(grow);
      const shrink = await timeResize(-600);
      c.ok(shrink.ok, `shrink: ${shrink.why ?? ''}`);
      if (shrink.ok) c.equal(shrink.height, before, 'iframe height after the content shrank back');
      shrinks.push(shrink);
    }
    const describe = (ts: ResizeTiming[]) => ts.map((t) => (t.ok ? `${t.ms} ms / ${t.framesBetween}` : 'none')).join(', ');
    for (const [name, timings] of [['grow', grows], ['shrink', shrinks]] as const) {
      const frames = median(timings.map((t) => (t.ok ? t.framesBetween : Infinity)));
      c.ok(frames <= 2, `${name}: median ${frames} host frames between the change and the iframe's resize (at most the next frame; runs: ${describe(timings)})`);
    }
    state.resize = { grows, shrinks };
    console.log(`iframe resize @ ${vp} (ms / host frames): grow ${describe(grows)}; shrink ${describe(shrinks)}`);

    // Real navigation inside the iframe: the height follows, and the host hears of it.
    await page.evaluate(() => {
      window.__frameEvents = [];
      document.querySelector('#reader-frame')!.addEventListener('news-reader:article-open', (e) => window.__frameEvents.push((e as CustomEvent).detail));
    });
    const lead = frame.locator('main article h2 a').first();
    const headline = norm(await lead.textContent());
    await lead.click();
    await frame.locator('h1', { hasText: headline }).waitFor();
    await poll(() => frame.locator('[aria-busy="true"]').count(), (n) => n === 0);
    h = await poll(heights, settled);
    c.ok(settled(h), `after opening an article: iframe height ${h.iframe} = content height ${h.content}`);
    const opened = await poll(() => page.evaluate((): ArticleOpenDetail[] => window.__frameEvents), (e) => e.length > 0);
    c.ok(opened.length === 1 && opened[0].headline === headline, `article-open re-dispatched on the iframe: ${JSON.stringify(opened)}`);
    await screenshot(s, 'portal-iframe-article');
    state.frame = frame;
  });

  await step('iframe: forged resize messages are ignored', async (c) => {
    const frame = state.frame;
    const heightNow = () => page.evaluate(() => Math.round(document.querySelector('#reader-frame')!.getBoundingClientRect().height));
    const start = await heightNow();
    // From the host window itself (event.source is not the iframe's window).
    await page.evaluate(() => window.postMessage({ type: 'news-reader:height', height: 50 }, '*'));
    // From another frame on the page.
    await page.evaluate(() => {
      const evil = document.createElement('iframe');
      evil.id = 'evil';
      evil.setAttribute('data-news-reader', '');
      evil.srcdoc = '<script>parent.postMessage({ type: "news-reader:height", height: 77 }, "*")</script>';
      document.body.append(evil);
    });
    await page.waitForTimeout(400);
    c.equal(await heightNow(), start, 'iframe height after forged messages from the host window and another frame');
    // From the reader's own window but with the origin pinned elsewhere: not acted on either.
    await page.evaluate(() => document.querySelector('#reader-frame')!.setAttribute('data-news-reader-origin', 'https://example.invalid'));
    if (!frame) throw new Error('no iframe: the step before did not hand one on');
    await frame.evaluate(() => {
      const spacer = document.getElementById('test-spacer') ?? document.querySelector('main')!.appendChild(Object.assign(document.createElement('div'), { id: 'test-spacer' }));
      spacer.style.height = '300px';
    });
    await page.waitForTimeout(400);
    c.equal(await heightNow(), start, 'iframe height after its content grew, with data-news-reader-origin naming another origin');
    await page.evaluate(() => {
      document.querySelector('#reader-frame')!.removeAttribute('data-news-reader-origin');
      document.querySelector('#evil')!.remove();
    });
  }, { independent: false });

  await step('axe: no violations in the iframe page', async (c) => {
    await page.goto('/embed.html');
    await page.locator('main h1').waitFor();
    await poll(() => page.locator('.skeleton:visible').count(), (n) => n === 0);
    await c.axe(page, `embed.html (${vp})`);
  }, { independent: true });
});
