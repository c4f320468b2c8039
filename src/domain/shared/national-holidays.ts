/**
 * Japan's national holidays (国民の祝日・振替休日・国民の休日), from @holiday-jp/holiday_jp.
 *
 * Why this lives in domain/: the package is a table of dates compiled into JavaScript — no file,
 * network or clock is touched when it is read — so a lookup is as pure as any other function
 * here. It sits in domain/shared rather than domain/labor because a national holiday is not a
 * working-time rule: the engine never reads it (a holiday is a rest day only if an employer's
 * rules say so; only the employer's 法定休日 changes a premium). Timesheets show it, and later
 * features (workation calendars) will too.
 */
import holidayJp from '@holiday-jp/holiday_jp';

const table = holidayJp.holidays as Readonly<Record<string, { name: string } | undefined>>;

const MS_PER_DAY = 86_400_000;

/**
 * The national holidays among `dayCount` consecutive days from `firstDate` ('YYYY-MM-DD'):
 * date → Japanese name. Dates are calendar dates; UTC arithmetic only steps through them.
 * @example nationalHolidaysFrom('2026-11-02', 7) // → { '2026-11-03': '文化の日' }
 */
export function nationalHolidaysFrom(firstDate: string, dayCount: number): Record<string, string> {
  const firstMs = Date.parse(`${firstDate}T00:00:00Z`);
  const found: Record<string, string> = {};
  if (Number.isNaN(firstMs)) return found;
  for (let i = 0; i < dayCount; i++) {
    const date = new Date(firstMs + i * MS_PER_DAY).toISOString().slice(0, 10);
    const holiday = table[date];
    if (holiday) found[date] = holiday.name;
  }
  return found;
}
