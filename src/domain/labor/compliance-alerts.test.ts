import { describe, expect, it } from 'vitest';
import { assessLimitShare, periodTouchesMonth, summarizeEmployerMonth } from './compliance-alerts';
import { checkLaborCompliance } from './labor-compliance';
import type { LaborInput, WorkSegment } from './labor-input';
import { employee, work } from './labor-test-fixtures';

const main = employee('main', '2015-04-01', { weekStartsOn: 'monday', hourlyWageYen: 2500 });
const side = employee('side', '2026-04-01', { hourlyWageYen: 1500 });
const names = new Map([
  ['main', '株式会社みらいソフト'],
  ['side', '軽井沢町'],
]);

/** Mon–Fri 09:00–18:00 with an hour's break at the main job, for the weeks given. */
function mainJobWeeks(mondays: string[], end = '18:00'): WorkSegment[] {
  return mondays.flatMap((monday) =>
    [0, 1, 2, 3, 4].map((offset) => {
      const day = Number(monday.slice(8)) + offset;
      const date = `${monday.slice(0, 8)}${String(day).padStart(2, '0')}`;
      return work('main', date, '09:00', end, { breakMinutes: 60 });
    }),
  );
}

const sideEvenings = (dates: string[]): WorkSegment[] =>
  dates.map((date) => work('side', date, '19:00', '22:00'));

describe('how close a month came to the limits', () => {
  it('warns at 80% of the 45 h monthly limit and calls 45 h itself over', () => {
    const base = { agreement36: undefined, violationCount: 0 } as const;
    expect(
      assessLimitShare({ ...base, overtimeMinutes: 2159, aggregateMinutesByMonth: [2159] }).alert,
    ).toBe('ok');
    expect(
      assessLimitShare({ ...base, overtimeMinutes: 2160, aggregateMinutesByMonth: [2160] }),
    ).toEqual({ highestLimitShare: 0.8, alert: 'near' });
    expect(
      assessLimitShare({ ...base, overtimeMinutes: 2700, aggregateMinutesByMonth: [2700] }),
    ).toEqual({ highestLimitShare: 1, alert: 'over' });
  });

  it('holds the overtime against an agreed lower limit, and any overtime without an agreement', () => {
    expect(
      assessLimitShare({
        overtimeMinutes: 1500,
        agreement36: { specialClause: false, monthlyLimitMinutes: 1800 },
        aggregateMinutesByMonth: [1500],
        violationCount: 0,
      }).alert,
    ).toBe('near');
    expect(
      assessLimitShare({
        overtimeMinutes: 30,
        agreement36: null,
        aggregateMinutesByMonth: [30],
        violationCount: 0,
      }),
    ).toEqual({ highestLimitShare: 1, alert: 'over' });
  });

  it('counts the aggregate across employers against 100 h and the 2–6-month averages against 80 h', () => {
    // This employer caused no overtime, but the person's aggregate is 85 h (0.85 of 100 h).
    expect(
      assessLimitShare({
        overtimeMinutes: 0,
        agreement36: undefined,
        aggregateMinutesByMonth: [5100],
        violationCount: 0,
      }),
    ).toEqual({ highestLimitShare: 0.85, alert: 'near' });
    // 78 h then 80 h: the 2-month average is 79 h = 0.9875 of 80 h.
    expect(
      assessLimitShare({
        overtimeMinutes: 0,
        agreement36: undefined,
        aggregateMinutesByMonth: [4680, 4800],
        violationCount: 0,
      }).highestLimitShare,
    ).toBe(0.9875);
    // Averages look back at most 6 months.
    expect(
      assessLimitShare({
        overtimeMinutes: 0,
        agreement36: undefined,
        aggregateMinutesByMonth: [99999, 0, 0, 0, 0, 0, 0],
        violationCount: 0,
      }).highestLimitShare,
    ).toBe(0);
  });

  it('is over whenever the engine found a violation in the month', () => {
    expect(
      assessLimitShare({
        overtimeMinutes: 0,
        agreement36: undefined,
        aggregateMinutesByMonth: [0],
        violationCount: 1,
      }).alert,
    ).toBe('over');
  });

  it('knows which findings concern a month', () => {
    expect(periodTouchesMonth('2026-11', '2026-11')).toBe(true);
    expect(periodTouchesMonth('2026-10', '2026-11')).toBe(false);
    expect(periodTouchesMonth('2026-04..2027-03', '2026-11')).toBe(true);
    expect(periodTouchesMonth('2026-09..2026-10', '2026-11')).toBe(false);
  });
});

describe("one employer's month out of the engine's report", () => {
  // Main job Mon–Fri 09:00–18:00 (1 h break), side job 19:00–22:00 Mon, Wed, Fri, two weeks.
  const input: LaborInput = {
    method: 'principle',
    employers: [main, side],
    work: [
      ...mainJobWeeks(['2026-11-02', '2026-11-09']),
      ...sideEvenings([
        '2026-11-02',
        '2026-11-04',
        '2026-11-06',
        '2026-11-09',
        '2026-11-11',
        '2026-11-13',
      ]),
    ],
  };
  const report = checkLaborCompliance(input);

  it('puts the side job’s evening hours beyond 8 h a day on the side job (signed later)', () => {
    const atSide = summarizeEmployerMonth(report, side, '2026-11', names);
    expect(atSide).toMatchObject({
      workedMinutes: 18 * 60,
      overtimeMinutes: 18 * 60,
      premiumYen: 6750, // 18 h × ¥1,500 × 25%
      aggregateOvertimeAndHolidayMinutes: 18 * 60,
      highestLimitShare: 0.4, // 18 h of 45 h
      alert: 'ok',
      violations: [],
    });
    const atMain = summarizeEmployerMonth(report, main, '2026-11', names);
    expect(atMain).toMatchObject({
      workedMinutes: 80 * 60,
      overtimeMinutes: 0,
      premiumYen: 0,
      aggregateOvertimeAndHolidayMinutes: 18 * 60,
      highestLimitShare: 0.18, // the aggregate: 18 h of 100 h
      alert: 'ok',
    });
  });

  it('reads a month after the last work as empty, with the earlier months in the averages', () => {
    const december = summarizeEmployerMonth(report, side, '2026-12', names);
    expect(december.overtimeMinutes).toBe(0);
    expect(december.highestLimitShare).toBeCloseTo(1080 / 2 / 4800, 10);
  });

  it('lists the findings addressed to the employer for the month, with names instead of ids', () => {
    const long: LaborInput = {
      method: 'principle',
      employers: [main, side],
      work: mainJobWeeks(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'], '21:00'),
    };
    const summary = summarizeEmployerMonth(checkLaborCompliance(long), main, '2026-11', names);
    expect(summary.overtimeMinutes).toBe(20 * 3 * 60);
    expect(summary.alert).toBe('over');
    expect(summary.violations.map((v) => [v.rule, v.period])).toEqual([
      ['36-monthly-limit', '2026-11'],
    ]);
    expect(summary.violations[0]!.message).toMatch(/^株式会社みらいソフト caused 60 h of 時間外/);
    expect(
      summarizeEmployerMonth(checkLaborCompliance(long), side, '2026-11', names).violations,
    ).toEqual([]);
  });
});
