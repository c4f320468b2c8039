import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ja from './ja.json';
import { defaultLanguage, languages, parseLanguage, type Language } from './language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ja };
  }
}

const storageKey = 'tsunagu.language';

/** The language chosen on this device, if any. Storage can be unavailable (private mode). */
export function readStoredLanguage(): Language | null {
  try {
    return parseLanguage(window.localStorage.getItem(storageKey));
  } catch {
    return null;
  }
}

function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Not remembered on this device; the account setting still is when signed in.
  }
}

/** Switches the interface language and remembers it on this device. */
export async function changeLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  await i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return parseLanguage(i18next.resolvedLanguage ?? i18next.language) ?? defaultLanguage;
}

/** Starts i18next synchronously (bundled catalogs), so the first paint is already translated. */
export function initI18n(): typeof i18next {
  i18next.on('languageChanged', (lng) => {
    // Screen readers and the browser's fonts and hyphenation follow <html lang>.
    document.documentElement.lang = parseLanguage(lng) ?? defaultLanguage;
    document.title = i18next.t('app.documentTitle');
  });
  void i18next.use(initReactI18next).init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    lng: readStoredLanguage() ?? defaultLanguage,
    fallbackLng: defaultLanguage,
    supportedLngs: [...languages],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return i18next;
}
