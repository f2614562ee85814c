// The reader against a real WordPress (../shared/tools/wordpress: Debian's WordPress 6.1, MariaDB,
// PHP) with sample.ndjson and tests/e2e/fixtures/wordpress-extra.ndjson imported: it lists,
// pages, searches and opens posts, among them one whose title WordPress sends with entities
// (&#8217;, &#038;) and one whose featured image is an external URL (empty media_details).
//
// WP_URL=http://127.0.0.1:8080 names the site; without it the test says SKIPPED (and fails with
// CORPORA_REQUIRED=1, as .ci/run sets). .ci/run starts the site, imports the posts, runs the
// tests and stops it.
import assert from 'node:assert/strict';
import { test } from './fixtures.ts';
import { poll, screenshot, stepper, waitForPage } from './support.ts';

const ENTITY_TITLE = 'Exampleton\u2019s harbour master & the lighthouse keeper\u2019s logbook';
const EXTERNAL_IMAGE = 'https://images.example.com/dummy/lighthouse.jpg';
const PER_PAGE = 5;

/** A post from the REST API with `_fields=id,title`. */
interface WpPost {
  id: number;
  title: { rendered: string };
}

test('a real WordPress: list, page, search, open', async ({ openSession, wpURL: WP_URL }) => {
  /** What WordPress itself says, to compare the reader with. */
  const rest = async <P extends { id: number } = WpPost>(query: string): Promise<{ posts: P[]; total: number }> => {
    const response = await fetch(`${WP_URL}/wp-json/wp/v2/posts?${query}`);
    assert.equal(response.status, 200, `${WP_URL} REST API answers`);
    return { posts: await response.json(), total: Number(response.headers.get('x-wp-total')) };
  };
  const config = JSON.stringify({
    siteName: 'Exampleton Gazette',
    sources: [{ id: 'wp', name: 'Exampleton Gazette', type: 'wordpress', url: WP_URL, perPage: PER_PAGE, maxPages: 1 }],
    pageSize: PER_PAGE,
    recentNewsCount: 3,
  });
  const latest = await rest(`per_page=${PER_PAGE}&_fields=id,title`);
  const entityPost = (await rest(`search=${encodeURIComponent('harbour master')}&_fields=id,title`)).posts[0];
  const lighthouse = await rest<{ id: number }>('search=lighthouse&_fields=id');
  assert.ok(entityPost, 'the post with entities in its title is imported (tests/e2e/fixtures/wordpress-extra.ndjson)');
  assert.match(entityPost.title.rendered, /&#8217;/, 'WordPress sends the title with entities');

  // Service workers blocked so that the route (the config) sees every request.
  const session = await openSession({
    contextOptions: { serviceWorkers: 'block' },
    expectedErrors: [
      // The three external images point at images.example.com on purpose (it does not resolve):
      // their failed loads are the fixture's, not the reader's.
      { pattern: /images\.example\.com|ERR_NAME_NOT_RESOLVED/, why: "the fixture posts' external images do not resolve" },
    ],
  });
  const { page } = session;
  const step = stepper();
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(WP_URL)) requests.push(r.url());
  });
  await session.context.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: config }));
  await step('lists the latest posts, newest first, titles decoded', async () => {
    await page.goto('/');
    await waitForPage(page, { h1: 'Latest news' });
    const headings = await page.locator('main ol h2').allTextContents();
    const expected = latest.posts.map((p) => p.title.rendered.replace(/&#8217;/g, '\u2019').replace(/&#038;/g, '&'));
    assert.deepEqual(headings.slice(0, PER_PAGE).map((h) => h.trim()), expected);
    await screenshot(session, 'wordpress-home');
  }, { independent: true });

  await step('scrolling to the end loads the next page from the server', async () => {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await poll(() => requests.some((u) => /[?&]page=2\b/.test(u)), Boolean, { timeout: 10_000 });
    assert.ok(requests.some((u) => /[?&]page=2\b/.test(u)), `asked for page 2 (requests: ${requests.join(' ')})`);
    const count = await poll(() => page.locator('main ol h2').count(), (n) => n > PER_PAGE, { timeout: 10_000 });
    assert.ok(count > PER_PAGE, `more than ${PER_PAGE} stories after scrolling (got ${count})`);
  }, { independent: true });

  await step('searches on the server and highlights the results', async () => {
    await page.goto('/search?q=lighthouse');
    await waitForPage(page);
    const status = page.getByRole('status').filter({ hasText: /results?$/ });
    const text = await poll(async () => (await status.textContent()) ?? '', (s) => /\d/.test(s), { timeout: 10_000 });
    assert.equal(text.trim(), `${lighthouse.total} results`);
    assert.ok(requests.some((u) => /[?&]search=lighthouse\b/.test(u)), 'the query went to WordPress as search=');
    assert.ok((await page.locator('main mark').count()) > 0, 'matches are highlighted');
    await screenshot(session, 'wordpress-search');
  }, { independent: true });

  await step('opens the post whose title has entities; shown decoded, never double-escaped', async () => {
    await page.goto('/search?q=harbour+master');
    await page.getByRole('link', { name: ENTITY_TITLE }).click();
    await waitForPage(page, { h1: ENTITY_TITLE });
    assert.match(page.url(), new RegExp(`/articles/${entityPost.id}/`));
    const body = await page.locator('main').innerText();
    assert.doesNotMatch(body, /&#\d+;|&amp;/);
  }, { independent: true });

  await step('opens a post with an external featured image (empty media_details)', async () => {
    const post = (await rest('search=thousand+visitors&_fields=id,title')).posts[0];
    await page.goto(`/articles/${post.id}/x`);
    await waitForPage(page);
    const src = await page.locator('main article img').first().getAttribute('src');
    assert.equal(src, EXTERNAL_IMAGE);
    await screenshot(session, 'wordpress-article');
  }, { independent: true });
});
