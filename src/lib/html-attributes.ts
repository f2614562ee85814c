/*
 * The attributes of every start tag in an HTML fragment, found as the HTML tokenizer finds them,
 * without building a DOM: one linear pass (decision 052), so hostile input cannot stall it. Used
 * to defuse inline code before parsing (defuse-inline.ts) and to make URLs absolute at the edge
 * (sources/absolute-urls.ts).
 */

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;

/** One attribute: its lower-cased name, where the name starts, and where its value lies (quotes excluded), if it has one. */
export interface AttributeAt {
  name: string;
  nameStart: number;
  value?: { start: number; end: number };
}

/**
 * Call `visit` for each attribute of each start tag, in order. Stops at a quoted value that never
 * closes (the parser would drop that tag and everything after it anyway).
 */
export function scanAttributes(html: string, visit: (attribute: AttributeAt) => void): void {
  const n = html.length;
  let i = 0;
  scan: while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (!isAsciiLetter(html.charCodeAt(lt + 1))) {
      i = lt + 1;
      continue;
    }
    let j = lt + 1;
    while (j < n && !isSpace(html.charCodeAt(j)) && html[j] !== '/' && html[j] !== '>') j++; // tag name
    for (;;) {
      while (j < n && (isSpace(html.charCodeAt(j)) || html[j] === '/')) j++;
      if (j >= n) break scan;
      if (html[j] === '>') break;
      const nameStart = j;
      j++; // a name may start with any character, even '='
      while (j < n && !isSpace(html.charCodeAt(j)) && html[j] !== '/' && html[j] !== '>' && html[j] !== '=') j++;
      const name = html.slice(nameStart, j).toLowerCase();
      while (j < n && isSpace(html.charCodeAt(j))) j++;
      if (html[j] !== '=') {
        visit({ name, nameStart });
        continue;
      }
      j++;
      while (j < n && isSpace(html.charCodeAt(j))) j++;
      const quote = html[j];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, j + 1);
        if (close < 0) break scan; // the tag never ends: the parser drops it
        visit({ name, nameStart, value: { start: j + 1, end: close } });
        j = close + 1;
      } else {
        const start = j;
        while (j < n && !isSpace(html.charCodeAt(j)) && html[j] !== '>') j++;
        visit({ name, nameStart, value: { start, end: j } });
      }
    }
    i = j + 1;
  }
}
