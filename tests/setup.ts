import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { server } from './mocks/server.ts';

/*
 * As in Epic Stack's test setup: MSW refuses unknown requests, and a console.error in a test is
 * a failure (React reports bugs through it: act warnings, key warnings, hydration errors).
 */
// The default 1 s for findBy* is too tight on a shared 2-core CI machine; a real failure still fails.
configure({ asyncUtilTimeout: 5000 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  cleanup();
});
afterAll(() => server.close());

let errors: unknown[][] = [];
const originalError = console.error;
beforeEach(() => {
  errors = [];
  console.error = (...args: unknown[]) => {
    errors.push(args);
    originalError(...args);
  };
});
afterEach(() => {
  console.error = originalError;
  if (errors.length > 0) {
    const first = errors[0]?.map(String).join(' ') ?? '';
    throw new Error(`console.error was called ${errors.length} time(s) during the test. First: ${first}`);
  }
});

// jsdom lacks these; the app feature-detects them, tests give it the browser's shape.
Object.defineProperty(window, 'scrollTo', { value: () => {}, writable: true });
if (!HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}
