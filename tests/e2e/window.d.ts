// What the tests put on `window` in the page (marks, probes, recorders): `__`-prefixed, of any
// shape, so unknown here; a test that reads one declares its type next to the test (declare global).
export {};

declare global {
  interface Window {
    [probe: `__${string}`]: unknown;
  }
}
