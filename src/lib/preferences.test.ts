import { afterEach, describe, expect, it } from 'vitest';
import initScript from '../../public/theme-init.js?raw';
import {
  applyDisplay,
  currentDisplay,
  PREFERENCE_KEYS,
  readPreference,
  TEXT_SIZES,
  THEMES,
  writePreference,
} from './preferences.ts';

/** Run public/theme-init.js as the browser would, against the current localStorage and <html>. */
function runInitScript() {
  new Function(initScript)();
}

afterEach(() => {
  localStorage.clear();
  applyDisplay('system', 'normal');
});

describe('preferences', () => {
  it('round-trips through localStorage and forgets on null', () => {
    writePreference('theme', 'dark');
    expect(readPreference('theme')).toBe('dark');
    writePreference('theme', null);
    expect(readPreference('theme')).toBeNull();
  });

  it('applies theme and size as attributes; "system" and "normal" leave none', () => {
    applyDisplay('dark', 'larger');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(document.documentElement.dataset.textSize).toBe('larger');
    expect(currentDisplay()).toEqual({ theme: 'dark', textSize: 'larger' });
    applyDisplay('system', 'normal');
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
    expect(document.documentElement.hasAttribute('data-text-size')).toBe(false);
  });

  it('theme-init.js reads the same keys and values as the app writes', () => {
    for (const theme of THEMES) {
      for (const size of TEXT_SIZES) {
        applyDisplay('system', 'normal');
        localStorage.setItem(PREFERENCE_KEYS.theme, theme);
        localStorage.setItem(PREFERENCE_KEYS.textSize, size);
        runInitScript();
        expect(currentDisplay()).toEqual({ theme, textSize: size });
      }
    }
  });

  it('theme-init.js ignores values it does not know', () => {
    localStorage.setItem(PREFERENCE_KEYS.theme, 'purple');
    runInitScript();
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
  });
});
