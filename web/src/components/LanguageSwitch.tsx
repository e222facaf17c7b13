import { Segmented } from 'antd';
import { useI18n } from '../i18n/LanguageProvider.js';
import { DICTIONARIES, type Language, LANGUAGES } from '../i18n/language.js';

/** Tiếng Việt / English. `compact` shows VI / EN (full names stay as accessible labels). */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { language, setLanguage, t } = useI18n();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t.common.language}
      value={language}
      onChange={setLanguage}
      options={LANGUAGES.map((lang) => ({
        value: lang,
        title: DICTIONARIES[lang].languageName,
        label: compact ? (
          <span lang={lang}>
            <span aria-hidden="true">{lang.toUpperCase()}</span>
            <span className="sr-only">{DICTIONARIES[lang].languageName}</span>
          </span>
        ) : (
          <span lang={lang}>{DICTIONARIES[lang].languageName}</span>
        ),
      }))}
    />
  );
}
