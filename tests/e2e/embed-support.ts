// Helpers of the embedding tests (embed-elements, embed-iframe, embed-csp .e2e.ts), all on
// public/portal-demo.html: waiting for the demo's readers to render, and measuring computed styles
// inside a reader's shadow root or in the host document.
import type { Page } from '@playwright/test';
import type { SessionOptions } from './fixtures.ts';
import { norm, poll } from './support.ts';

export const DEMO = '/portal-demo.html';

// The portal is the agency's page, which the reader's operator does not own: axe runs inside
// <news-reader> and <news-recent> there (the steps of the tests) and on embed.html, not on the whole
// portal page. (Run on the whole page, axe reports landmark-unique: the portal's header and main
// beside the reader's own landmarks. A finding for the embedding, to be decided there.)
// Each embedding test file: `test.use({ sessionOptions: PORTAL_SESSION })`.
export const PORTAL_SESSION: SessionOptions = {
  skipA11yRevisit: { urls: /\/portal-demo\.html/, why: 'the portal is not the reader’s page: axe runs inside the widgets and on embed.html' },
};

/** The h1 inside an embedded reader (Playwright's CSS locators pierce open shadow roots). */
export const readerH1 = (page: Page, host = 'news-reader') => page.locator(`${host} h1`).first();

/** Wait for the reader's h1 (with `text`, when given) and no loading skeletons; returns the h1's text. */
export async function waitForH1(page: Page, text?: string | RegExp | null, host = 'news-reader'): Promise<string> {
  const h1 = readerH1(page, host);
  await h1.waitFor({ state: 'visible', timeout: 15_000 });
  const match = typeof text === 'string' ? (t: string) => t === text : text ? (t: string) => text.test(t) : () => true;
  const got = await poll(async () => norm(await h1.textContent()), match, { timeout: 10_000 });
  if (!match(got)) throw new Error(`${host} h1: expected ${text}, got "${got}"`);
  await poll(() => page.locator(`${host} .skeleton:visible, ${host} [aria-busy="true"]`).count(), (n) => n === 0, { timeout: 5000 });
  return got;
}

export async function waitForDemo(page: Page): Promise<void> {
  await waitForH1(page, 'Latest news');
  await page.locator('news-recent ol li a').first().waitFor({ timeout: 15_000 });
  await poll(() => page.frameLocator('#reader-frame').locator('h1').count(), (n) => n > 0, { timeout: 15_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

const STYLE_PROPS = ['font-family', 'font-size', 'font-weight', 'font-style', 'line-height', 'color', 'background-color', 'text-transform', 'letter-spacing',
  'text-decoration-line', 'padding-top', 'padding-left', 'margin-top', 'margin-left', 'border-top-width', 'border-top-style', 'border-bottom-style',
  'box-sizing', 'display', 'list-style-type', 'filter', 'box-shadow', 'border-radius'];

/** Per element name: its computed style values and rounded width and height, or null when missing. */
export type Measurement = Record<string, Record<string, string | number> | null>;

/**
 * Computed styles and sizes of elements, by selector: in the shadow root of `host`, or in the
 * host document when `host` is null. Everything that CSS leaking either way could change.
 */
export function measure(page: Page, host: string | null, selectors: Record<string, string>): Promise<Measurement> {
  return page.evaluate(
    ({ host, selectors, props }) => {
      const root = host ? document.querySelector(host)?.shadowRoot : document;
      const out: Measurement = {};
      for (const [name, sel] of Object.entries(selectors)) {
        const el = root?.querySelector(sel);
        if (!el) {
          out[name] = null;
          continue;
        }
        const cs = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        out[name] = Object.fromEntries([...props.map((p) => [p, cs.getPropertyValue(p)]), ['width', Math.round(r.width)], ['height', Math.round(r.height)]]);
      }
      return out;
    },
    { host, selectors, props: STYLE_PROPS },
  );
}
export const measureInside = (page: Page, host: string, selectors: Record<string, string>) => measure(page, host, selectors);
export const measureHost = (page: Page, selectors: Record<string, string>) => measure(page, null, selectors);
