import { createContext, use } from 'react';
import type { UiLocale } from '../lib/locales.ts';

export interface LocaleSwitch {
  /** The UI language in use. */
  locale: string;
  /** Switch the UI language (its strings load on demand) and remember the choice. */
  setLocale: (locale: UiLocale) => void;
}

export const LocaleSwitchContext = createContext<LocaleSwitch>({ locale: 'en', setLocale: () => {} });

/** The current UI language and the way to change it (the header's language switcher). */
export function useLocaleSwitch(): LocaleSwitch {
  return use(LocaleSwitchContext);
}
