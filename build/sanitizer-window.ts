/**
 * DOMPurify (the article body sanitizer) binds to a `window` when it is first imported: give it a
 * jsdom one, for that import only, so article bodies are sanitized in Node exactly as in the
 * browser. Used by the build's prerender step and by the production server.
 */
export async function prepareSanitizer(): Promise<void> {
  const { JSDOM } = await import('jsdom');
  const g = globalThis as { window?: unknown };
  g.window = new JSDOM('').window;
  try {
    await import('dompurify');
  } finally {
    delete g.window;
  }
}
