/**
 * The one tokenizer for documents and queries. Documents and queries MUST go through the same
 * function: a Lao or Thai query word that the segmenter splits in two still matches because the
 * document text was split the same way.
 *
 * Pipeline per word run (a maximal run of letters, marks and digits between spaces/punctuation):
 *   1. runs in scripts written without spaces (Thai, Lao, Khmer, Myanmar, Han, Kana) are cut into
 *      words with Intl.Segmenter; every other run is one token;
 *   2. tokens are lower-cased; Latin, Cyrillic and Greek tokens lose their diacritics (NFKD, strip
 *      the combining marks that follow a letter of those scripts, NFC), so `cafe` finds `café`.
 *      Marks of other scripts (Thai/Lao vowels and tones, Devanagari matras) are kept: they are
 *      letters of the word, not decoration.
 *
 * We never hand a whole document to Intl.Segmenter: Node 20's segmenter is quadratic in the input
 * length (DESIGN.md, Known traps). Runs are short, and any run that is still long is segmented in
 * overlapping windows.
 */

export interface TokenWithOffsets {
  /** The normalized index term. */
  token: string;
  /** UTF-16 offset of the token's first code unit in the original string. */
  start: number;
  /** UTF-16 offset just past the token's last code unit in the original string. */
  end: number;
}

const ASCII_ONLY = /^\p{ASCII}*$/u;

/** Any character of a script written without spaces between words. */
const NO_SPACE_CHAR =
  /[\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]/u;

/**
 * Splits a run that contains no-space-script characters into sub-runs by script family. Group
 * index → segmenter locale; the last group collects everything else (Latin, digits…).
 */
const SCRIPT_SUB_RUN =
  /(\p{scx=Thai}+)|(\p{scx=Lao}+)|(\p{scx=Khmer}+)|(\p{scx=Myanmar}+)|([\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]+)|([^\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]+)/gu;
const SUB_RUN_LOCALES = ['th', 'lo', 'km', 'my', 'ja'] as const;

/** A Latin, Cyrillic or Greek letter followed by its combining marks (after NFKD). */
const FOLDABLE = /([\p{sc=Latin}\p{sc=Cyrillic}\p{sc=Greek}])(\p{M}+)/gu;

/** Letters that carry no decomposable diacritic but that readers type without one. */
const LETTER_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ς: 'σ',
  '\u200c': '',
  '\u200d': '',
};
const LETTER_FOLD_CHARS = /[ßæœøđðłþς\u200C\u200D]/g;

/**
 * Segmenting longer strings than this in one call gets slow on Node 20 (quadratic); longer runs
 * are segmented in windows of this size.
 */
const SEGMENT_WINDOW = 1000;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

function foldMarks(_match: string, base: string, marks: string): string {
  // Russian readers never type и for й (a letter of its own); keep the breve there.
  if ((base === 'и' || base === 'И') && marks.includes('\u0306')) return base + '\u0306';
  return base;
}

/** Normalizes a token of a script written with spaces (Latin, Cyrillic, Greek, Arabic, …). */
function normalizeSpaced(raw: string): string {
  if (ASCII_ONLY.test(raw)) return raw.toLowerCase();
  const folded = raw.toLowerCase().normalize('NFKD').replace(FOLDABLE, foldMarks).normalize('NFC');
  return folded.replace(LETTER_FOLD_CHARS, (c) => LETTER_FOLDS[c] ?? c);
}

/**
 * Normalizes a segment of a no-space script. NFKC only: it unifies the two spellings of Lao
 * ຳ / ໍາ, Thai ำ / ํา and half-width Kana, and keeps every vowel and tone mark.
 */
function normalizeUnspaced(raw: string): string {
  return raw.normalize('NFKC').toLowerCase();
}

type Emit = (token: string, start: number, end: number) => void;

/**
 * Spellings that ICU's Lao and Thai dictionaries only know in their composed form: ໍາ → ຳ,
 * ຫນ → ໜ, ຫມ → ໝ, ํา → ำ. Both spellings are common in real text (and in our corpora); segmenting
 * the decomposed one gives different words (ສໍາຄັນ → ສໍາ|ຄັນ but ສຳຄັນ → ສຳຄັນ), so a query typed
 * one way would miss a document written the other way. (Lao ຫ never ends a syllable, so ຫນ is
 * always the ligature.)
 */
const DECOMPOSED_SPELLING = /\u0ECD\u0EB2|\u0EAB\u0E99|\u0EAB\u0EA1|\u0E4D\u0E32/;
const DECOMPOSED_SPELLINGS = new RegExp(DECOMPOSED_SPELLING.source, 'g');
const COMPOSED_SPELLING: Record<string, string> = {
  '\u0ECD\u0EB2': '\u0EB3',
  '\u0EAB\u0E99': '\u0EDC',
  '\u0EAB\u0EA1': '\u0EDD',
  '\u0E4D\u0E32': '\u0E33',
};

/**
 * Segments `run` (found at `offset` in the original text) and emits its words with original
 * offsets, composing the spellings above first when present.
 */
function segmentRun(run: string, offset: number, locale: string, emit: Emit): void {
  if (!DECOMPOSED_SPELLING.test(run)) {
    segmentComposedRun(run, offset, locale, emit, undefined);
    return;
  }
  // origin[i] = index in `run` of the i-th code unit of the composed string (plus the end).
  let composed = '';
  const origin: number[] = [];
  for (let i = 0; i < run.length; i++) {
    const replacement = COMPOSED_SPELLING[run.slice(i, i + 2)];
    origin.push(i);
    if (replacement) {
      composed += replacement;
      i++;
    } else {
      composed += run[i];
    }
  }
  origin.push(run.length);
  segmentComposedRun(composed, offset, locale, emit, origin);
}

function segmentComposedRun(
  run: string,
  offset: number,
  locale: string,
  emit: Emit,
  origin: number[] | undefined,
): void {
  const at = (i: number) => offset + (origin ? (origin[i] ?? 0) : i);
  const segmenter = segmenterFor(locale);
  let from = 0;
  while (from < run.length) {
    const windowEnd = Math.min(run.length, from + SEGMENT_WINDOW);
    const isLastWindow = windowEnd === run.length;
    const segments = Array.from(segmenter.segment(run.slice(from, windowEnd)));
    let next = windowEnd;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      // The last segment of a window may be a word cut by the window edge: segment it again
      // at the start of the next window (unless it is the only one, to guarantee progress).
      if (!isLastWindow && i === segments.length - 1 && i > 0) {
        next = from + seg.index;
        break;
      }
      if (seg.isWordLike) {
        const token = normalizeUnspaced(seg.segment);
        const segStart = from + seg.index;
        if (token) emit(token, at(segStart), at(segStart + seg.segment.length));
      }
    }
    from = next;
  }
}

function emitSpaced(raw: string, start: number, emit: Emit): void {
  const token = normalizeSpaced(raw);
  if (token) emit(token, start, start + raw.length);
}

/** Word-character class of each BMP code unit: 0 unknown, 1 word, 2 not a word character. */
const codeUnitClass = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) {
  const isWord = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  codeUnitClass[c] = isWord ? 1 : 2;
}
const WORD_CHAR = /^[\p{L}\p{M}\p{N}\u200C\u200D]$/u;

/** Whether the code point at `i` is a word character; returns its length in code units, or 0. */
function wordCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) {
    let cls = codeUnitClass[c]!;
    if (cls === 0) {
      cls = WORD_CHAR.test(text[i]!) ? 1 : 2;
      codeUnitClass[c] = cls;
    }
    return cls === 1 ? 1 : 0;
  }
  const cp = text.codePointAt(i)!;
  if (cp <= 0xffff) return 0; // a lone surrogate
  return WORD_CHAR.test(String.fromCodePoint(cp)) ? 2 : 0;
}

/**
 * Finds word runs (letters, marks, digits, joiners) with a hand-written loop and a per-code-unit
 * class table rather than a Unicode regex: this is the hot path of every index build, and the
 * regex was the slower of the two on English text (tests/bench/search.ts measures the tokenizer).
 */
function scan(text: string, emit: Emit): void {
  const n = text.length;
  let zawgyiText: boolean | undefined;
  let i = 0;
  while (i < n) {
    const first = wordCharLength(text, i);
    if (first === 0) {
      i++;
      continue;
    }
    const start = i;
    let ascii = text.charCodeAt(i) < 128;
    i += first;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (codeUnitClass[c] !== 1) break;
        i++;
        continue;
      }
      const len = wordCharLength(text, i);
      if (len === 0) break;
      ascii = false;
      i += len;
    }
    const run = text.slice(start, i);
    if (ascii) {
      emit(run.toLowerCase(), start, i);
    } else if (!NO_SPACE_CHAR.test(run)) {
      emitSpaced(run, start, emit);
    } else {
      // Whether the text is Zawgyi is decided once per text, on the whole of it (the detector is
      // surer on more text), when its first Burmese run is met.
      if (zawgyiText === undefined && MYANMAR_CHAR.test(run)) zawgyiText = isZawgyi(text);
      emitUnspacedRun(run, start, emit, zawgyiText === true);
    }
  }
}

/** A run with characters of no-space scripts: segment those parts, keep the rest as tokens. */
function emitUnspacedRun(run: string, start: number, emit: Emit, zawgyiText: boolean): void {
  SCRIPT_SUB_RUN.lastIndex = 0;
  for (let s = SCRIPT_SUB_RUN.exec(run); s !== null; s = SCRIPT_SUB_RUN.exec(run)) {
    const subStart = start + s.index;
    let locale: string | undefined;
    for (let g = 0; g < SUB_RUN_LOCALES.length; g++) {
      if (s[g + 1] !== undefined) {
        locale = SUB_RUN_LOCALES[g];
        break;
      }
    }
    if (locale === 'my') emitMyanmarRun(s[0], subStart, emit, zawgyiText);
    else if (locale) segmentRun(s[0], subStart, locale, emit);
    else emitSpaced(s[0], subStart, emit);
  }
}

const MYANMAR_CHAR = /\p{scx=Myanmar}/u;

/**
 * A Burmese run in Unicode: Zawgyi converted when the text is Zawgyi, the look-alike digit ၀
 * read as the letter ဝ where it is part of a word. A converted run's words all point at the
 * whole run in the original text (Zawgyi orders some vowels and medials differently, so there is
 * no exact mapping; highlighting marks the run).
 */
function emitMyanmarRun(run: string, start: number, emit: Emit, zawgyiText: boolean): void {
  if (!zawgyiText) {
    segmentRun(zeroAsWa(run), start, 'my', emit);
    return;
  }
  const unicode = zeroAsWa(zawgyi!.toUnicode(run).normalize('NFC'));
  segmentRun(unicode, 0, 'my', (token) => emit(token, start, start + run.length));
}

/** Myanmar digits (၀-၉) and ASCII digits. */
function isDigit(c: number): boolean {
  return (c >= 0x1040 && c <= 0x1049) || (c >= 0x30 && c <= 0x39);
}

/** A Myanmar letter, vowel sign, medial or other sign (not a digit or punctuation). */
function isMyanmarLetterOrSign(c: number): boolean {
  return (c >= 0x1000 && c <= 0x103f) || (c >= 0x1050 && c <= 0x109f && !(c >= 0x1090 && c <= 0x1099));
}

/**
 * Many Burmese writers type the digit ၀ (zero, U+1040) for the letter ဝ (wa, U+101D), which look
 * the same: ၀န်ကြီး for ဝန်ကြီး. A ၀ is read as ဝ when a letter or sign stands next to it (also
 * at the start of a word) and no digit does: ၂၀၂၄, ၁၀ နာရီ and ၀၉… phone numbers keep their
 * zeros. Same length in and out, so offsets are kept.
 */
export function zeroAsWa(text: string): string {
  if (!text.includes('\u1040')) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x1040) {
      out += text[i];
      continue;
    }
    const before = i > 0 ? text.charCodeAt(i - 1) : -1;
    const after = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
    const inNumber = isDigit(before) || isDigit(after);
    const inWord = isMyanmarLetterOrSign(before) || isMyanmarLetterOrSign(after);
    out += !inNumber && inWord ? '\u101D' : text[i];
  }
  return out;
}

/** Zawgyi detection and conversion (zawgyi.ts registers Google's myanmar-tools when Burmese is indexed). */
export interface ZawgyiTools {
  /** Probability that the text is Zawgyi (0 to 1). */
  probability(text: string): number;
  toUnicode(text: string): string;
}

let zawgyi: ZawgyiTools | undefined;
/** Above this probability a text is read as Zawgyi (the detector's authors suggest 0.95 for high confidence). */
const ZAWGYI_THRESHOLD = 0.95;

/** Makes the tokenizer read Zawgyi text (documents and queries alike) as Unicode. */
export function useZawgyiTools(tools: ZawgyiTools | undefined): void {
  zawgyi = tools;
}

function isZawgyi(text: string): boolean {
  return zawgyi !== undefined && zawgyi.probability(text) > ZAWGYI_THRESHOLD;
}

/**
 * Text normalized for finding a word in it as a substring (Lao, Thai, Khmer, Burmese words, see
 * query.ts): NFC, Zawgyi as Unicode, ၀ as ဝ in words, stray spaces removed (despace). Returns
 * `text` itself when nothing changes.
 */
export function searchableText(text: string): string {
  let out = text.normalize('NFC');
  if (MYANMAR_CHAR.test(out)) {
    if (isZawgyi(out)) out = zawgyi!.toUnicode(out).normalize('NFC');
    out = zeroAsWa(out);
  }
  out = despace(out);
  return out === text ? text : out;
}

/** Splits text into normalized index terms (lower-cased, diacritics folded for Latin/Cyrillic/Greek). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  scan(text, (token) => {
    tokens.push(token);
  });
  return tokens;
}

/**
 * Like {@link tokenize}, with each term's offsets into the ORIGINAL string (for highlighting:
 * `text.slice(start, end)` is what the reader sees, accents and all).
 */
export function tokenizeWithOffsets(text: string): TokenWithOffsets[] {
  const tokens: TokenWithOffsets[] = [];
  scan(text, (token, start, end) => {
    tokens.push({ token, start, end });
  });
  return tokens;
}

/**
 * Counts words the way readers do in every script: Lao, Thai and Burmese have no spaces between
 * words, so counting spaces undercounts them by an order of magnitude. Use for reading time.
 */
export function countWords(text: string): number {
  let count = 0;
  scan(text, () => {
    count++;
  });
  return count;
}

/** True when the term belongs to a script written without spaces (its tokens come from the segmenter). */
export function isUnspacedTerm(term: string): boolean {
  return NO_SPACE_CHAR.test(term);
}

/**
 * The spellings under which `text` may appear in a document: as given, NFKC (ຳ → ໍາ, ໜ → ຫນ) and
 * composed (ໍາ → ຳ, ຫນ → ໜ). For substring matching of Lao/Thai words, where both spellings
 * are common.
 */
export function spellingVariants(text: string): string[] {
  const composed = text.replace(DECOMPOSED_SPELLINGS, (s) => COMPOSED_SPELLING[s] ?? s);
  return [...new Set([text, text.normalize('NFKC'), composed, composed.normalize('NFC')])];
}

/** One space (or no-break / zero-width space) between two letters of the same no-space script (not Han/Kana). */
const STRAY_SPACE =
  /(\p{sc=Lao}[\p{M}]*)[ \u00A0\u200B](?=\p{sc=Lao})|(\p{sc=Thai}[\p{M}]*)[ \u00A0\u200B](?=\p{sc=Thai})|(\p{sc=Khmer}[\p{M}]*)[ \u00A0\u200B](?=\p{sc=Khmer})|(\p{sc=Myanmar}[\p{M}]*)[ \u00A0\u200B](?=\p{sc=Myanmar})/gu;

/**
 * `text` with the single spaces between two letters of Lao, Thai, Khmer or Burmese removed. Writers
 * of these scripts put spaces between phrases, and also, by mistake or for line breaking, inside
 * a word (ດຳ ເນີນ for ດຳເນີນ): search looks for a word typed without the space in this text too,
 * so the word is found either way. Returns `text` itself when there is nothing to remove.
 */
export function despace(text: string): string {
  if (!NO_SPACE_CHAR.test(text)) return text;
  STRAY_SPACE.lastIndex = 0;
  if (!STRAY_SPACE.test(text)) return text;
  STRAY_SPACE.lastIndex = 0;
  return text.replace(
    STRAY_SPACE,
    (_m, lao?: string, thai?: string, khmer?: string, my?: string) => lao ?? thai ?? khmer ?? my ?? '',
  );
}
