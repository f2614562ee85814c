import { describe, expect, it } from 'vitest';
import type { SearchDoc } from '../engine/types.ts';
import { createSearchClient } from './search-client.ts';
import { isAbortError } from './search-lanes.ts';
import type { WorkerLike } from './search-client.ts';
import { createRequestHandler } from './search-protocol.ts';
import type { SearchRequest, SearchResponse } from './search-protocol.ts';

const docs: SearchDoc[] = [
  { id: 'a', headline: 'Rice harvest beats forecasts', tags: ['farming'], bodyText: 'A record rice crop.' },
  { id: 'b', headline: 'Football cup final', tags: ['sport'], bodyText: 'A late goal.' },
  { id: 'c', headline: 'Rice prices fall', tags: ['farming'], bodyText: 'Cheaper rice.' },
];

/** A Worker stand-in that runs the real worker handler asynchronously, in order. */
function fakeWorker(delayMs = 5) {
  const handle = createRequestHandler();
  const received: SearchRequest[] = [];
  let chain = Promise.resolve();
  const worker: WorkerLike & { received: SearchRequest[]; terminated: boolean; crash(): void } = {
    onmessage: null,
    onerror: null,
    received,
    terminated: false,
    postMessage(message) {
      received.push(structuredClone(message));
      chain = chain
        .then(() => new Promise((r) => setTimeout(r, delayMs)))
        .then(async () => {
          if (worker.terminated) return;
          const response: SearchResponse = await handle(structuredClone(message));
          worker.onmessage?.({ data: response } as MessageEvent<SearchResponse>);
        });
    },
    terminate() {
      worker.terminated = true;
    },
    crash() {
      worker.onerror?.(new ErrorEvent('error', { message: 'boom' }));
    },
  };
  return worker;
}

const searches = (w: { received: SearchRequest[] }) => w.received.filter((m) => m.type === 'search');

describe('search client', () => {
  it('runs on the main thread where Worker does not exist (jsdom) and for small corpora', async () => {
    const client = createSearchClient();
    await client.build(docs, 'v1');
    expect(client.mode).toBe('main');
    const result = await client.search('rice');
    expect(result.hits.map((h) => h.id).sort()).toEqual(['a', 'c']);

    const worker = fakeWorker();
    const small = createSearchClient({ createWorker: () => worker });
    await small.build(docs, 'v1');
    expect(small.mode).toBe('main');
    expect(worker.received).toEqual([]);
  });

  it('builds and searches in the worker for corpora at the threshold, sending only indexed fields', async () => {
    const worker = fakeWorker();
    const client = createSearchClient({ createWorker: () => worker, workerThreshold: 2 });
    const articles = docs.map((d) => ({ ...d, bodyHtml: '<p>x</p>', byline: [], sourceId: 's' }));
    await client.build(articles, 'v1');
    expect(client.mode).toBe('worker');
    const build = worker.received[0];
    expect(build?.type === 'build' && Object.keys(build.docs[0]!).sort()).toEqual([
      'bodyText',
      'headline',
      'id',
      'tags',
    ]);
    const result = await client.search('football');
    expect(result.hits.map((h) => h.id)).toEqual(['b']);
  });

  it('makes queries sent before or during a build wait for it', async () => {
    const worker = fakeWorker(10);
    const client = createSearchClient({ createWorker: () => worker, workerThreshold: 2 });
    const early = client.search('goal');
    const built = client.build(docs, 'v1');
    const during = client.search('rice', { limit: 1 });
    await built;
    expect((await early).hits.map((h) => h.id)).toEqual(['b']);
    expect((await during).total).toBe(2);
  });

  it('does not rebuild for the same version', async () => {
    const worker = fakeWorker();
    const client = createSearchClient({ createWorker: () => worker, workerThreshold: 2 });
    await client.build(docs, 'v1');
    await client.build([...docs], 'v1');
    expect(worker.received.filter((m) => m.type === 'build')).toHaveLength(1);
    await client.build(docs.slice(0, 2), 'v2');
    expect((await client.search('prices')).total).toBe(0);
  });

  it('uses the latest build when an older one finishes later', async () => {
    const worker = fakeWorker(20);
    const client = createSearchClient({ createWorker: () => worker, workerThreshold: 3 });
    const older = client.build(docs, 'v1'); // 3 documents: worker, slow
    const newer = client.build(docs.slice(1), 'v2'); // 2 documents: main thread, fast
    await Promise.all([older, newer]);
    expect(client.mode).toBe('main');
    expect((await client.search('rice')).hits.map((h) => h.id)).toEqual(['c']);
  });

  it('lets the latest query win: queued ones are superseded and never sent', async () => {
    const worker = fakeWorker(10);
    const client = createSearchClient({ createWorker: () => worker, workerThreshold: 2 });
    const built = client.build(docs, 'v1');
    const settled = Promise.allSettled(['r', 'ri', 'ric', 'rice'].map((q) => client.search(q)));
    await built;
    const outcomes = await settled;
    expect(outcomes.slice(0, 3).every((o) => o.status === 'rejected' && isAbortError(o.reason))).toBe(true);
    expect(outcomes[3]?.status === 'fulfilled' && outcomes[3].value.total).toBe(2);
    expect(searches(worker).map((m) => m.type === 'search' && m.query)).toEqual(['rice']);
  });

  it('drops the response of a query superseded while it ran', async () => {
    const worker = fakeWorker(10);
    const client = createSearchClient({ createWorker: () => worker, workerThreshold: 2 });
    await client.build(docs, 'v1');
    const first = client.search('rice');
    const firstOutcome = expect(first).rejects.toSatisfy(isAbortError);
    await new Promise((r) => setTimeout(r, 1)); // first is now in the worker
    const second = client.search('football');
    await firstOutcome;
    expect((await second).hits.map((h) => h.id)).toEqual(['b']);
  });

  it('keeps lanes apart: different options (or lanes) do not cancel each other', async () => {
    const client = createSearchClient();
    await client.build(docs, 'v1');
    const suggestions = client.search('rice', { limit: 5 });
    const page = client.search('rice', { limit: 20 });
    const other = client.search('goal', { limit: 20 }, { lane: 'other' });
    expect((await suggestions).total).toBe(2);
    expect((await page).total).toBe(2);
    expect((await other).total).toBe(1);
  });

  it('rejects an aborted search', async () => {
    const client = createSearchClient();
    const controller = new AbortController();
    const pending = client.search('rice', {}, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toSatisfy(isAbortError);
    void client.build(docs, 'v1');
    expect((await client.search('rice')).total).toBe(2);
  });

  it('falls back to the main thread when the worker fails, answering what was pending', async () => {
    const worker = fakeWorker(20);
    const client = createSearchClient({ createWorker: () => worker, workerThreshold: 2 });
    const built = client.build(docs, 'v1');
    const pending = client.search('rice');
    worker.crash();
    await built;
    expect(client.mode).toBe('main');
    expect(worker.terminated).toBe(true);
    expect((await pending).total).toBe(2);

    const broken = createSearchClient({
      createWorker: () => {
        throw new Error('CSP says no');
      },
      workerThreshold: 2,
    });
    await broken.build(docs, 'v1');
    expect(broken.mode).toBe('main');
  });
});
