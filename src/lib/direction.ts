/*
 * Text direction of a language tag. A short table rather than Intl.Locale#getTextInfo: that API
 * is a getter in some engines, a method in others and missing in older ones.
 */
const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'iw',
  'ks',
  'nqo',
  'ps',
  'rhg',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
  'ji',
]);
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg', 'mand', 'samr']);

/** `rtl` for Arabic, Hebrew, Persian, Urdu… (or any tag with a right-to-left script subtag), else `ltr`. */
export function directionOf(tag: string | undefined): 'ltr' | 'rtl' {
  if (!tag) return 'ltr';
  const parts = tag.toLowerCase().split(/[-_]/);
  const script = parts.slice(1).find((p) => /^[a-z]{4}$/.test(p));
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(parts[0] ?? '') ? 'rtl' : 'ltr';
}
