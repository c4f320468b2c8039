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

/**
 * A duration of minutes as hours:minutes, the way Japanese timesheets show it.
 * @example formatMinutes(2790) // → '46:30'
 */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(Math.round(minutes));
  const hours = Math.floor(abs / 60);
  const rest = abs - hours * 60;
  return `${sign}${hours}:${rest < 10 ? `0${rest}` : rest}`;
}

/**
 * Integer yen with ¥ and thousands separators in both languages (not the full-width ￥ that
 * ja-JP currency formatting gives, so figures line up in tables and match the CSV export).
 * @example formatYen(12500, 'ja') // → '¥12,500'
 */
export function formatYen(yen: number, language: Language): string {
  return `${yen < 0 ? '-' : ''}¥${formatNumber(Math.abs(yen), language)}`;
}

/** A whole-percent share: 0.853 → '85%'. */
export function formatPercent(share: number, language: Language): string {
  return new Intl.NumberFormat(localeOf[language], {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(share);
}

/** A calendar date 'YYYY-MM-DD' with its weekday, e.g. '11月16日(月)' or 'Mon 16 Nov'. */
export function formatDayWithWeekday(isoDate: string, language: Language): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(localeOf[language], {
    timeZone: 'UTC',
    month: language === 'ja' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(date);
}

/** A calendar date 'YYYY-MM-DD' in full, without moving it through a time zone. */
export function formatCalendarDate(isoDate: string, language: Language): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(localeOf[language], {
    timeZone: 'UTC',
    dateStyle: 'medium',
  }).format(date);
}

/** A month 'YYYY-MM' as '2026年11月' or 'November 2026'. */
export function formatMonth(isoMonth: string, language: Language): string {
  const date = new Date(`${isoMonth}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoMonth;
  return new Intl.DateTimeFormat(localeOf[language], {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
  }).format(date);
}

/** A list of words as the language writes it: 'A、B、C' or 'A, B and C'. */
export function formatList(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(localeOf[language], { style: 'long', type: 'conjunction' }).format(
    items,
  );
}
