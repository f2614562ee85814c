#!/usr/bin/env node
// The HTTP layer under the production server, chosen by measurement (docs/decisions/067-http-layer.md):
// plain node:http vs Hono on @hono/node-server vs Fastify, each answering what the server answers
// most, a page-cache HIT: a 30 KB HTML page from memory with the headers such an answer has.
// Each server runs in its own process (one core for it, one for autocannon); 50 connections,
// 10 s per round after a 2 s warm-up, rounds interleaved (node, hono, fastify, node, …); the
// median round is reported, with each layer's requests/s against node:http's in the same round
// (median of the rounds). Loopback only.
//
//   npm run bench:http-layer -- [--rounds=N] [--seconds=S]     (default: 3 rounds of 10 s)
//
// Reports, enforces nothing: the figures are for the decision record. hono, @hono/node-server and
// fastify are devDependencies for this benchmark only; the server does not use them.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const LAYERS = ['node:http', 'hono', 'fastify'];
const PAGE_BYTES = 30 * 1024;

/** A page like a rendered article (markup, not random bytes), exactly PAGE_BYTES long. */
function page() {
  const head =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title></head><body><main><article>';
  const tail = '</article></main></body></html>';
  let body = '';
  for (let i = 0; body.length < PAGE_BYTES; i++)
    body += `<p>Paragraph ${i} of a cached page, as the page cache keeps it: the body already rendered and encoded.</p>\n`;
  return Buffer.from((head + body).slice(0, PAGE_BYTES - tail.length) + tail);
}

/** The headers of a page-cache HIT (server/app.ts), without the CSP's length mattering much. */
function headers(body) {
  return {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'public, max-age=0, s-maxage=60, stale-while-revalidate=600, stale-if-error=86400',
    'x-cache': 'HIT',
    age: '3',
    vary: 'Accept-Encoding',
    etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
  };
}

/** Child process: serve the page with one layer on a free port and say which on stdout. */
async function serve(layer) {
  const body = page();
  const h = headers(body);
  const ready = (port) => process.stdout.write(`${JSON.stringify({ port })}\n`);
  if (layer === 'node:http') {
    const { createServer } = await import('node:http');
    const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
      res.statusCode = 200;
      for (const [k, v] of Object.entries(h)) res.setHeader(k, v);
      res.setHeader('content-length', body.byteLength);
      res.end(body);
    });
    server.listen(0, '127.0.0.1', () => ready(server.address().port));
  } else if (layer === 'hono') {
    const { Hono } = await import('hono');
    const { serve: honoServe } = await import('@hono/node-server');
    const app = new Hono();
    app.get('*', (c) => c.body(body, 200, h));
    const server = honoServe({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      ready(info.port),
    );
    server.keepAliveTimeout = 65_000;
  } else if (layer === 'fastify') {
    const { default: Fastify } = await import('fastify');
    const app = Fastify({ logger: false, keepAliveTimeout: 65_000 });
    app.get('*', (_req, reply) => reply.headers(h).send(body));
    await app.listen({ port: 0, host: '127.0.0.1' });
    ready(app.server.address().port);
  } else throw new Error(`unknown layer ${layer}`);
}

function start(layer) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), `--serve=${layer}`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${layer} exited (${code}) before listening`)));
    child.stdout.once('data', (d) =>
      resolve({ child, url: `http://127.0.0.1:${JSON.parse(String(d)).port}/articles/1/an-article` }),
    );
  });
}

const load = (url, seconds) =>
  autocannon({ url, connections: 50, duration: seconds, headers: { 'accept-encoding': 'identity' } });

async function measure(layer, seconds) {
  const { child, url } = await start(layer);
  try {
    const check = await fetch(url);
    const got = (await check.arrayBuffer()).byteLength;
    if (check.status !== 200 || got !== PAGE_BYTES)
      throw new Error(`${layer}: answered ${check.status} with ${got} bytes`);
    await load(url, 2);
    const r = await load(url, seconds);
    return {
      layer,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      non2xx: r.non2xx + r.errors + r.timeouts,
    };
  } finally {
    child.kill('SIGTERM');
  }
}

const arg = (name, fallback) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : fallback;
};

const serving = arg('serve');
if (serving) {
  await serve(serving);
} else {
  const rounds = Number(arg('rounds', 3));
  const seconds = Number(arg('seconds', 10));
  const runs = Object.fromEntries(LAYERS.map((l) => [l, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const layer of LAYERS) {
      const r = await measure(layer, seconds);
      runs[layer].push(r);
      console.log(
        `  round ${round}/${rounds} ${layer.padEnd(9)} ${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx/errors ${r.non2xx}`,
      );
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const medianRun = (rs) => [...rs].sort((a, b) => a.rps - b.rps)[Math.floor(rs.length / 2)];
  // The host's load moves every layer together from one round to the next: the ratio to
  // node:http within each round is steadier than the ratio of the medians.
  const ratio = (layer) => median(runs[layer].map((r, i) => r.rps / runs['node:http'][i].rps));
  console.log(
    `\nHTTP layer, a 30 KB cached page from memory, 50 connections, ${seconds} s, median of ${rounds} round(s), Node ${process.version}\n`,
  );
  console.log('| layer | requests/s | vs node:http in the same round | p50 ms | p99 ms | non-2xx/errors |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const layer of LAYERS) {
    const r = medianRun(runs[layer]);
    console.log(
      `| ${layer} | ${Math.round(r.rps)} | ${(ratio(layer) * 100).toFixed(0)} % | ${r.p50} | ${median(runs[layer].map((x) => x.p99))} | ${r.non2xx} |`,
    );
  }
}
