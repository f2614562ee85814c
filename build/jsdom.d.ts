// The one jsdom API build/prerender.ts uses (jsdom ships no types; @types/jsdom is not worth a dependency for this).
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: Window & typeof globalThis;
  }
}
