/*
 * The reader's own choices, kept in localStorage. public/theme-init.js reads the theme and text
 * size keys before the first paint (so a dark-theme reader never sees a white flash); keep the
 * keys and values here and there the same (preferences.test.ts checks).
 */
export const PREFERENCE_KEYS = {
  locale: 'news.locale',
  theme: 'news.theme',
  textSize: 'news.textSize',
} as const;

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const TEXT_SIZES = ['normal', 'large', 'larger'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

type PreferenceName = keyof typeof PREFERENCE_KEYS;

/** A stored preference, or null (none stored, or storage unavailable: private mode, blocked cookies). */
export function readPreference(name: PreferenceName): string | null {
  try {
    return localStorage.getItem(PREFERENCE_KEYS[name]);
  } catch {
    return null;
  }
}

/** Store a preference; `null` forgets it. Failing storage only means the choice is not remembered. */
export function writePreference(name: PreferenceName, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(PREFERENCE_KEYS[name]);
    else localStorage.setItem(PREFERENCE_KEYS[name], value);
  } catch {
    // Not remembered across visits; the choice still applies now.
  }
}

/**
 * Apply theme and text size to <html>: `data-theme` (absent = follow the device through the CSS
 * media query) and `data-text-size` (absent = standard).
 */
export function applyDisplay(
  theme: Theme,
  textSize: TextSize,
  root: HTMLElement = document.documentElement,
): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
  if (textSize === 'normal') delete root.dataset.textSize;
  else root.dataset.textSize = textSize;
}

/** The theme and text size currently applied (by theme-init.js or an earlier choice). */
export function currentDisplay(root: HTMLElement = document.documentElement): {
  theme: Theme;
  textSize: TextSize;
} {
  const theme = THEMES.find((x) => x === root.dataset.theme) ?? 'system';
  const textSize = TEXT_SIZES.find((x) => x === root.dataset.textSize) ?? 'normal';
  return { theme, textSize };
}
