// Embeds and media in real Chromium under the production CSP (server.mjs): an article whose body
// has an embed of every provider (as WordPress writes them: iframes, embed blocks, oEmbed
// blockquotes), audio and video, and a hostile <video><track src="data:…">. Before any click: a
// facade per embed, no request to any provider or media host (pictures aside: a video's poster), no CSP violation (sanitizing is
// inert), axe clean. Each click loads that provider's player (answered here, locally) and only it.
// A WordPress gallery opens in a lightbox that keeps focus, answers the keyboard and gives focus back.
import type { Route } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { loadConfig } from './feed.mjs';
import { poll, stepper, waitForPage, type AppConfig } from './support.ts';

const config: AppConfig = loadConfig();
const feedPath = new URL(config.sources[0].url, 'http://x/').pathname;

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

const PLAYERS = {
  YouTube: 'https://www.youtube-nocookie.com',
  Vimeo: 'https://player.vimeo.com',
  Dailymotion: 'https://www.dailymotion.com',
  Facebook: 'https://www.facebook.com',
  X: 'https://platform.twitter.com',
  Instagram: 'https://www.instagram.com',
  TikTok: 'https://www.tiktok.com',
} as const;

const body = [
  '<p>Every provider the reader knows, as a CMS writes it.</p>',
  '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper"><iframe title="Harbour tour" width="500" height="281" src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed" allowfullscreen></iframe></div><figcaption>Filmed in May</figcaption></figure>',
  '<figure class="wp-block-embed is-provider-vimeo"><div class="wp-block-embed__wrapper">https://vimeo.com/76979871</div></figure>',
  '<iframe src="https://www.dailymotion.com/embed/video/x8abc12" title="Evening news"></iframe>',
  '<div class="fb-video" data-href="https://www.facebook.com/agency/videos/1234567890/"></div>',
  '<blockquote class="twitter-tweet"><p>The ferry is back.</p>&mdash; Agency <a href="https://twitter.com/agency/status/1790000000000000001">May 1, 2026</a></blockquote>',
  '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/C7abcDEF123/"><a href="https://www.instagram.com/p/C7abcDEF123/">A post shared by the agency</a></blockquote>',
  '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@agency/video/7300000000000000001"><section>Ferry day</section></blockquote>',
  '<iframe src="https://maps.example.org/embed?q=pier" title="Map of the pier"></iframe>',
  '<figure><audio src="https://media.example.org/ep12.mp3" autoplay></audio><figcaption>Episode 12</figcaption></figure>',
  '<video poster="https://media.example.org/poster.jpg" autoplay><source src="https://media.example.org/report.mp4" type="video/mp4"><track src="data:text/vtt,WEBVTT" kind="captions" default></video>',
  '<video><track src="https://media.example.org/captions.vtt" default></video>',
  '<figure class="wp-block-gallery has-nested-images columns-3">',
  ...['pier', 'boats', 'market'].map((n) => `<figure class="wp-block-image"><a href="https://cdn.example.org/${n}-full.jpg"><img src="https://cdn.example.org/${n}-300.jpg" alt="The ${n}"></a><figcaption>The ${n} at dawn</figcaption></figure>`),
  '<figcaption class="blocks-gallery-caption">The harbour</figcaption></figure>',
].join('');
const feed = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Embeds',
  items: [{ id: 'embeds', title: 'Embeds and media', content_html: body, date_published: '2026-12-01T08:00:00Z' }],
});

test('embeds are facades until clicked, then load only their own player; media waits for play', { tag: '@desktop-only' }, async ({ openSession, appURL }) => {
  const s = await openSession({ contextOptions: { serviceWorkers: 'block' } });
  const { page, context } = s;
  const step = stepper();
  const external: string[] = [];
  const app = new URL(appURL).origin;
  await context.route('**/*', (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.origin === app) {
      return url.pathname === feedPath ? route.fulfill({ contentType: 'application/feed+json', body: feed }) : route.continue();
    }
    // Pictures come from anywhere by design (img-src https:): the video's poster is one.
    if (request.resourceType() === 'image') return route.fulfill({ contentType: 'image/png', body: PNG });
    external.push(`${request.resourceType()} ${url.href}`);
    if (Object.values(PLAYERS).includes(url.origin as (typeof PLAYERS)[keyof typeof PLAYERS])) {
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Player</title><p>A player, answered by the test.</p>' });
    }
    return route.abort();
  });

  await step('the article shows a facade for each embed and makes no third-party request', async (c) => {
    await page.goto('/articles/embeds/embeds-and-media');
    await waitForPage(page, { h1: 'Embeds and media' });
    for (const provider of Object.keys(PLAYERS)) {
      await expect(page.getByRole('button', { name: new RegExp(`^Load from ${provider}\\b`) })).toBeVisible();
    }
    c.equal(await page.locator('main iframe').count(), 0, 'no frame before a click');
    c.equal(await page.getByRole('link', { name: 'Map of the pier' }).getAttribute('href'), 'https://maps.example.org/embed?q=pier', 'the unknown provider is a link');
    await page.waitForTimeout(500);
    c.equal(JSON.stringify(external), '[]', 'requests to other hosts (but pictures) before any click');
    c.equal(JSON.stringify(s.violations), '[]', 'CSP violations while sanitizing and rendering (a data: <track> included)');
  });

  await step('audio and video have native controls and download nothing before play', async (c) => {
    const media = await page.locator('main audio, main video').evaluateAll((els) => els.map((e) => [(e as HTMLMediaElement).controls, e.getAttribute('preload'), (e as HTMLMediaElement).autoplay]));
    c.equal(JSON.stringify(media), JSON.stringify([[true, 'none', false], [true, 'none', false], [true, 'none', false]]), 'controls, preload and autoplay of each player');
    c.equal(await page.locator('main track').count(), 0, 'no <track> reaches the page');
  });

  await s.a11y('an article with facades, audio and video');

  await step('a gallery opens in a lightbox: focus kept inside, arrow keys, Escape, focus back', async (c) => {
    const opener = page.getByRole('button', { name: 'Picture 2 of 3: The boats' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Picture 2 of 3' });
    await expect(dialog).toBeVisible();
    c.equal(await dialog.locator('img').getAttribute('src'), 'https://cdn.example.org/boats-full.jpg', 'the full-size picture');
    await s.a11y('the lightbox, open');
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      c.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), `focus stays in the lightbox after Tab ${i + 1}`);
    }
    await page.keyboard.press('ArrowRight');
    c.equal(await dialog.locator('img').getAttribute('alt'), 'The market', 'ArrowRight shows the next picture');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    c.ok(await opener.evaluate((b) => b === document.activeElement), 'focus is back on the picture that opened it');
  });

  for (const [provider, origin] of Object.entries(PLAYERS)) {
    await step(`${provider}: a click loads its player, from ${origin} only`, async (c) => {
      const before = external.length;
      await page.getByRole('button', { name: new RegExp(`^Load from ${provider}\\b`) }).click();
      const frame = page.locator(`main iframe[src^="${origin}/"]`);
      await expect(frame).toHaveCount(1);
      await poll(() => external.length > before);
      c.ok(external.slice(before).every((r) => r.includes(`${origin}/`)), `requests after the click: ${external.slice(before).join(', ')}`);
      c.ok(/allow-scripts/.test((await frame.getAttribute('sandbox')) ?? ''), 'the frame is sandboxed');
      c.equal(await frame.evaluate((f) => f === document.activeElement), true, 'focus moves to the player');
    });
  }
  expect(s.violations).toEqual([]);
});
