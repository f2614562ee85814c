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

/** Who may frame the reader when CSP_FRAME_ANCESTORS is not set: only the site itself. */
export const DEFAULT_FRAME_ANCESTORS = "'self'";

/**
 * The CSP header value. `frameAncestors`: the sources allowed to embed the reader in a frame,
 * e.g. "'self' https://portal.example.org", or "'none'".
 * @param {{ frameAncestors?: string }} [options]
 * @returns {string}
 */
export function contentSecurityPolicy({ frameAncestors = DEFAULT_FRAME_ANCESTORS } = {}) {
  const ancestors = frameAncestors.trim();
  if (!ancestors || /[;,\r\n]/.test(ancestors)) {
    throw new Error(`CSP_FRAME_ANCESTORS must be a list of CSP sources such as "'self' https://portal.example.org", got ${JSON.stringify(frameAncestors)}`);
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' https: data:",
    "connect-src 'self' https:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
    "require-trusted-types-for 'script'",
    `trusted-types ${TRUSTED_TYPES_POLICIES.join(' ')}`,
  ].join('; ');
}

/**
 * All headers, with frame-ancestors from the CSP_FRAME_ANCESTORS environment variable.
 * @param {Record<string, string | undefined>} [env]
 * @returns {Record<string, string>}
 */
export function securityHeaders(env = process.env) {
  return {
    'Content-Security-Policy': contentSecurityPolicy({ frameAncestors: env.CSP_FRAME_ANCESTORS || DEFAULT_FRAME_ANCESTORS }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };
}
