// The HTTP security headers the built app is served with: one definition for `vite preview`
// (vite.config.ts), the browser tests (tests/e2e/server.mjs) and the README's nginx/CDN examples.
//
// The Content Security Policy allows only the app's own scripts and styles (no 'unsafe-inline',
// no 'unsafe-eval'), images from anywhere over https (feeds link to partners' pictures), fetches
// to https (partners' feeds), and turns on Trusted Types: script sinks such as innerHTML and
// new Worker() accept only values made by the app's policies (src/lib/trusted-types.ts).
// It applies to the built app only: Vite's dev server injects inline scripts.

/** Policy names the app creates; must match TRUSTED_TYPES_POLICY_NAMES in src/lib/trusted-types.ts. */
export const TRUSTED_TYPES_POLICIES = ['news-reader', 'dompurify'];

/**
 * The only frames an article may load: the players of the embed providers, after the reader
 * clicks their facade (decision 078). Must be the origins of the players src/lib/embeds.ts builds (its
 * test checks): YouTube (privacy-enhanced host), Vimeo, Dailymotion, Facebook, X, Instagram, TikTok.
 */
export const EMBED_FRAME_SOURCES = [
  'https://www.youtube-nocookie.com',
  'https://player.vimeo.com',
  'https://www.dailymotion.com',
  'https://www.facebook.com',
  'https://platform.twitter.com',
  'https://www.instagram.com',
  'https://www.tiktok.com',
];

/** Who may frame the reader when CSP_FRAME_ANCESTORS is not set: only the site itself. */
export const DEFAULT_FRAME_ANCESTORS = "'self'";

/** A list of CSP sources, or a clear error naming the variable it came from. */
function sourceList(value, name, example) {
  const list = value.trim().split(/\s+/).filter(Boolean).join(' ');
  if (/[;,\r\n'"]/.test(list.replace(/'(self|none)'/g, ''))) {
    throw new Error(`${name} must be a list of CSP sources such as "${example}", got ${JSON.stringify(value)}`);
  }
  return list;
}

/**
 * The CSP header value. `frameAncestors`: the sources allowed to embed the reader in a frame,
 * e.g. "'self' https://portal.example.org", or "'none'". `sourceOrigins`: origins of sources
 * served over plain http, such as a WordPress on an intranet ("http://wp.agency.internal"): the
 * reader may fetch from them and show their images (any https: origin may already).
 * `allowWasm`: let the page compile WebAssembly ('wasm-unsafe-eval'; no JavaScript eval), which
 * Pagefind, the search of an `archive` source, needs; off unless the reader has an archive.
 * `connectOrigins`: when the server knows the configured sources (server/), the only origins the
 * page may fetch from besides its own, instead of any https: origin.
 * @param {{ frameAncestors?: string, sourceOrigins?: string, allowWasm?: boolean, connectOrigins?: string[] }} [options]
 * @returns {string}
 */
export function contentSecurityPolicy({ frameAncestors = DEFAULT_FRAME_ANCESTORS, sourceOrigins = '', allowWasm = false, connectOrigins } = {}) {
  const ancestors = sourceList(frameAncestors, 'CSP_FRAME_ANCESTORS', "'self' https://portal.example.org");
  if (!ancestors) throw new Error('CSP_FRAME_ANCESTORS is empty; use \'none\' to forbid framing');
  const sources = sourceList(sourceOrigins, 'CSP_SOURCE_ORIGINS', 'http://wp.agency.internal');
  const extra = sources ? ` ${sources}` : '';
  return [
    "default-src 'self'",
    allowWasm ? "script-src 'self' 'wasm-unsafe-eval'" : "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' https: data:${extra}`,
    // Audio and video in articles (podcast enclosures, <video> in a body), from wherever the feed keeps them.
    `media-src 'self' https:${extra}`,
    connectOrigins ? ["connect-src 'self'", ...connectOrigins].join(' ') : `connect-src 'self' https:${extra}`,
    `frame-src ${EMBED_FRAME_SOURCES.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
    "require-trusted-types-for 'script'",
    `trusted-types ${TRUSTED_TYPES_POLICIES.join(' ')}`,
  ].join('; ');
}

/**
 * All headers, with frame-ancestors from the CSP_FRAME_ANCESTORS environment variable, extra
 * http source origins (connect-src and img-src) from CSP_SOURCE_ORIGINS, and WebAssembly for an
 * archive's search when CSP_ALLOW_WASM=1.
 * @param {Record<string, string | undefined>} [env]
 * @returns {Record<string, string>}
 */
export function securityHeaders(env = process.env) {
  return {
    'Content-Security-Policy': contentSecurityPolicy({
      frameAncestors: env.CSP_FRAME_ANCESTORS || DEFAULT_FRAME_ANCESTORS,
      sourceOrigins: env.CSP_SOURCE_ORIGINS ?? '',
      allowWasm: env.CSP_ALLOW_WASM === '1',
    }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };
}
