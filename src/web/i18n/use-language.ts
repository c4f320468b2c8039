import { useTranslation } from 'react-i18next';
import { defaultLanguage, parseLanguage, type Language } from './language';

/** The language on screen now; components re-render when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return parseLanguage(i18n.resolvedLanguage) ?? defaultLanguage;
}
