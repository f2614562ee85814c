/* Normalisation shared by the source adapters: URLs, dates and stand-in headlines. */

/** Resolve against the feed URL and keep only http(s): a `javascript:` image or link never leaves the edge. */
export function safeHttpUrl(value: string | undefined, base: string): string | undefined {
  if (!value?.trim()) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function resolveUrl(value: string | undefined, base: string): string | undefined {
  return safeHttpUrl(value, base);
}

/** An ISO 8601 string for any date `Date.parse` reads, or undefined. */
export function isoDate(value: string | undefined): string | undefined {
  // A four-digit year is required: Date.parse reads "2" as 2001.
  if (!value || value.length > 64 || !/\b\d{4}\b/.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** A stand-in headline for an untitled item: its first sentence, or its first words. */
export function firstWords(text: string, max = 90): string {
  const line = text.split('\n')[0]?.trim() ?? '';
  const sentence = /^(.{15,}?[.!?。ฯ])(?:\s|$)/u.exec(line)?.[1];
  if (sentence && sentence.length <= max) return sentence;
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
