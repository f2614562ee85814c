/**
 * Typed errors for everything that crosses the network edge. Each names the resource it was
 * loading so the UI can say *which* feed failed and *why*, not just "something went wrong".
 */
export type FeedErrorKind =
  | 'network' // fetch rejected: offline, DNS, CORS, connection reset
  | 'timeout' // no answer within the configured time
  | 'http' // the server answered with a 4xx/5xx status
  | 'not-json' // the body is HTML or something else that is not JSON
  | 'truncated' // JSON that ends early (a cut connection, a half-written file)
  | 'shape' // valid JSON, but not the format we expected; XML that is not a well-formed feed
  | 'too-large'; // larger than we accept to parse

export class FeedError extends Error {
  override readonly name = 'FeedError';
  constructor(
    readonly kind: FeedErrorKind,
    /** The URL that was being loaded. */
    readonly url: string,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Network trouble and server errors are worth retrying; a 404 or a malformed file is not. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || (this.kind === 'http' && (this.status ?? 0) >= 500);
  }
}

export function isFeedError(error: unknown): error is FeedError {
  return error instanceof FeedError;
}

/**
 * A code chunk that did not download (a route, the sanitizer): the connection dropped. Browsers
 * word it differently: Chromium "Failed to fetch dynamically imported module", Firefox "error
 * loading dynamically imported module", Safari "Importing a module script failed".
 */
export function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && /dynamically imported module|module script failed/i.test(error.message);
}
