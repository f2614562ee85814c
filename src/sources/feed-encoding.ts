/*
 * The character encoding of an XML feed, and its text. Order, as RFC 7303 (XML media types) and
 * the XML spec's appendix F put it: a byte order mark, then the charset of the HTTP Content-Type,
 * then the encoding the XML declaration names, then UTF-8. Decoding is TextDecoder's (the WHATWG
 * Encoding Standard, in browsers and in Node with full ICU): it reads every encoding feeds are
 * written in (ISO-8859-x, windows-125x, KOI8, GB2312/GBK/GB18030, Big5, Shift_JIS, EUC-JP/KR,
 * UTF-16), so the browser bundle carries no tables of its own (decision 075).
 */

export interface DecodedFeed {
  text: string;
  /** The WHATWG name of the encoding used, e.g. "windows-1251". */
  encoding: string;
  /** Set when a named encoding is unknown and UTF-8 was used instead. */
  warning?: string;
}

function bomEncoding(b: Uint8Array): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** UTF-16 without a byte order mark still starts with "<" (or "<?xml") as two-byte units. */
function utf16WithoutBom(b: Uint8Array): string | undefined {
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00) return 'utf-16le';
  if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f) return 'utf-16be';
  return undefined;
}

/** The `charset` parameter of a Content-Type header, if any. */
function charsetOf(contentType: string | null | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return match?.[1];
}

/** The encoding an ASCII-compatible XML declaration names (`<?xml version="1.0" encoding="…"?>`). */
function declaredEncoding(b: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(b.subarray(0, 512));
  if (!head.startsWith('<?xml')) return undefined;
  const decl = head.slice(0, head.indexOf('?>') + 1 || undefined);
  return /\sencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._:-]*)["']/.exec(decl)?.[1];
}

function decoder(label: string): InstanceType<typeof TextDecoder> | undefined {
  try {
    return new TextDecoder(label.trim(), { ignoreBOM: false });
  } catch {
    return undefined; // not a label the Encoding Standard knows
  }
}

/**
 * Decode a feed's bytes to text. `contentType` is the HTTP header, when the feed came over HTTP.
 * A declaration inside UTF-16 text is ignored (the bytes already said UTF-16); an unknown label
 * falls back to UTF-8 with a warning rather than failing the feed.
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string | null): DecodedFeed {
  const bom = bomEncoding(bytes);
  const wide = bom ? undefined : utf16WithoutBom(bytes);
  const named = bom ?? wide ?? charsetOf(contentType) ?? declaredEncoding(bytes);
  if (!named) return undeclared(bytes);
  const label = named;
  let chosen = decoder(label);
  let warning: string | undefined;
  if (!chosen) {
    warning = `unknown encoding "${label}", read as UTF-8`;
    chosen = new TextDecoder('utf-8');
  } else if (!bom && !wide && /^utf-16/i.test(chosen.encoding) && bytes[0] === 0x3c) {
    // A header or declaration that says UTF-16 over bytes that are plainly ASCII-based: the
    // bytes win (TextDecoder would turn every pair of letters into one CJK character).
    warning = `"${label}" named for a file that is not UTF-16, read as UTF-8`;
    chosen = new TextDecoder('utf-8');
  }
  return { text: chosen.decode(bytes), encoding: chosen.encoding, warning };
}

/**
 * No encoding named anywhere: XML says UTF-8. A file that is not valid UTF-8 was written in a
 * legacy single-byte encoding by a server that never said so (old Portuguese, French, German
 * feeds); windows-1252 reads it as its author saw it instead of U+FFFD for every accented letter.
 */
function undeclared(bytes: Uint8Array): DecodedFeed {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', warning: 'not valid UTF-8 and no encoding named: read as windows-1252' };
  }
}
