import type { Language } from '../i18n/language';

const localeOf: Record<Language, string> = { ja: 'ja-JP', en: 'en-GB' };

/** A date and time as people in Japan read it: always in Asia/Tokyo, whatever the device says. */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf[language], {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

export function formatDate(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf[language], {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'medium',
  }).format(date);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(localeOf[language]).format(value);
}
