import { FeedError } from './errors.ts';
import { noteResponse } from './connectivity.ts';

export interface FetchJsonOptions {
  /** Abort after this many milliseconds (default 10 s). */
  timeoutMs?: number;
  /** Caller's signal (TanStack Query passes one so unmounted queries cancel). */
  signal?: AbortSignal;
  /** Largest body we agree to parse, in bytes (default 50 MB). */
  maxBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * GET a JSON document and classify every way it can fail into a {@link FeedError}.
 * Returns the parsed value and the response (headers matter to some sources, e.g. WordPress paging).
 */
export async function fetchJson(url: string, options: FetchJsonOptions = {}): Promise<{ data: unknown; response: Response }> {
  const { body, response } = await fetchBody(url, 'application/feed+json, application/json', options, (r) => r.text());
  return { data: parseJsonText(body, url), response };
}

/**
 * GET `url` and read its body with `read`, every failure classified into a {@link FeedError}
 * (the reader's JSON, and the bytes of XML feeds: fetch-bytes.ts).
 */
export async function fetchBody<T extends { length: number }>(
  url: string,
  accept: string,
  { timeoutMs = DEFAULT_TIMEOUT_MS, signal, maxBytes = DEFAULT_MAX_BYTES }: FetchJsonOptions,
  read: (response: Response) => Promise<T>,
): Promise<{ body: T; response: Response }> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, { signal: combined, headers: { Accept: accept } });
  } catch (cause) {
    if (timeout.aborted) {
      throw new FeedError('timeout', url, `No answer within ${Math.round(timeoutMs / 1000)} s`, undefined, { cause });
    }
    if (signal?.aborted) throw cause; // cancelled by the caller: not an error to show
    throw new FeedError('network', url, 'The server could not be reached', undefined, { cause });
  }
  noteResponse(response);
  if (!response.ok) {
    throw new FeedError('http', url, `The server answered ${response.status} ${response.statusText}`.trim(), response.status);
  }
  const length = Number(response.headers.get('content-length') ?? '0');
  if (length > maxBytes) {
    throw new FeedError('too-large', url, `The file is ${formatMb(length)}, more than the ${formatMb(maxBytes)} accepted`);
  }
  let body: T;
  try {
    body = await read(response);
  } catch (cause) {
    if (timeout.aborted) throw new FeedError('timeout', url, 'The download did not finish in time', undefined, { cause });
    throw new FeedError('network', url, 'The download was interrupted', undefined, { cause });
  }
  if (body.length > maxBytes) {
    throw new FeedError('too-large', url, `The file is larger than the ${formatMb(maxBytes)} accepted`);
  }
  return { body, response };
}

/** Parse JSON text, telling HTML error pages and cut-off files apart from other garbage. */
export function parseJsonText(text: string, url: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const head = text.trimStart().slice(0, 200).toLowerCase();
    if (head.startsWith('<!doctype') || head.startsWith('<html') || head.startsWith('<')) {
      throw new FeedError('not-json', url, 'The server sent a web page (HTML) instead of JSON', undefined, { cause });
    }
    const trimmed = text.trimEnd();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      if (!trimmed.endsWith('}') && !trimmed.endsWith(']')) {
        throw new FeedError('truncated', url, 'The JSON ends early: the file is incomplete', undefined, { cause });
      }
    }
    if (trimmed.length === 0) throw new FeedError('not-json', url, 'The server sent an empty answer', undefined, { cause });
    throw new FeedError('not-json', url, 'The file is not valid JSON', undefined, { cause });
  }
}

function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
