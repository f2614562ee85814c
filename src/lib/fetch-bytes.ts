import { fetchBody, type FetchJsonOptions } from './http.ts';

/**
 * GET a document as bytes (an XML feed, whose encoding only its bytes and headers tell), with the
 * same timeouts and typed errors as fetchJson. Apart from http.ts so that only the lazy rss
 * adapter carries it.
 */
export async function fetchBytes(url: string, accept: string, options: FetchJsonOptions = {}): Promise<{ bytes: Uint8Array; response: Response }> {
  const { body, response } = await fetchBody(url, accept, options, async (r) => new Uint8Array(await r.arrayBuffer()));
  return { bytes: body, response };
}
