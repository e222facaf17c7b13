import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setApiLanguage } from '../api/client.js';
import { DICTIONARIES, type Language, type Messages, readStoredLanguage, storeLanguage } from './language.js';

interface I18nContextValue {
  language: Language;
  t: Messages;
  setLanguage: (language: Language) => void;
}

const I18nContext = createContext<I18nContextValue | null>(null);

function applyLanguage(language: Language): void {
  setApiLanguage(language);
  dayjs.locale(language === 'vi' ? 'vi' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export function LanguageProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => {
    const start = initial ?? readStoredLanguage();
    applyLanguage(start);
    return start;
  });

  useEffect(() => applyLanguage(language), [language]);

  const setLanguage = useCallback((next: Language) => {
    storeLanguage(next);
    applyLanguage(next);
    setLanguageState(next);
  }, []);

  const value = useMemo(
    () => ({ language, t: DICTIONARIES[language], setLanguage }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <LanguageProvider>');
  return value;
}
