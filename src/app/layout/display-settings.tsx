import { useId, useState } from 'react';
import { useT, type MessageKey } from '../../lib/i18n.ts';
import { useHydrated } from '../../lib/use-hydrated.ts';
import { applyDisplay, currentDisplay, TEXT_SIZES, THEMES, writePreference, type TextSize, type Theme } from '../../lib/preferences.ts';

const THEME_LABEL: Record<Theme, MessageKey> = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark' };
const SIZE_LABEL: Record<TextSize, MessageKey> = { normal: 'textSizeNormal', large: 'textSizeLarge', larger: 'textSizeLarger' };
// Each step's label is shown at a size that hints at the step.
const SIZE_SAMPLE: Record<TextSize, string> = { normal: 'text-base', large: 'text-lg', larger: 'text-xl' };

/**
 * Colours (device / light / dark) and text size (three steps), remembered on this device. A
 * native popover: the browser handles Escape, clicks outside and returning focus to the button.
 */
export function DisplaySettings() {
  const t = useT();
  const id = useId();
  // What the page shows now (the reader's saved choice, on <html>); prerendering and hydration
  // draw the defaults the build wrote, and React redraws the reader's choice right after.
  const hydrated = useHydrated();
  const [chosen, setDisplay] = useState<{ theme: Theme; textSize: TextSize } | null>(null);
  const display = chosen ?? (hydrated ? currentDisplay() : { theme: 'system' as Theme, textSize: 'normal' as TextSize });
  const choose = (next: { theme: Theme; textSize: TextSize }) => {
    applyDisplay(next.theme, next.textSize);
    writePreference('theme', next.theme === 'system' ? null : next.theme);
    writePreference('textSize', next.textSize === 'normal' ? null : next.textSize);
    setDisplay(next);
  };
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
      <div id={`${id}-panel`} popover="auto" role="dialog" aria-labelledby={`${id}-title`} className="settings-popover">
        <h2 id={`${id}-title`} className="font-serif text-lg font-bold">
          {t('displaySettings')}
        </h2>
        <Choices
          legend={t('theme')}
          name={`${id}-theme`}
          options={THEMES.map((theme) => ({ value: theme, label: t(THEME_LABEL[theme]) }))}
          value={display.theme}
          onChange={(theme) => choose({ ...display, theme })}
        />
        <Choices
          legend={t('textSize')}
          name={`${id}-size`}
          options={TEXT_SIZES.map((size) => ({ value: size, label: t(SIZE_LABEL[size]), className: SIZE_SAMPLE[size] }))}
          value={display.textSize}
          onChange={(textSize) => choose({ ...display, textSize })}
        />
      </div>
    </>
  );
}

interface ChoicesProps<V extends string> {
  legend: string;
  name: string;
  options: { value: V; label: string; className?: string }[];
  value: V;
  onChange: (value: V) => void;
}

/** A labelled group of radio buttons, 44 px rows. */
function Choices<V extends string>({ legend, name, options, value, onChange }: ChoicesProps<V>) {
  return (
    <fieldset className="mt-3">
      <legend className="text-xs font-bold tracking-wide text-muted uppercase">{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="flex min-h-11 cursor-pointer items-center gap-3 rounded px-2 hover:bg-wash">
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} className="size-5 accent-accent" />
          <span className={o.className}>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
