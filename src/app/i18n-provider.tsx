import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { I18nContext, createTranslator, loadMessages, type Messages } from '../lib/i18n.ts';
import type { UiLocale } from '../lib/locales.ts';
import { writePreference } from '../lib/preferences.ts';
import { LocaleSwitchContext } from './locale-switch.ts';

export interface LoadedLocale {
  locale: string;
  messages: Partial<Messages>;
}

interface I18nProviderProps {
  /** The language to start in, its strings already loaded (main.tsx loads them before mounting). */
  initial: LoadedLocale;
  numerals?: 'native' | 'latin';
  children: ReactNode;
}

/**
 * The UI language: provides the translator, keeps `lang` and `dir` of the document in step, and
 * switches language on the reader's request. The old language stays on screen until the new
 * strings have arrived, so the page never shows a mix.
 */
export function I18nProvider({ initial, numerals, children }: I18nProviderProps) {
  const [current, setCurrent] = useState(initial);
  const latest = useRef(0);
  const t = useMemo(
    () => createTranslator(current.locale, current.messages, { numerals }),
    [current, numerals],
  );

  useEffect(() => {
    document.documentElement.lang = t.locale;
    document.documentElement.dir = t.dir;
  }, [t]);

  const setLocale = useCallback((locale: UiLocale) => {
    writePreference('locale', locale);
    const request = ++latest.current;
    void loadMessages(locale).then((messages) => {
      // A later choice made while this one was loading wins.
      if (request === latest.current) setCurrent({ locale, messages });
    });
  }, []);
  const control = useMemo(() => ({ locale: current.locale, setLocale }), [current.locale, setLocale]);

  return (
    <I18nContext value={t}>
      <LocaleSwitchContext value={control}>{children}</LocaleSwitchContext>
    </I18nContext>
  );
}
