import { useId } from 'react';
import { useT } from '../../lib/i18n.ts';
import { directionOf } from '../../lib/direction.ts';
import { matchUiLocale, UI_LOCALE_CODES, UI_LOCALES } from '../../lib/locales.ts';
import { useLocaleSwitch } from '../locale-switch.ts';
import { GlobeIcon } from '../../components/icons.tsx';

/**
 * The UI language, behind a globe anyone recognises. The choices are named in their own language,
 * so a reader who cannot read the current one still finds theirs. A native <select> (keyboard,
 * screen readers and phone pickers for free), laid transparently over a compact label so it
 * takes little room in the masthead of a 360 px phone.
 */
export function LanguageSwitcher() {
  const t = useT();
  const { locale, setLocale } = useLocaleSwitch();
  const id = useId();
  const current = matchUiLocale(locale) ?? 'en';
  return (
    <div className="relative inline-flex min-h-11 min-w-11 shrink-0 items-center gap-1.5 rounded border border-white/40 px-2.5 font-semibold hover:bg-white/10 has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-white">
      <GlobeIcon />
      <span aria-hidden="true" lang={current} className="text-sm leading-none">
        {UI_LOCALES[current].short}
      </span>
      <label htmlFor={id} className="sr-only">
        {t('chooseLanguage')}
      </label>
      <select
        id={id}
        value={current}
        onChange={(e) => {
          const next = matchUiLocale(e.target.value);
          if (next) setLocale(next);
        }}
        className="absolute inset-0 size-full cursor-pointer opacity-0 focus-visible:outline-none [&>option]:bg-paper [&>option]:text-ink"
      >
        {UI_LOCALE_CODES.map((code) => (
          <option key={code} value={code} lang={code} dir={directionOf(code)}>
            {UI_LOCALES[code].name}
          </option>
        ))}
      </select>
    </div>
  );
}
