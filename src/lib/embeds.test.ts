import { describe, expect, it } from 'vitest';
import { embedOf, PROVIDERS } from './embeds.ts';
import { sanitizeHtml } from './sanitize.ts';
import { unsafeParts } from './testing/html-safety.ts';
import { contentSecurityPolicy, EMBED_FRAME_SOURCES } from '../../build/security-headers.mjs';

const opts = { baseUrl: 'https://news.example/wp/2026/12/post/', siteOrigin: 'https://news.example' };
const clean = (html: string) => String(sanitizeHtml(html, opts));
/** The facade's figure: provider, player and the link shown before the player. */
function facadeOf(html: string) {
  const t = document.createElement('template');
  t.innerHTML = clean(html);
  const figure = t.content.querySelector('figure[data-embed]');
  return figure && { provider: figure.getAttribute('data-embed'), player: figure.getAttribute('data-embed-src'), link: figure.querySelector('a')?.getAttribute('href'), text: figure.textContent };
}

describe('embeds become click-to-load facades', () => {
  it.each([
    ['YouTube iframe (WordPress oEmbed)', '<iframe title="Harbour tour" width="500" height="281" src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed" frameborder="0" allowfullscreen></iframe>', 'youtube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['YouTube WordPress block with a bare URL', '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">\nhttps://youtu.be/dQw4w9WgXcQ\n</div><figcaption>The tour</figcaption></figure>', 'youtube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['Vimeo block', '<figure class="wp-block-embed is-provider-vimeo"><div class="wp-block-embed__wrapper">https://vimeo.com/76979871</div></figure>', 'vimeo', 'https://player.vimeo.com/video/76979871?autoplay=1&dnt=1', 'https://vimeo.com/76979871'],
    ['Dailymotion iframe', '<iframe src="https://www.dailymotion.com/embed/video/x8abc12" title="News"></iframe>', 'dailymotion', 'https://www.dailymotion.com/embed/video/x8abc12?autoplay=1', 'https://www.dailymotion.com/video/x8abc12'],
    ['Facebook video plugin iframe', '<iframe src="https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fagency%2Fvideos%2F1234567890%2F&show_text=0"></iframe>', 'facebook', 'https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fagency%2Fvideos%2F1234567890%2F&show_text=false', 'https://www.facebook.com/agency/videos/1234567890/'],
    ['Facebook post (fb-post div)', '<div class="fb-post" data-href="https://www.facebook.com/agency/posts/987654321" data-width="500"></div>', 'facebook', 'https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fagency%2Fposts%2F987654321&show_text=true', 'https://www.facebook.com/agency/posts/987654321'],
    ['X (twitter-tweet blockquote)', '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">The ferry is back.</p>&mdash; Agency (@agency) <a href="https://twitter.com/agency/status/1790000000000000001?ref_src=twsrc">May 1, 2026</a></blockquote>', 'x', 'https://platform.twitter.com/embed/Tweet.html?id=1790000000000000001&dnt=true', 'https://x.com/i/status/1790000000000000001'],
    ['Instagram blockquote', '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/C7abcDEF123/?utm_source=ig_embed" data-instgrm-version="14"><a href="https://www.instagram.com/p/C7abcDEF123/">View this post</a></blockquote>', 'instagram', 'https://www.instagram.com/p/C7abcDEF123/embed/', 'https://www.instagram.com/p/C7abcDEF123/'],
    ['TikTok blockquote', '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@agency/video/7300000000000000001" data-video-id="7300000000000000001"><section>Ferry</section></blockquote>', 'tiktok', 'https://www.tiktok.com/embed/v2/7300000000000000001', 'https://www.tiktok.com/video/7300000000000000001'],
    ['a paragraph that is only a provider URL', '<p>https://www.youtube.com/watch?v=dQw4w9WgXcQ</p>', 'youtube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
  ])('%s', (_name, html, provider, player, link) => {
    expect(facadeOf(html)).toMatchObject({ provider, player, link });
    expect(unsafeParts(clean(html), opts.siteOrigin)).toEqual([]);
  });

  it('keeps the WordPress caption and the iframe title as the facade’s words', () => {
    expect(facadeOf('<figure class="wp-block-embed is-provider-youtube"><div class="wp-block-embed__wrapper"><iframe title="Harbour tour" src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe></div><figcaption>Filmed in May</figcaption></figure>')?.text).toBe('Harbour tourFilmed in May');
  });

  it('turns an unknown provider’s iframe into a link to its address, never a gap', () => {
    expect(clean('<iframe src="https://maps.example.org/embed?q=pier" title="Map of the pier"></iframe>')).toBe(
      '<p><a href="https://maps.example.org/embed?q=pier" rel="noopener noreferrer" target="_blank">Map of the pier</a></p>',
    );
    expect(clean('<iframe src="javascript:alert(1)"></iframe>')).toBe('');
  });

  it('leaves an ordinary link paragraph alone', () => {
    expect(clean('<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">our video</a></p>')).not.toContain('data-embed');
  });

  it('strips data-embed attributes a feed writes itself, unless they are a known player on a figure', () => {
    expect(clean('<figure data-embed="youtube" data-embed-src="https://evil.example/embed"><a href="https://x.example/">x</a></figure>')).not.toContain('data-embed');
    expect(clean('<p data-embed="youtube" data-embed-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1">x</p>')).toBe('<p>x</p>');
  });

  it('players come only from the hosts the CSP’s frame-src lists, and frame-src lists exactly those', () => {
    const samples = ['https://youtu.be/abc', 'https://vimeo.com/1', 'https://dai.ly/x1', 'https://www.facebook.com/a/videos/1', 'https://x.com/a/status/1', 'https://www.instagram.com/reel/abc/', 'https://www.tiktok.com/@a/video/1'];
    const embeds = samples.map((url) => embedOf(url)!);
    expect(embeds.map((e) => e.provider).sort()).toEqual(Object.keys(PROVIDERS).sort());
    const origins = [...new Set(embeds.map((e) => new URL(e.player).origin))].sort();
    expect([...EMBED_FRAME_SOURCES].sort()).toEqual(origins);
    const frameSrc = contentSecurityPolicy().split('; ').find((d) => d.startsWith('frame-src '));
    expect(frameSrc?.split(' ').slice(1).sort()).toEqual(origins);
  });
});
