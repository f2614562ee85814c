// Embedding under a strict CSP (style-src 'self'), at phone and desktop size: on
// public/portal-demo.html, <news-reader> (adopted stylesheets) and the iframe reader are styled,
// and nothing is blocked.
import { test } from './fixtures.ts';
import { stepper } from './support.ts';
import { DEMO, PORTAL_SESSION, measureInside, waitForDemo } from './embed-support.ts';

test.use({ sessionOptions: PORTAL_SESSION });


declare global {
  interface Window {
    /** The CSP violations on the portal page, as "directive blocked-URI". */
    __violations: string[];
  }
}

test("embedding under a strict CSP (style-src 'self'): <news-reader> and the iframe reader are styled, no violation", async ({ session: s }) => {
  test.setTimeout(240_000);
  const { page } = s;
  const step = stepper();
  await step("strict CSP (style-src 'self'): the readers are styled, no violation", async (c) => {
    const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'";
    await page.route(/\/(portal-demo|embed)\.html/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
    });
    try {
      await page.goto(DEMO);
      await page.evaluate(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await waitForDemo(page);
      const masthead = await measureInside(page, 'news-reader', { masthead: 'header', root: '.news-root' });
      c.equal(masthead.masthead?.['background-color'], 'rgb(11, 46, 94)', 'reader masthead colour under the CSP (adopted stylesheet applied)');
      c.equal(masthead.root?.['font-size'], '16px', 'reader root font size under the CSP');
      const frameBg = await page.frameLocator('#reader-frame').locator('header').first().evaluate((el) => getComputedStyle(el).backgroundColor);
      c.equal(frameBg, 'rgb(11, 46, 94)', 'iframe reader masthead colour under the CSP');
      const violations = await page.evaluate(() => window.__violations);
      c.equal(violations.length, 0, `CSP violations: ${JSON.stringify(violations)}`);
    } finally {
      await page.unroute(/\/(portal-demo|embed)\.html/);
    }
  }, { independent: true });
});
