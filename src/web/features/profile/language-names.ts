import type { Language } from '../../i18n/language';

/**
 * The name of a language by its ISO 639-1 code in the reader's language ('en' → '英語'), or the
 * code itself where the browser does not know it.
 */
export function languageName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Languages people most often list, offered first; any other ISO 639-1 code can be typed. */
export const commonLanguageCodes = ['ja', 'en', 'zh', 'ko', 'vi', 'pt', 'es', 'fr', 'de', 'th'];
