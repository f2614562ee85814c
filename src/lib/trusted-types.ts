import type { TrustedScript, TrustedScriptURL, TrustedTypePolicyFactory } from 'trusted-types/lib';

/*
 * Trusted Types. The production CSP says `require-trusted-types-for 'script'`: the browser then
 * refuses plain strings at every sink that can run script (innerHTML, new Worker(url), script.src…)
 * and only accepts values made by a policy the CSP names in `trusted-types`. The app has two:
 *
 * - `dompurify`: DOMPurify's own policy, created and held privately inside DOMPurify. It is the
 *   only maker of TrustedHTML: article bodies come out of DOMPurify.sanitize with
 *   RETURN_TRUSTED_TYPE (src/lib/sanitize.ts), and no app code can mint TrustedHTML without it.
 * - `news-reader` (this file): script URLs of the app's own files (the search Web Worker and the
 *   service worker), and script text that is JSON (the article's schema.org JSON-LD, which
 *   browsers treat as data). It has no createHTML, so it cannot smuggle HTML past the sanitizer,
 *   and its createScript refuses anything that is not JSON, so it cannot carry code.
 */

/** The policy names the CSP's `trusted-types` directive must list (build/security-headers.mjs). */
export const TRUSTED_TYPES_POLICY_NAMES = ['news-reader', 'dompurify'] as const;

interface ScriptUrlPolicy {
  createScriptURL(url: string): TrustedScriptURL;
  createScript(text: string): TrustedScript;
}

let policy: ScriptUrlPolicy | null | undefined;

function scriptUrlPolicy(): ScriptUrlPolicy | null {
  if (policy !== undefined) return policy;
  const factory = (globalThis as { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes;
  try {
    policy = factory ? factory.createPolicy(TRUSTED_TYPES_POLICY_NAMES[0], { createScriptURL: checkScriptUrl, createScript: checkJson }) : null;
  } catch (error) {
    // The page's CSP does not allow our policy name: sinks will then be refused by the browser
    // with a violation report that says so, which is the operator's cue to fix the header.
    console.warn('[news] Trusted Types policy "news-reader" could not be created:', error);
    policy = null;
  }
  return policy;
}

/**
 * Whether a script URL is one of the app's own built files: same origin, under the build's
 * `assets/` folder, a `.js` file. In development (no CSP, Vite serves sources) any same-origin
 * URL is accepted.
 */
export function isOwnScriptUrl(
  url: string,
  { origin = globalThis.location?.origin, base = import.meta.env.BASE_URL, dev = import.meta.env.DEV } = {},
): boolean {
  if (!origin) return false;
  let parsed: URL;
  try {
    parsed = new URL(url, origin);
  } catch {
    return false;
  }
  if (parsed.origin !== origin) return false;
  if (dev) return true;
  // The built assets, and the service worker (generated at the site's root by vite-plugin-pwa).
  if (parsed.pathname === `${base}sw.js`) return true;
  return parsed.pathname.startsWith(`${base}assets/`) && parsed.pathname.endsWith('.js');
}

function checkScriptUrl(url: string): string {
  if (!isOwnScriptUrl(url)) throw new TypeError(`Refusing to load a script from ${url}: not one of this app's files`);
  return url;
}

/**
 * A script URL for `new Worker()`: a TrustedScriptURL where the browser has Trusted Types, the
 * URL itself elsewhere. Throws for any URL that is not one of the app's own built files.
 * (Typed as string because TypeScript's DOM types do not know Trusted Types yet.)
 */
export function trustedScriptUrl(url: string): string {
  const p = scriptUrlPolicy();
  if (p) return p.createScriptURL(url) as unknown as string;
  return checkScriptUrl(url);
}

function checkJson(text: string): string {
  try {
    JSON.parse(text);
  } catch {
    throw new TypeError('Refusing script text that is not JSON');
  }
  return text;
}

/**
 * Text for a `<script type="application/ld+json">` element: a TrustedScript where the browser has
 * Trusted Types (the text of any script element is a sink, whatever its type), the text itself
 * elsewhere. Throws unless the text is JSON.
 */
export function trustedJsonScript(json: string): string {
  const p = scriptUrlPolicy();
  if (p) return p.createScript(json) as unknown as string;
  return checkJson(json);
}
