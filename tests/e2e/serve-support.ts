// The production server (`npm run serve`, dist-server/server.mjs) as the browser tests and
// bench:serve start it, and the pieces around it: a counting, switchable proxy in front of a
// source (to count upstream requests and to take the source down mid-test), and nginx with
// proxy_cache in front of several instances.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ROOT } from './server.mjs';

export const SERVER_ENTRY = join(ROOT, 'dist-server/server.mjs');
/** The Node flags `npm run serve` gives the server (package.json): tests and benchmarks start it the same way. */
export const SERVE_NODE_FLAGS = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { serve: string } }
).scripts.serve
  .split(/\s+/)
  .filter((arg) => arg.startsWith('--'));

export interface Served {
  url: string;
  /** Every JSON line the server logged so far (access log and events). */
  logs: Record<string, unknown>[];
  child: ChildProcess;
  configFile: string;
  /** Replace config.json (the server notices within a second or on SIGHUP). */
  writeConfig(config: object): void;
  /** Send a signal and wait for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Start `node dist-server/server.mjs` on a free port with `config` as its config.json. */
export async function startServe({
  config,
  env = {},
}: {
  config: object;
  env?: Record<string, string>;
}): Promise<Served> {
  if (!existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run npm run build`);
  const dir = mkdtempSync(join(tmpdir(), 'news-serve-'));
  const configFile = join(dir, 'config.json');
  writeFileSync(configFile, JSON.stringify(config));
  // Port 0: the system picks a free one and the server says which in its "listening" line.
  const child = spawn(process.execPath, [...SERVE_NODE_FLAGS, SERVER_ENTRY], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NEWS_CONFIG: configFile, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  let buffered = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const ready = new Promise<string>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${stderr}`)));
    child.stdout!.on('data', (d: Buffer) => {
      buffered += d.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        try {
          const parsed = JSON.parse(line) as Record<string, unknown>;
          logs.push(parsed);
          if (parsed.event === 'listening') resolve(String(parsed.url).replace(/\/$/, ''));
        } catch {
          logs.push({ raw: line });
        }
      }
    });
  });
  const timeout = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const url = await ready.finally(() => clearTimeout(timeout));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    url,
    logs,
    child,
    configFile,
    writeConfig: (c) => writeFileSync(configFile, JSON.stringify(c)),
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      const code = await exited;
      rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}

export interface CountingProxy {
  url: string;
  /** Requests forwarded, by path and query. */
  counts: Map<string, number>;
  total(): number;
  /** The source goes down: connections are refused until `up()`. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

/** An HTTP proxy to `target` that counts what passes and can be switched off like a crashed CMS. */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const port = await freePort();
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const origin = new URL(target);
  let server: Server | undefined;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      if (server) return resolve(); // already up
      server = createServer((req, res) => {
        counts.set(req.url ?? '', (counts.get(req.url ?? '') ?? 0) + 1);
        const upstream = httpRequest(
          {
            host: origin.hostname,
            port: origin.port,
            path: req.url,
            method: req.method,
            headers: { ...req.headers, host: origin.host },
          },
          (up: IncomingMessage) => {
            // WordPress writes its own URLs into its answers; the reader should keep talking to the proxy.
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          },
        );
        upstream.on('error', () => {
          res.statusCode = 502;
          res.end();
        });
        req.pipe(upstream);
      });
      server.on('connection', (s) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
      server = undefined;
    });
  await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    down: stop,
    up: listen,
    close: stop,
  };
}

export const NGINX_CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx'];
export const findNginx = (): string | undefined => NGINX_CANDIDATES.find((p) => existsSync(p));

export interface Nginx {
  url: string;
  accessLog: string;
  stop(): void;
}

/**
 * Debian's nginx as a caching reverse proxy in front of `upstreams` (proxy_cache honouring the
 * server's Cache-Control: s-maxage, stale-while-revalidate, stale-if-error), in a private prefix
 * so it needs no root and touches no system configuration.
 */
export async function startNginx(upstreams: string[]): Promise<Nginx> {
  const nginx = findNginx();
  if (!nginx) throw new Error('nginx is not installed');
  const prefix = mkdtempSync(join(tmpdir(), 'news-nginx-'));
  for (const d of ['cache', 'tmp', 'logs']) mkdirSync(join(prefix, d));
  const port = await freePort();
  const accessLog = join(prefix, 'logs/access.log');
  // As root (CI), nginx's workers would switch to an unprivileged user that cannot write this
  // private prefix; they keep the test's user instead.
  const user = process.getuid?.() === 0 ? 'user root root;' : '';
  const conf = `
${user}
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
daemon off;
events { worker_connections 256; }
http {
  access_log ${accessLog};
  client_body_temp_path ${prefix}/tmp/body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;
  log_format cache '$request_uri $status $upstream_cache_status $upstream_addr';
  proxy_cache_path ${prefix}/cache levels=1:2 keys_zone=news:10m max_size=100m inactive=1h use_temp_path=off;
  upstream news { ${upstreams.map((u) => `server ${new URL(u).host};`).join(' ')} }
  server {
    listen 127.0.0.1:${port};
    access_log ${prefix}/logs/cache.log cache;
    location / {
      proxy_pass http://news;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_cache news;
      proxy_cache_key $scheme$host$request_uri;
      proxy_cache_lock on;
      proxy_cache_background_update on;
      proxy_cache_use_stale error timeout updating http_500 http_502 http_503 http_504;
      proxy_cache_revalidate on;
      add_header X-Proxy-Cache $upstream_cache_status always;
    }
  }
}
`;
  const confFile = join(prefix, 'nginx.conf');
  writeFileSync(confFile, conf);
  const test = spawnSync(nginx, ['-t', '-p', prefix, '-c', confFile], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t failed: ${test.stderr}`);
  const child = spawn(nginx, ['-p', prefix, '-c', confFile], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(`${url}/healthz`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    accessLog: join(prefix, 'logs/cache.log'),
    stop() {
      child.kill('SIGQUIT');
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
