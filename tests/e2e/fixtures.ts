// Playwright Test fixtures of the browser tests. Import `test` and `expect` from here, not from
// @playwright/test: every page a test opens then
// - fails the test on any console error, uncaught exception or CSP violation (the server sends the
//   production CSP with Trusted Types), unless the test declares that error expected with a reason;
// - is checked with axe: a test checks a page in the state it cares about (`a11y`, `c.axe`), and
//   at the end every other URL the test visited is opened again and checked, so none is forgotten.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import { checkedUrls, expectNoAxeViolations } from './a11y.ts';
import { skipBanner } from './env.mjs';
import { ROOT } from './server.mjs';
import { VIEWPORTS, type ViewportName } from './support.ts';

export { expect };

/** An error a test expects (a failed request it provoked, a violation it tests for), and why. */
export interface ExpectedError {
  pattern: RegExp;
  why: string;
}

export interface CspViolation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
  line: number;
  disposition: string;
  url: string;
}

export interface SessionOptions {
  /** Defaults to the project's viewport. */
  viewport?: ViewportName;
  /** Defaults to the CSP-serving server of the run. */
  baseURL?: string;
  /** Passed to browser.newContext as they are (e.g. `{ serviceWorkers: 'block' }`). */
  contextOptions?: BrowserContextOptions;
  /** Console errors and violations the test provokes on purpose. */
  expectedErrors?: ExpectedError[];
  /**
   * Opt out of the end-of-test axe check of visited URLs (all, or those matching `urls`), with the
   * reason (an annotation in the report).
   */
  skipA11yRevisit?: string | { urls: RegExp; why: string };
}

/** A browser context with one page, at a viewport, recording errors; closed by the fixture. */
export interface Session {
  context: BrowserContext;
  page: Page;
  viewport: ViewportName;
  /** Console errors, uncaught exceptions and CSP violations so far (expected ones included). */
  errors: string[];
  violations: CspViolation[];
  /** Declare an error expected from now on (pattern and reason). */
  expectError(pattern: RegExp, why: string): void;
  /** The errors not declared expected. */
  unexpectedErrors(): string[];
  /** axe the page in its current state (also marks its URL as checked). */
  a11y(label: string, page?: Page): Promise<void>;
  /** Run the end-of-session checks (axe on unchecked visited URLs), then close the context. */
  close(): Promise<void>;
}

/**
 * Console errors that are not the app's fault, on any page. Each entry: a pattern and why it is
 * benign. Keep this list short; everything else logged as an error fails the test.
 */
export const BENIGN_CONSOLE: ExpectedError[] = [
  // (none so far)
];

declare global {
  interface Window {
    __reportCspViolation?: (v: Omit<CspViolation, 'url'>) => void;
  }
}

/** What the sessions of one test share: the problems found, and the URLs axe has checked. */
interface TestRecord {
  problems: string[];
  /** A URL checked in one session of a test is not checked again in the next. */
  checked: Set<string>;
}

async function createSession(browser: Browser, options: SessionOptions & { viewport: ViewportName; baseURL: string }, record: TestRecord): Promise<Session> {
  const { problems } = record;
  const { viewport, baseURL, contextOptions = {} } = options;
  const expected = [...BENIGN_CONSOLE, ...(options.expectedErrors ?? [])];
  const context = await browser.newContext({
    ...VIEWPORTS[viewport],
    baseURL,
    locale: 'en-US',
    timezoneId: 'Asia/Vientiane',
    reducedMotion: 'reduce',
    ...contextOptions,
  });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(20_000);
  const errors: string[] = [];
  const violations: CspViolation[] = [];
  const visited = new Set<string>();
  let revisiting = false; // the end-of-test axe pass: its pages are not the test's

  await context.exposeBinding('__reportCspViolation', ({ page: from }, v: Omit<CspViolation, 'url'>) => {
    if (revisiting) return;
    violations.push({ ...v, url: from.url() });
    errors.push(`CSP violation on ${from.url()}: ${v.directive} blocked ${v.blocked || '(inline)'}${v.sample ? ` sample "${v.sample}"` : ''} at ${v.source}:${v.line}`);
  });
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        window.__reportCspViolation?.({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber, disposition: e.disposition });
      },
      true,
    );
  });

  const watched = new WeakSet<Page>();
  const watch = (page: Page) => {
    if (watched.has(page)) return;
    watched.add(page);
    page.on('console', (msg) => {
      if (revisiting || msg.type() !== 'error') return;
      const loc = msg.location();
      errors.push(`console.error on ${page.url()}: ${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    });
    page.on('pageerror', (err) => {
      if (!revisiting) errors.push(`pageerror on ${page.url()}: ${err.stack ?? err.message}`);
    });
    page.on('framenavigated', (frame) => {
      if (!revisiting && frame === page.mainFrame() && /^https?:/.test(frame.url())) visited.add(frame.url());
    });
  };
  context.on('page', watch);
  const page = await context.newPage();
  watch(page);

  let closed = false;
  const unexpectedErrors = () => errors.filter((e) => !expected.some((x) => x.pattern.test(e)));
  const session: Session = {
    context,
    page,
    viewport,
    errors,
    violations,
    expectError: (pattern, why) => void expected.push({ pattern, why }),
    unexpectedErrors,
    a11y: async (label, p = page) => void (await expectNoAxeViolations(p, label)),
    async close() {
      if (closed) return;
      closed = true;
      const skip = options.skipA11yRevisit;
      if (typeof skip === 'string') {
        base.info().annotations.push({ type: 'axe not re-run on visited pages', description: skip });
      } else {
        if (skip) base.info().annotations.push({ type: `axe not re-run on visited pages matching ${skip.urls}`, description: skip.why });
        revisiting = true;
        const done = checkedUrls(context);
        // One URL per page: visited URLs are grouped by path and hash route, since their query
        // strings change with every key typed into search-as-you-type (and with paging); a group
        // with a URL checked already is done, otherwise its last URL is checked.
        const pageKey = (url: string) => {
          const u = new URL(url);
          return `${u.origin}${u.pathname}${u.hash}`;
        };
        const checkedPages = new Set([...done, ...record.checked].map(pageKey));
        const last = new Map<string, string>();
        for (const url of visited) if (!checkedPages.has(pageKey(url)) && !skip?.urls.test(url)) last.set(pageKey(url), url);
        for (const url of last.values()) {
          const p = await context.newPage();
          try {
            await p.goto(url);
            await p.locator('main h1').first().waitFor({ timeout: 10_000 }).catch(() => {});
            await p.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
            await expectNoAxeViolations(p, `${url} (visited by the test; checked at its end)`);
            checkedPages.add(pageKey(url));
          } catch (e) {
            problems.push((e as Error).message);
          } finally {
            done.add(url);
            await p.close();
          }
        }
        for (const url of done) record.checked.add(url);
      }
      await context.close();
      const unexpected = unexpectedErrors();
      if (unexpected.length) problems.push(`${unexpected.length} error(s) in the page (${viewport}):\n${unexpected.map((e) => `  ✗ ${e}`).join('\n')}`);
    },
  };
  return session;
}

/** The directory of the big shared corpora: CORPORA_DIR, by default <repo>/../shared/data. */
export const CORPORA_DIR = process.env.CORPORA_DIR ?? join(ROOT, '../shared/data');

/**
 * Skip the test loudly (or fail it, with CORPORA_REQUIRED=1) because `what` is missing; `how`
 * says how to get it.
 */
export function missing(what: string, how: string): never {
  if (process.env.CORPORA_REQUIRED === '1') throw new Error(`MISSING (CORPORA_REQUIRED=1 makes this a failure): ${what} (${how})`);
  const message = `SKIPPED: ${what} (${how})`;
  console.log(skipBanner(message));
  base.skip(true, message);
  throw new Error('unreachable');
}

interface Fixtures {
  /** The viewport of the project (phone 360×740, desktop 1280×800). */
  vp: ViewportName;
  /** More sessions (other viewport, context options, another server); checked and closed at the end. */
  openSession: (options?: SessionOptions) => Promise<Session>;
  /** The test's session at the project's viewport; `page` and `context` are its. */
  session: Session;
  /** Options of the default session (`test.use({ sessionOptions: { ... } })`). */
  sessionOptions: SessionOptions;
  /** The URL of the server that serves dist/ with the production security headers. */
  appURL: string;
  /** The path of a file of the shared corpora (relative to CORPORA_DIR), or a loud skip. */
  corpus: (relative: string, what: string) => string;
  /** WP_URL (a WordPress with the sample posts), or a loud skip. */
  wpURL: string;
}

export const test = base.extend<Fixtures>({
  vp: ['desktop', { option: true }],
  sessionOptions: [{}, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  appURL: async ({}, use) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error('E2E_BASE_URL is not set: run the tests through `npm run test:e2e` (global-setup.ts starts the server)');
    await use(url);
  },
  baseURL: async ({ appURL }, use) => use(appURL),
  openSession: async ({ browser, vp, appURL }, use) => {
    const sessions: Session[] = [];
    const record: TestRecord = { problems: [], checked: new Set() };
    await use(async (options = {}) => {
      const s = await createSession(browser, { ...options, viewport: options.viewport ?? vp, baseURL: options.baseURL ?? appURL }, record);
      sessions.push(s);
      return s;
    });
    for (const s of sessions) await s.close();
    expect(record.problems, 'console errors, uncaught exceptions, CSP violations and axe on the visited pages').toEqual([]);
  },
  session: async ({ openSession, sessionOptions }, use) => use(await openSession(sessionOptions)),
  context: async ({ session }, use) => use(session.context),
  page: async ({ session }, use) => use(session.page),
  // eslint-disable-next-line no-empty-pattern
  corpus: async ({}, use) =>
    use((relative, what) => {
      const file = join(CORPORA_DIR, relative);
      if (!existsSync(file)) missing(`${what}: ${file} does not exist`, 'set CORPORA_DIR to the shared data folder; by default <repo>/../shared/data');
      return file;
    }),
  // eslint-disable-next-line no-empty-pattern
  wpURL: async ({}, use) => {
    const url = process.env.WP_URL?.replace(/\/+$/, '');
    if (!url) missing('WordPress integration: WP_URL is not set', 'start ../shared/tools/wordpress/start.sh, import the posts as .ci/run does, and set WP_URL=http://127.0.0.1:8080');
    await use(url);
  },
});
