// What the tests put on `window` in the page (marks, probes, recorders): `__`-prefixed, any shape.
export {};

declare global {
  interface Window {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    [probe: `__${string}`]: any;
  }
}
