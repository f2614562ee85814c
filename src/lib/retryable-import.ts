/**
 * A dynamic `import()` that can be tried again after its download failed.
 *
 * Browsers that follow the HTML spec's module map as it long stood remember a failed module fetch:
 * in Chromium 150 (Debian's, what our CI installs; checked), calling `import()` again for the same
 * URL rejects at once without asking the network, so one dropped connection would leave a page's
 * code missing until a reload.
 * The error names the module's URL (Chromium: "Failed to fetch dynamically imported module: URL",
 * Firefox: "error loading dynamically imported module: URL"); the next attempt imports that URL
 * with `?retry=N`, a new URL to the module map and to the HTTP cache, the same file to the server
 * (and to the service worker, which ignores the parameter: vite.config.ts). Its own imports
 * resolve to the same URLs as before, so shared modules (React, the app chunk) stay single.
 * Where the error names no URL the plain import is tried again (browsers that no longer cache the
 * failure then fetch it anew; not checked here).
 *
 * `load` must be the `() => import('…')` itself: the retry resolves to the module namespace, so a
 * `.then(m => m.X)` belongs after the call, not inside `load`.
 */
export function retryableImport<T>(
  load: () => Promise<T>,
  importUrl: (url: string) => Promise<unknown> = (url) => import(/* @vite-ignore */ url),
): () => Promise<T> {
  let failedUrl: string | undefined;
  let attempt = 0;
  const remember = (error: unknown): never => {
    failedUrl ??= failedModuleUrl(error);
    throw error;
  };
  return () => {
    if (failedUrl === undefined) return load().catch(remember);
    const url = new URL(failedUrl);
    url.searchParams.set('retry', String(++attempt));
    return (importUrl(url.href) as Promise<T>).catch(remember);
  };
}

/** The URL a failed dynamic import names in its error message, if any (http or https). */
export function failedModuleUrl(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const match = /dynamically imported module:?\s+(\S+)/i.exec(error.message);
  if (!match) return undefined;
  try {
    const url = new URL(match[1] ?? '');
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.searchParams.delete('retry');
    return url.href;
  } catch {
    return undefined;
  }
}
