import { describe, expect, it } from 'vitest';
import { checkLaborCompliance } from './labor-compliance';
import type { LaborEmployer, LaborInput, WorkSegment } from './labor-input';
import { checkAggregateLimits } from './labor-limits';
import type { LaborReport } from './labor-report';
import {
  beyondContract,
  datesOfWeekday,
  employee,
  employerReport,
  monthReport,
  monthWithDailyOvertime,
  principle,
  weekdaysOfMonth,
  work,
} from './labor-test-fixtures';

const A = employee('A', '2017-04-01');
const B = employee('B', '2021-04-01');

function rulesOf(report: LaborReport): string[] {
  return report.violations.map((v) => `${v.rule} ${v.employer} ${v.period}`);
}

/** Months of `hours` h of daily 時間外 each, at one employer. */
function monthsOfOvertime(employer: string, months: [number, number, number][]): WorkSegment[] {
  return months.flatMap(([year, month, hours]) =>
    monthWithDailyOvertime(employer, year, month, hours * 60),
  );
}

describe('each employer’s 36 agreement, on its own hours (労働基準法36条4項・5項)', () => {
  it('36-monthly-limit: more than 45 h of 時間外 in a month without a special clause is a violation; 45 h is not', () => {
    const over = checkLaborCompliance(principle([A], monthsOfOvertime('A', [[2026, 11, 46]])));
    expect(rulesOf(over)).toEqual(['36-monthly-limit A 2026-11']);
    expect(over.violations[0]!.message).toContain('46 h');
    expect(over.violations[0]!.message).toContain('労働基準法36条4項');
    const atLimit = checkLaborCompliance(principle([A], monthsOfOvertime('A', [[2026, 11, 45]])));
    expect(atLimit.violations).toEqual([]);
  });

  it('36-monthly-limit: an agreed monthly limit below 45 h is the one checked', () => {
    const strictA = employee('A', '2017-04-01', {
      agreement36: { specialClause: false, monthlyLimitMinutes: 30 * 60 },
    });
    const report = checkLaborCompliance(
      principle([strictA], monthsOfOvertime('A', [[2026, 11, 31]])),
    );
    expect(rulesOf(report)).toEqual(['36-monthly-limit A 2026-11']);
  });

  it('36 limits count only the 時間外 the employer caused itself, not the other employer’s hours', () => {
    // Every weekday A's 8 h first, then B's contracted 3 h (1 h on the 16th day): 46 h at B.
    const segments: WorkSegment[] = weekdaysOfMonth(2026, 11).flatMap((date, i) => {
      if (i > 15) return [work('A', date, '08:00', '16:00')];
      return [
        work('A', date, '08:00', '16:00'),
        work('B', date, '17:00', i < 15 ? '20:00' : '18:00'),
      ];
    });
    const report = checkLaborCompliance(principle([A, B], segments));
    expect(employerReport(report, 'B').overtimeMinutes).toBe(46 * 60);
    expect(employerReport(report, 'A').overtimeMinutes).toBe(0);
    expect(rulesOf(report)).toEqual(['36-monthly-limit B 2026-11']);
  });

  it('36-yearly-limit: over 360 h in the agreement year (April by default) without a special clause', () => {
    const segments = monthsOfOvertime('A', [
      [2026, 3, 45], // the previous agreement year
      [2026, 4, 45],
      [2026, 5, 45],
      [2026, 6, 45],
      [2026, 7, 45],
      [2026, 8, 45],
      [2026, 9, 45],
      [2026, 10, 45],
      [2026, 11, 45],
      [2026, 12, 1],
    ]);
    const report = checkLaborCompliance(principle([A], segments));
    expect(rulesOf(report)).toEqual(['36-yearly-limit A 2026-04..2027-03']);
    expect(report.violations[0]!.message).toContain('361 h');
    expect(report.violations[0]!.message).toContain('2026-12');
  });

  it('36-yearly-limit: the agreement year starts in the month the agreement says', () => {
    // 45 h a month from January to September 2026: 405 h in a calendar year, but only 270 h
    // from April.
    const segments = monthsOfOvertime('A', [
      [2026, 1, 45],
      [2026, 2, 45],
      [2026, 3, 45],
      [2026, 4, 45],
      [2026, 5, 45],
      [2026, 6, 45],
      [2026, 7, 45],
      [2026, 8, 45],
      [2026, 9, 45],
    ]);
    const januaryA = employee('A', '2017-04-01', {
      agreement36: { specialClause: false, yearStartMonth: 1 },
    });
    expect(rulesOf(checkLaborCompliance(principle([januaryA], segments)))).toEqual([
      '36-yearly-limit A 2026-01..2026-12',
    ]);
    expect(checkLaborCompliance(principle([A], segments)).violations).toEqual([]);
  });

  it('36-special-months-over-45h: with a special clause, the seventh month over 45 h in an agreement year is a violation', () => {
    const specialA = employee('A', '2017-04-01', { agreement36: { specialClause: true } });
    const segments = monthsOfOvertime('A', [
      [2026, 4, 46],
      [2026, 5, 46],
      [2026, 6, 46],
      [2026, 7, 46],
      [2026, 8, 46],
      [2026, 9, 46],
      [2026, 10, 46],
    ]);
    const report = checkLaborCompliance(principle([specialA], segments));
    expect(rulesOf(report)).toEqual(['36-special-months-over-45h A 2026-10']);
  });

  it('36-special-yearly-limit: with a special clause, over 720 h in the agreement year is a violation', () => {
    const specialA = employee('A', '2017-04-01', { agreement36: { specialClause: true } });
    const segments = monthsOfOvertime('A', [
      [2026, 4, 76],
      [2026, 5, 76],
      [2026, 6, 76],
      [2026, 7, 76],
      [2026, 8, 76],
      [2026, 9, 76],
      [2026, 10, 45],
      [2026, 11, 45],
      [2026, 12, 45],
      [2027, 1, 45],
      [2027, 2, 45],
      [2027, 3, 45],
    ]);
    const report = checkLaborCompliance(principle([specialA], segments));
    expect(rulesOf(report)).toEqual(['36-special-yearly-limit A 2026-04..2027-03']);
    expect(report.violations[0]!.message).toContain('726 h');
  });

  it('LSA-32 / LSA-35: with no 36 agreement, any 時間外 or legal-holiday work is unlawful', () => {
    const noAgreementA = employee('A', '2017-04-01', { agreement36: null });
    const report = checkLaborCompliance(
      principle(
        [noAgreementA],
        [
          work('A', '2026-11-02', '08:00', '16:00'),
          beyondContract('A', '2026-11-02', '16:00', '16:30'),
          beyondContract('A', '2026-11-08', '10:00', '12:00'), // Sunday, the legal holiday
        ],
      ),
    );
    expect(rulesOf(report)).toEqual(['LSA-32 A 2026-11', 'LSA-35 A 2026-11']);
  });
});

describe('aggregated limits on the person’s hours (労働基準法36条6項, 38条1項)', () => {
  /** A: 60 h of daily 時間外 on weekdays; B: 10 h on each Saturday (2 h daily, 8 h weekly 時間外). */
  function hundredHourMonth(lastSaturdayEnd: string): LaborInput {
    const segments = monthWithDailyOvertime('A', 2026, 11, 60 * 60).filter(
      (s) => s.date <= '2026-11-27',
    );
    const saturdays = datesOfWeekday(2026, 11, 6);
    saturdays.forEach((date, i) => {
      const end = i === saturdays.length - 1 ? lastSaturdayEnd : '19:00';
      segments.push(beyondContract('B', date, '09:00', end));
    });
    return principle([A, B], segments);
  }

  it('aggregate-100h: 60 h at A plus 40 h at B in one month is a violation for both employers', () => {
    const report = checkLaborCompliance(hundredHourMonth('19:00'));
    expect(employerReport(report, 'A').overtimeMinutes).toBe(3600);
    expect(employerReport(report, 'B').overtimeMinutes).toBe(2400);
    const aggregate = rulesOf(report).filter((r) => r.startsWith('aggregate-100h'));
    expect(aggregate).toEqual(['aggregate-100h A 2026-11', 'aggregate-100h B 2026-11']);
  });

  it('aggregate-100h: 99 h is under the limit', () => {
    const report = checkLaborCompliance(hundredHourMonth('18:00'));
    expect(monthReport(report, 'A', '2026-11').aggregateOvertimeAndHolidayMinutes).toBe(99 * 60);
    expect(rulesOf(report).filter((r) => r.startsWith('aggregate-'))).toEqual([]);
  });

  it('aggregate-80h-average: two months of 81 h average over 80 h; two months of 80 h do not', () => {
    const specialA = employee('A', '2017-04-01', { agreement36: { specialClause: true } });
    const over = checkLaborCompliance(
      principle(
        [specialA],
        monthsOfOvertime('A', [
          [2026, 10, 81],
          [2026, 11, 81],
        ]),
      ),
    );
    expect(rulesOf(over)).toEqual(['aggregate-80h-average A 2026-10..2026-11']);
    const atLimit = checkLaborCompliance(
      principle(
        [specialA],
        monthsOfOvertime('A', [
          [2026, 10, 80],
          [2026, 11, 80],
        ]),
      ),
    );
    expect(atLimit.violations).toEqual([]);
  });

  it('aggregate-80h-average: every window of 2 to 6 months is judged, and only windows inside the timesheet', () => {
    const firstMonth = 2026 * 12 + 5; // 2026-06
    const found = checkAggregateLimits(
      'A',
      [70, 90, 90].map((h) => h * 60),
      firstMonth,
    );
    expect(found.map((v) => v.period)).toEqual(['2026-07..2026-08', '2026-06..2026-08']);
    expect(checkAggregateLimits('A', [90 * 60], firstMonth)).toEqual([]);
  });

  it('aggregate figures add the legal-holiday work of every employer to everyone’s 時間外', () => {
    const report = checkLaborCompliance(
      principle(
        [A, B],
        [
          work('A', '2026-11-02', '08:00', '16:00'),
          work('B', '2026-11-02', '17:00', '19:00'), // 2 h 時間外 at B
          beyondContract('B', '2026-11-08', '09:00', '12:00'), // 3 h on B's legal holiday
        ],
      ),
    );
    expect(monthReport(report, 'A', '2026-11').aggregateOvertimeAndHolidayMinutes).toBe(300);
    expect(monthReport(report, 'B', '2026-11').aggregateOvertimeAndHolidayMinutes).toBe(300);
  });
});

describe('management model (管理モデル, 副業・兼業ガイドライン)', () => {
  function model(capA: number, capB: number, segments: WorkSegment[], wageB = 1200): LaborInput {
    const employers: LaborEmployer[] = [
      employee('A', '2017-04-01', { monthlyCapMinutes: capA * 60 }),
      employee('B', '2021-04-01', { monthlyCapMinutes: capB * 60, hourlyWageYen: wageB }),
    ];
    return { method: 'management-model', employers, work: segments };
  }
  const fullTimeAtA = weekdaysOfMonth(2026, 11).map((date) => work('A', date, '09:00', '17:00'));
  const saturdaysAtB = datesOfWeekday(2026, 11, 6).map((date) => work('B', date, '09:00', '13:00'));

  it('passes when each keeps to its cap: A counts only its own hours, B pays 25% on every hour, contracted ones included', () => {
    const report = checkLaborCompliance(model(30, 30, [...fullTimeAtA, ...saturdaysAtB]));
    expect(employerReport(report, 'A').overtimeMinutes).toBe(0);
    expect(employerReport(report, 'B')).toMatchObject({
      overtimeMinutes: 16 * 60,
      over60Minutes: 0,
      premiumYen: 4800, // 16 h × ¥1,200 × 25%
    });
    expect(report.violations).toEqual([]);
  });

  it('management-model-cap: B over its cap on all its hours is a violation', () => {
    const extra = beyondContract('B', '2026-11-29', '09:00', '24:00'); // Sunday is B's legal holiday: 15 h
    const report = checkLaborCompliance(model(45, 30, [...fullTimeAtA, ...saturdaysAtB, extra]));
    expect(monthReport(report, 'B', '2026-11')).toMatchObject({
      overtimeMinutes: 960,
      legalHolidayMinutes: 900,
    });
    expect(rulesOf(report)).toEqual(['management-model-cap B 2026-11']);
  });

  it('management-model-cap: A over its cap on its statutory overtime is a violation', () => {
    const segments = monthWithDailyOvertime('A', 2026, 11, 21 * 60);
    const report = checkLaborCompliance(model(20, 30, segments));
    expect(rulesOf(report)).toEqual(['management-model-cap A 2026-11']);
  });

  it('management-model-caps-100h and -80h: the caps must add up to under 100 h and at most 80 h', () => {
    const segments = [work('A', '2026-11-02', '09:00', '17:00')];
    expect(rulesOf(checkLaborCompliance(model(60, 40, segments)))).toEqual([
      'management-model-caps-100h A 2026-11..2026-11',
      'management-model-caps-100h B 2026-11..2026-11',
    ]);
    expect(rulesOf(checkLaborCompliance(model(50, 35, segments)))).toEqual([
      'management-model-caps-80h A 2026-11..2026-11',
      'management-model-caps-80h B 2026-11..2026-11',
    ]);
    expect(checkLaborCompliance(model(50, 30, segments)).violations).toEqual([]);
  });

  it('B’s 60 h count starts after A’s cap: with A capped at 45 h, B’s hours past 15 h in the month are paid at 50%', () => {
    const twentyHoursAtB = datesOfWeekday(2026, 11, 6).map((date) =>
      work('B', date, '09:00', '14:00'),
    );
    const report = checkLaborCompliance(model(45, 30, [...fullTimeAtA, ...twentyHoursAtB], 1000));
    expect(employerReport(report, 'B')).toMatchObject({
      overtimeMinutes: 1200,
      over60Minutes: 300,
      premiumYen: 6250, // 15 h × 25% + 5 h × 50% of ¥1,000
    });
  });
});

describe('programme caps (the platform’s own rule)', () => {
  const C = { id: 'C', contractSignedOn: '2025-04-01', relation: 'contractor' as const };
  const D = { id: 'D', contractSignedOn: '2025-06-01', relation: 'contractor' as const };
  const fullTimeAtA = weekdaysOfMonth(2026, 11).map((date) => work('A', date, '09:00', '17:00')); // 168 h

  it('programme-cap: hours at regional engagements beyond the share of contracted hours are flagged with the excess', () => {
    const atC = datesOfWeekday(2026, 11, 6).map((date) => work('C', date, '08:00', '18:00')); // 40 h
    const input: LaborInput = {
      ...principle([A, C], [...fullTimeAtA, ...atC]),
      programme: {
        employer: 'A',
        capPercentOfContracted: 20,
        approvalRequired: true,
        engagements: [{ employer: 'C', approved: true }],
      },
    };
    const report = checkLaborCompliance(input);
    expect(rulesOf(report)).toEqual(['programme-cap A 2026-11']);
    expect(report.violations[0]!.message).toContain('6 h 24 min over'); // 40 h − 20% of 168 h
    expect(employerReport(report, 'A').overtimeMinutes).toBe(0); // a contractor's hours are not aggregated
  });

  it('programme-approval: hours at an engagement that needs approval and has none are flagged', () => {
    const input: LaborInput = {
      ...principle(
        [A, C, D],
        [
          ...fullTimeAtA,
          work('C', '2026-11-07', '09:00', '12:00'),
          work('D', '2026-11-14', '09:00', '12:00'),
        ],
      ),
      programme: {
        employer: 'A',
        capPercentOfContracted: 20,
        approvalRequired: true,
        engagements: [
          { employer: 'C', approved: true },
          { employer: 'D', approved: false },
        ],
      },
    };
    expect(rulesOf(checkLaborCompliance(input))).toEqual(['programme-approval D 2026-11']);
    const noApprovalNeeded = {
      ...input,
      programme: { ...input.programme!, approvalRequired: false },
    };
    expect(checkLaborCompliance(noApprovalNeeded).violations).toEqual([]);
  });
});
