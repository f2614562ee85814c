/**
 * Zawgyi, the legacy Burmese font encoding many writers and keyboards still use, read as Unicode
 * on both sides (documents and queries): Google's myanmar-tools detects it (a Markov model trained
 * on both encodings) and converts it (its ICU transliteration rules), decision 072. Loaded with the
 * index, and only when the corpus has Burmese text: 28 KB gzipped that other readers never fetch.
 */
import { useZawgyiTools } from './tokenize.ts';

const BURMESE = /\p{scx=Myanmar}/u;

let loading: Promise<void> | undefined;

/** Whether any of `texts` has Burmese characters (then Zawgyi support is worth loading). */
export function hasBurmese(texts: Iterable<string>): boolean {
  for (const text of texts) if (BURMESE.test(text)) return true;
  return false;
}

/** Loads the detector and converter and hands them to the tokenizer (once). */
export function loadZawgyi(): Promise<void> {
  loading ??= import('myanmar-tools')
    .then(({ default: tools }) => {
      const detector = new tools.ZawgyiDetector();
      const converter = new tools.ZawgyiConverter();
      useZawgyiTools({
        probability: (text) => detector.getZawgyiProbability(text),
        toUnicode: (text) => converter.zawgyiToUnicode(text),
      });
    })
    .catch((error: unknown) => {
      loading = undefined;
      console.warn('Search: Zawgyi text will not be read as Unicode, its converter did not load', error);
    });
  return loading;
}
