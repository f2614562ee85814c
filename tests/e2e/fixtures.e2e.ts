// The fixtures' own promises (fixtures.ts): a console error, an uncaught exception, a CSP
// violation or an axe violation on any visited page fails the test, unless declared expected.
// Each case below must fail: test.fail() turns that into a pass, and a fixture that lets the
// problem through into a failure.
import { test } from './fixtures.ts';

const INACCESSIBLE = '<!doctype html><html lang="en"><title>x</title><main><h1>Picture</h1><img src="/icons/icon-192.png"></main></html>';

test.describe('fixtures', { tag: '@desktop-only' }, () => {
  test('a console error fails the test', async ({ page }) => {
    test.fail();
    await page.goto('/');
    await page.evaluate(() => console.error('self-check: an error the test did not declare'));
  });

  test('an uncaught exception fails the test', async ({ page }) => {
    test.fail();
    await page.goto('/');
    await page.evaluate(() => setTimeout(() => { throw new Error('self-check: uncaught'); }));
    await page.waitForTimeout(200);
  });

  test('a declared error does not', async ({ openSession }) => {
    const s = await openSession({ expectedErrors: [{ pattern: /self-check: expected/, why: 'this test logs it' }] });
    await s.page.goto('/');
    await s.a11y('home');
    await s.page.evaluate(() => console.error('self-check: expected'));
  });

  test('a visited page that fails axe fails the test, though the test never ran axe', async ({ page, context }) => {
    test.fail();
    await context.route('**/self-check.html', (route) => route.fulfill({ contentType: 'text/html', body: INACCESSIBLE }));
    await page.goto('/self-check.html');
  });
});
