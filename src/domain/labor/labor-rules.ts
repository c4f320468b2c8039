/**
 * The legal figures and the rules the engine checks, each with its citation
 * (docs/domain-labor.md). A 社会保険労務士 should review these before release.
 */

/** 労働基準法32条2項: 8 hours a day. */
export const DAILY_LIMIT_MINUTES = 8 * 60;
/** 労働基準法32条1項: 40 hours a week. */
export const WEEKLY_LIMIT_MINUTES = 40 * 60;
/** 労働基準法37条1項ただし書: 時間外 beyond 60 h in a month is paid at 50%. */
export const OVER60_THRESHOLD_MINUTES = 60 * 60;
/** 労働基準法36条4項 (限度時間). */
export const AGREEMENT_MONTHLY_LIMIT_MINUTES = 45 * 60;
export const AGREEMENT_YEARLY_LIMIT_MINUTES = 360 * 60;
/** 労働基準法36条5項 (特別条項). */
export const SPECIAL_CLAUSE_YEARLY_LIMIT_MINUTES = 720 * 60;
export const SPECIAL_CLAUSE_MAX_MONTHS_OVER = 6;
/** 労働基準法36条6項2号: 時間外 + 休日 under 100 h in any month. */
export const AGGREGATE_MONTHLY_LIMIT_MINUTES = 100 * 60;
/** 労働基準法36条6項3号: the averages over every 2 to 6 consecutive months at most 80 h. */
export const AGGREGATE_AVERAGE_LIMIT_MINUTES = 80 * 60;
export const AGGREGATE_AVERAGE_MAX_MONTHS = 6;

/** 深夜: 22:00–05:00 (労働基準法37条4項). */
export const NIGHT_START_MINUTE = 22 * 60;
export const NIGHT_END_MINUTE = 5 * 60;

/**
 * Minimum premium rates in percent of the hourly base wage (労働基準法37条, 割増賃金令).
 * Night is added on top of whichever of the others applies; legal-holiday work carries no
 * overtime premium on top.
 */
export const PREMIUM_PERCENT = {
  overtime: 25,
  overtimeOver60: 50,
  legalHoliday: 35,
  night: 25,
} as const;

export const laborRuleIds = [
  'LSA-32',
  'LSA-35',
  '36-monthly-limit',
  '36-yearly-limit',
  '36-special-yearly-limit',
  '36-special-months-over-45h',
  'aggregate-100h',
  'aggregate-80h-average',
  'management-model-cap',
  'management-model-caps-100h',
  'management-model-caps-80h',
  'programme-cap',
  'programme-approval',
] as const;
export type LaborRuleId = (typeof laborRuleIds)[number];

/** The citation each finding carries at the end of its message. */
export const laborRuleCitations: Readonly<Record<LaborRuleId, string>> = {
  'LSA-32': '労働基準法32条・36条1項: 時間外 needs a filed 36 agreement',
  'LSA-35': '労働基準法35条・36条1項: work on the legal holiday needs a filed 36 agreement',
  '36-monthly-limit': '労働基準法36条4項: 45 h a month without a special clause',
  '36-yearly-limit': '労働基準法36条4項: 360 h a year without a special clause',
  '36-special-yearly-limit': '労働基準法36条5項: at most 720 h a year under a special clause',
  '36-special-months-over-45h':
    '労働基準法36条5項: the monthly limit may be exceeded in at most 6 months a year',
  'aggregate-100h': '労働基準法36条6項2号・38条1項: 時間外 + 休日 under 100 h a month, aggregated',
  'aggregate-80h-average':
    '労働基準法36条6項3号・38条1項: 時間外 + 休日 at most 80 h on average over 2–6 months, aggregated',
  'management-model-cap':
    '副業・兼業ガイドライン 管理モデル: each employer keeps to its monthly cap',
  'management-model-caps-100h':
    '副業・兼業ガイドライン 管理モデル: the caps must add up to under 100 h',
  'management-model-caps-80h':
    '副業・兼業ガイドライン 管理モデル: the caps must add up to at most 80 h for the multi-month average',
  'programme-cap': "the programme's cap on regional-engagement hours (platform rule)",
  'programme-approval': 'the programme requires each engagement to be approved (platform rule)',
};

/** @example formatHours(150) // → '2 h 30 min' */
export function formatHours(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes - hours * 60;
  if (rest === 0) return `${hours} h`;
  return hours === 0 ? `${rest} min` : `${hours} h ${rest} min`;
}
