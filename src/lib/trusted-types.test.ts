import { describe, expect, it } from 'vitest';
import { isOwnScriptUrl, TRUSTED_TYPES_POLICY_NAMES, trustedJsonScript, trustedScriptUrl } from './trusted-types.ts';
import { contentSecurityPolicy, securityHeaders, TRUSTED_TYPES_POLICIES } from '../../build/security-headers.mjs';

const ORIGIN = 'https://news.example';

describe('the news-reader Trusted Types policy', () => {
  it('accepts only the build’s own script files', () => {
    const prod = { origin: ORIGIN, base: '/', dev: false };
    expect(isOwnScriptUrl('/assets/search.worker-Cph7DjNn.js', prod)).toBe(true);
    expect(isOwnScriptUrl('https://news.example/assets/search.worker-x.js', prod)).toBe(true);
    for (const bad of ['https://evil.example/assets/x.js', '//evil.example/assets/x.js', '/data/feed.json', '/assets/../x.js', '/assets/x.js.map', 'data:text/javascript,alert(1)', 'javascript:alert(1)', 'blob:https://news.example/123']) {
      expect(isOwnScriptUrl(bad, prod), bad).toBe(false);
    }
    expect(isOwnScriptUrl('/reader/assets/w.js', { origin: ORIGIN, base: '/reader/', dev: false })).toBe(true);
    expect(isOwnScriptUrl('/assets/w.js', { origin: ORIGIN, base: '/reader/', dev: false })).toBe(false);
  });

  it('in development accepts any same-origin URL (Vite serves sources), still no other origin', () => {
    const dev = { origin: ORIGIN, base: '/', dev: true };
    expect(isOwnScriptUrl('/src/features/search/worker/search.worker.ts?worker_file&type=module', dev)).toBe(true);
    expect(isOwnScriptUrl('https://evil.example/x.js', dev)).toBe(false);
  });

  it('refuses a foreign script URL even where the browser has no Trusted Types (jsdom)', () => {
    expect(() => trustedScriptUrl('https://evil.example/x.js')).toThrow(TypeError);
  });

  it('makes script text only out of JSON (the JSON-LD), never out of code', () => {
    expect(trustedJsonScript('{"@type":"NewsArticle","headline":"a \\u003c/script> b"}')).toContain('NewsArticle');
    for (const code of ['alert(1)', '{"a":1};alert(1)', '', '</script><script>alert(1)</script>']) {
      expect(() => trustedJsonScript(code), code).toThrow(TypeError);
    }
  });
});

describe('the Content Security Policy', () => {
  it('lists exactly the policies the app creates', () => {
    expect([...TRUSTED_TYPES_POLICIES].sort()).toEqual([...TRUSTED_TYPES_POLICY_NAMES].sort());
    expect(contentSecurityPolicy()).toContain(`trusted-types ${TRUSTED_TYPES_POLICIES.join(' ')}`);
  });

  it('is strict: no unsafe-*, Trusted Types required, no plugins, no <base>', () => {
    const csp = contentSecurityPolicy();
    expect(csp).not.toMatch(/unsafe-|\*/);
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'", "require-trusted-types-for 'script'"]) {
      expect(csp).toContain(directive);
    }
  });

  it('takes frame-ancestors from CSP_FRAME_ANCESTORS and refuses values that would inject directives', () => {
    expect(securityHeaders({})['Content-Security-Policy']).toContain("frame-ancestors 'self';");
    expect(securityHeaders({ CSP_FRAME_ANCESTORS: "'none'" })['Content-Security-Policy']).toContain("frame-ancestors 'none';");
    expect(securityHeaders({ CSP_FRAME_ANCESTORS: "'self' https://portal.example.org" })['Content-Security-Policy']).toContain(
      "frame-ancestors 'self' https://portal.example.org;",
    );
    expect(() => securityHeaders({ CSP_FRAME_ANCESTORS: "* ; script-src 'unsafe-inline'" })).toThrow(/CSP_FRAME_ANCESTORS/);
    expect(() => securityHeaders({ CSP_FRAME_ANCESTORS: ' ' })).toThrow(/CSP_FRAME_ANCESTORS/);
  });

  it('adds the origins in CSP_SOURCE_ORIGINS to connect-src and img-src (a WordPress over plain http)', () => {
    expect(securityHeaders({})['Content-Security-Policy']).toContain("connect-src 'self' https:;");
    const csp = securityHeaders({ CSP_SOURCE_ORIGINS: ' http://127.0.0.1:8080  http://wp.agency.internal ' })['Content-Security-Policy'];
    expect(csp).toContain("connect-src 'self' https: http://127.0.0.1:8080 http://wp.agency.internal;");
    expect(csp).toContain("img-src 'self' https: data: http://127.0.0.1:8080 http://wp.agency.internal;");
    expect(csp).toContain("script-src 'self';");
    expect(() => securityHeaders({ CSP_SOURCE_ORIGINS: "http://a; script-src 'unsafe-eval'" })).toThrow(/CSP_SOURCE_ORIGINS/);
  });

  it('allows WebAssembly, and nothing else, only with CSP_ALLOW_WASM=1 (an archive’s Pagefind search)', () => {
    const strict = securityHeaders({})['Content-Security-Policy'] ?? '';
    const wasm = securityHeaders({ CSP_ALLOW_WASM: '1' })['Content-Security-Policy'];
    expect(wasm).toBe(strict.replace("script-src 'self';", "script-src 'self' 'wasm-unsafe-eval';"));
    expect(securityHeaders({ CSP_ALLOW_WASM: 'true' })['Content-Security-Policy']).toBe(strict);
  });
});
