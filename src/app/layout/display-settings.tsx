import { useId, useState } from 'react';
import { useT, type MessageKey } from '../../lib/i18n.ts';
import {
  applyDisplay,
  currentDisplay,
  TEXT_SIZES,
  THEMES,
  writePreference,
  type TextSize,
  type Theme,
} from '../../lib/preferences.ts';

const THEME_LABEL: Record<Theme, MessageKey> = {
  system: 'themeSystem',
  light: 'themeLight',
  dark: 'themeDark',
};
const SIZE_LABEL: Record<TextSize, MessageKey> = {
  normal: 'textSizeNormal',
  large: 'textSizeLarge',
  larger: 'textSizeLarger',
};
// Each step's label is shown at a size that hints at the step.
const SIZE_SAMPLE: Record<TextSize, string> = { normal: 'text-base', large: 'text-lg', larger: 'text-xl' };

/**
 * Colours (device / light / dark) and text size (three steps), remembered on this device. A
 * native popover: the browser handles Escape, clicks outside and returning focus to the button.
 */
export function DisplaySettings() {
  const t = useT();
  const id = useId();
  // Prerendering has no document; the page is re-rendered in the browser, where it does.
  const [display, setDisplay] = useState(() =>
    typeof document === 'undefined'
      ? { theme: 'system' as Theme, textSize: 'normal' as TextSize }
      : currentDisplay(),
  );
  const choose = (next: { theme: Theme; textSize: TextSize }) => {
    applyDisplay(next.theme, next.textSize);
    writePreference('theme', next.theme === 'system' ? null : next.theme);
    writePreference('textSize', next.textSize === 'normal' ? null : next.textSize);
    setDisplay(next);
  };
  const option = 'flex min-h-11 cursor-pointer items-center gap-3 rounded px-2 hover:bg-wash';
  return (
    <>
      <button
        type="button"
        popoverTarget={`${id}-panel`}
        className="inline-flex min-h-11 min-w-11 shrink-0 items-center justify-center rounded border border-white/40 px-2 font-serif text-lg font-bold hover:bg-white/10"
      >
        <span aria-hidden="true">Aa</span>
        <span className="sr-only">{t('displaySettings')}</span>
      </button>
      <div
        id={`${id}-panel`}
        popover="auto"
        role="dialog"
        aria-labelledby={`${id}-title`}
        className="settings-popover"
      >
        <h2 id={`${id}-title`} className="font-serif text-lg font-bold">
          {t('displaySettings')}
        </h2>
        <fieldset className="mt-3">
          <legend className="text-xs font-bold tracking-wide text-muted uppercase">{t('theme')}</legend>
          {THEMES.map((theme) => (
            <label key={theme} className={option}>
              <input
                type="radio"
                name={`${id}-theme`}
                value={theme}
                checked={display.theme === theme}
                onChange={() => choose({ ...display, theme })}
                className="size-5 accent-accent"
              />
              {t(THEME_LABEL[theme])}
            </label>
          ))}
        </fieldset>
        <fieldset className="mt-3">
          <legend className="text-xs font-bold tracking-wide text-muted uppercase">{t('textSize')}</legend>
          {TEXT_SIZES.map((textSize) => (
            <label key={textSize} className={option}>
              <input
                type="radio"
                name={`${id}-size`}
                value={textSize}
                checked={display.textSize === textSize}
                onChange={() => choose({ ...display, textSize })}
                className="size-5 accent-accent"
              />
              <span className={SIZE_SAMPLE[textSize]}>{t(SIZE_LABEL[textSize])}</span>
            </label>
          ))}
        </fieldset>
      </div>
    </>
  );
}
