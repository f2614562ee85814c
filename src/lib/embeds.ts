/*
 * Video and social embeds the reader shows as click-to-load facades (decision 078): which URLs
 * belong to which provider, and the player each loads when the reader asks. One table for the
 * sanitizer (which turns iframes, WordPress embed blocks and oEmbed-style markup into facades),
 * and the facade (which builds the iframe on a click). The CSP's frame-src lists the players'
 * origins (EMBED_FRAME_SOURCES in build/security-headers.mjs; embeds.test.ts keeps them equal).
 */

export type EmbedProvider = 'youtube' | 'vimeo' | 'dailymotion' | 'facebook' | 'x' | 'instagram' | 'tiktok';

export interface Embed {
  provider: EmbedProvider;
  /** The player's address (privacy-enhanced host where there is one). */
  player: string;
  /** The page on the provider's site, for the link shown before (and without) the player. */
  page: string;
}

interface ProviderRule {
  name: string;
  /** The frame's sandbox: scripts and same-origin (every player needs them), popups for "open on …". */
  sandbox: string;
  /** Permissions policy of the frame. */
  allow: string;
}

const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
const VIDEO_ALLOW = 'autoplay; encrypted-media; picture-in-picture; fullscreen';

export const PROVIDERS: Record<EmbedProvider, ProviderRule> = {
  youtube: { name: 'YouTube', sandbox: `${SANDBOX} allow-presentation`, allow: VIDEO_ALLOW },
  vimeo: { name: 'Vimeo', sandbox: `${SANDBOX} allow-presentation`, allow: VIDEO_ALLOW },
  dailymotion: { name: 'Dailymotion', sandbox: `${SANDBOX} allow-presentation`, allow: VIDEO_ALLOW },
  facebook: { name: 'Facebook', sandbox: `${SANDBOX} allow-presentation`, allow: VIDEO_ALLOW },
  x: { name: 'X', sandbox: SANDBOX, allow: '' },
  instagram: { name: 'Instagram', sandbox: SANDBOX, allow: '' },
  tiktok: { name: 'TikTok', sandbox: `${SANDBOX} allow-presentation`, allow: VIDEO_ALLOW },
};

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const DIGITS = /^\d{1,25}$/;
const host = (u: URL) => u.hostname.toLowerCase().replace(/^(www|m|mobile|web)\./, '');

function youtube(u: URL): string | undefined {
  const h = host(u);
  const parts = u.pathname.split('/').filter(Boolean);
  let id: string | undefined;
  if (h === 'youtu.be') id = parts[0];
  else if (h === 'youtube.com' || h === 'youtube-nocookie.com' || h === 'music.youtube.com') {
    if (parts[0] === 'watch') id = u.searchParams.get('v') ?? undefined;
    else if (['embed', 'shorts', 'live', 'v'].includes(parts[0] ?? '')) id = parts[1];
  }
  return id && ID.test(id) ? id : undefined;
}

/** The embed a URL points at, or undefined when no provider in the table knows it. */
export function embedOf(value: string | null | undefined): Embed | undefined {
  if (!value) return undefined;
  let u: URL;
  try {
    u = new URL(value.trim(), 'https://invalid.invalid/');
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  const h = host(u);
  const parts = u.pathname.split('/').filter(Boolean);
  const yt = youtube(u);
  if (yt) return { provider: 'youtube', player: `https://www.youtube-nocookie.com/embed/${yt}?autoplay=1`, page: `https://www.youtube.com/watch?v=${yt}` };
  if (h === 'vimeo.com' || h === 'player.vimeo.com') {
    const id = parts.find((p) => DIGITS.test(p));
    if (id) return { provider: 'vimeo', player: `https://player.vimeo.com/video/${id}?autoplay=1&dnt=1`, page: `https://vimeo.com/${id}` };
  }
  if (h === 'dailymotion.com' || h === 'dai.ly' || h === 'geo.dailymotion.com') {
    const id = h === 'dai.ly' ? parts[0] : (u.searchParams.get('video') ?? parts[parts.indexOf('video') + 1]);
    if (id && ID.test(id) && (h === 'dai.ly' || parts.includes('video') || u.searchParams.has('video'))) {
      return { provider: 'dailymotion', player: `https://www.dailymotion.com/embed/video/${id}?autoplay=1`, page: `https://www.dailymotion.com/video/${id}` };
    }
  }
  if (h === 'facebook.com' || h === 'fb.watch') {
    // The plugin's own address carries the post or video it shows in `href`.
    const inner = parts[0] === 'plugins' ? u.searchParams.get('href') : u.href;
    const page = inner && /^https:\/\/(www\.|m\.)?(facebook\.com|fb\.watch)\//.test(inner) ? inner.replace('://m.', '://www.') : undefined;
    if (page) {
      const video = parts[0] === 'plugins' ? parts[1] === 'video.php' : /\/videos?\/|\/watch\b|fb\.watch|\/reel\//.test(page);
      const plugin = video ? 'video.php' : 'post.php';
      return { provider: 'facebook', player: `https://www.facebook.com/plugins/${plugin}?href=${encodeURIComponent(page)}&show_text=${video ? 'false' : 'true'}`, page };
    }
  }
  if (h === 'twitter.com' || h === 'x.com' || h === 'platform.twitter.com') {
    const id = h === 'platform.twitter.com' ? u.searchParams.get('id') : parts[parts.indexOf('status') + 1];
    if (id && DIGITS.test(id) && (h === 'platform.twitter.com' || parts.includes('status'))) {
      return { provider: 'x', player: `https://platform.twitter.com/embed/Tweet.html?id=${id}&dnt=true`, page: `https://x.com/i/status/${id}` };
    }
  }
  if (h === 'instagram.com' || h === 'instagr.am') {
    const kind = parts[0] === 'p' || parts[0] === 'reel' || parts[0] === 'tv' ? parts[0] : undefined;
    const code = kind && parts[1];
    if (code && ID.test(code)) return { provider: 'instagram', player: `https://www.instagram.com/${kind}/${code}/embed/`, page: `https://www.instagram.com/${kind}/${code}/` };
  }
  if (h === 'tiktok.com') {
    const at = parts.indexOf('video');
    const id = at >= 0 ? parts[at + 1] : parts[0] === 'embed' ? parts.at(-1) : undefined;
    if (id && DIGITS.test(id)) {
      return { provider: 'tiktok', player: `https://www.tiktok.com/embed/v2/${id}`, page: `https://www.tiktok.com/video/${id}` };
    }
  }
  return undefined;
}
