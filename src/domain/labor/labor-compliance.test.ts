import { describe, expect, it } from 'vitest';
import { checkLaborCompliance } from './labor-compliance';
import type { LaborInput } from './labor-input';
import {
  beyondContract,
  employee,
  employerReport,
  monthReport,
  monthWithDailyOvertime,
  principle,
  weekdaysOfMonth,
  work,
} from './labor-test-fixtures';

/** Contract A signed first (2017), B later (2021), as in docs/domain-labor.md. */
const A = employee('A', '2017-04-01');
const B = employee('B', '2021-04-01');

describe('docs/domain-labor.md worked examples (A signed first, B later)', () => {
  it('principle: A contracted 6 h and B contracted 3 h, both as contracted → 1 h 時間外 at B', () => {
    const report = checkLaborCompliance(
      principle(
        [A, B],
        [work('A', '2026-11-02', '09:00', '15:00'), work('B', '2026-11-02', '18:00', '21:00')],
      ),
    );
    expect(employerReport(report, 'A').overtimeMinutes).toBe(0);
    expect(employerReport(report, 'B').overtimeMinutes).toBe(60);
  });

  it('principle: contracted 3 h + 3 h, then A’s 2 h beyond contract, then B’s 1 h → B owes 1 h', () => {
    const report = checkLaborCompliance(
      principle(
        [A, B],
        [
          work('A', '2026-11-02', '09:00', '12:00'),
          beyondContract('A', '2026-11-02', '12:00', '14:00'),
          work('B', '2026-11-02', '15:00', '18:00'),
          beyondContract('B', '2026-11-02', '18:00', '19:00'),
        ],
      ),
    );
    expect(employerReport(report, 'A').overtimeMinutes).toBe(0);
    expect(employerReport(report, 'B').overtimeMinutes).toBe(60);
  });

  it('principle: A (2017) 16:00–21:00 and B (2021) 08:00–12:00, both contracted → B owes 1 h although its hours come first', () => {
    const input: LaborInput = {
      method: 'principle',
      employers: [
        {
          id: 'A',
          contractSignedOn: '2017-04-01',
          relation: 'employee',
          weekStartsOn: 'sunday',
          legalHoliday: 'sunday',
          hourlyWageYen: 1000,
        },
        {
          id: 'B',
          contractSignedOn: '2021-04-01',
          relation: 'employee',
          weekStartsOn: 'sunday',
          legalHoliday: 'sunday',
          hourlyWageYen: 1000,
        },
      ],
      work: [
        {
          employer: 'A',
          date: '2026-11-02',
          start: '16:00',
          end: '21:00',
          breakMinutes: 0,
          contracted: true,
        },
        {
          employer: 'B',
          date: '2026-11-02',
          start: '08:00',
          end: '12:00',
          breakMinutes: 0,
          contracted: true,
        },
      ],
    };
    const month = (overrides: Record<string, number>) => ({
      month: '2026-11',
      workedMinutes: 0,
      contractedMinutes: 0,
      overtimeMinutes: 0,
      nightMinutes: 0,
      legalHolidayMinutes: 0,
      over60Minutes: 0,
      premiumYen: 0,
      aggregateOvertimeAndHolidayMinutes: 60,
      ...overrides,
    });
    expect(checkLaborCompliance(input)).toEqual({
      employers: [
        {
          id: 'A',
          overtimeMinutes: 0,
          nightMinutes: 0,
          legalHolidayMinutes: 0,
          over60Minutes: 0,
          premiumYen: 0,
          months: [month({ workedMinutes: 300, contractedMinutes: 300 })],
        },
        {
          id: 'B',
          overtimeMinutes: 60,
          nightMinutes: 0,
          legalHolidayMinutes: 0,
          over60Minutes: 0,
          premiumYen: 250,
          months: [
            month({
              workedMinutes: 240,
              contractedMinutes: 240,
              overtimeMinutes: 60,
              premiumYen: 250,
            }),
          ],
        },
      ],
      violations: [],
    });
  });

  it('weekly 40 h: main job Mon–Fri 7 h, side job Saturday 8 h, on the main employer’s week → the first 5 h of Saturday are within 40 h, the last 3 h weekly 時間外', () => {
    const segments = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'].map(
      (date) => work('A', date, '09:00', '17:00', { breakMinutes: 60 }),
    );
    segments.push(work('B', '2026-11-07', '09:00', '17:00'));
    const report = checkLaborCompliance(principle([A, B], segments));
    expect(employerReport(report, 'A').overtimeMinutes).toBe(0);
    expect(employerReport(report, 'B').overtimeMinutes).toBe(180);
    // As A counts it, too: the 3 h are B's, on A's week.
    expect(monthReport(report, 'A', '2026-11').aggregateOvertimeAndHolidayMinutes).toBe(180);
  });

  it('premium: at ¥1,000 an hour, 1 h of 時間外 within 60 h pays ¥1,250, so the premium is ¥250', () => {
    const report = checkLaborCompliance(
      principle(
        [A],
        [
          work('A', '2026-11-02', '08:00', '16:00'),
          beyondContract('A', '2026-11-02', '16:00', '17:00'),
        ],
      ),
    );
    expect(employerReport(report, 'A')).toMatchObject({
      overtimeMinutes: 60,
      over60Minutes: 0,
      premiumYen: 250,
    });
  });

  it('premium: 時間外 beyond 60 h in the month pays ¥1,500 an hour (premium ¥500)', () => {
    const segments = monthWithDailyOvertime('A', 2026, 11, 60 * 60); // 60 h by 2026-11-27
    segments.push(beyondContract('A', '2026-11-30', '16:00', '17:00'));
    const report = checkLaborCompliance(principle([A], segments));
    expect(employerReport(report, 'A')).toMatchObject({
      overtimeMinutes: 61 * 60,
      over60Minutes: 60,
      premiumYen: 60 * 250 + 500,
    });
  });

  it('premium: 時間外 beyond 60 h at night pays ¥1,750 an hour (premium ¥750)', () => {
    const segments = monthWithDailyOvertime('A', 2026, 11, 60 * 60);
    segments.push(beyondContract('A', '2026-11-30', '22:00', '23:00'));
    const report = checkLaborCompliance(principle([A], segments));
    expect(employerReport(report, 'A')).toMatchObject({
      overtimeMinutes: 61 * 60,
      over60Minutes: 60,
      nightMinutes: 60,
      premiumYen: 60 * 250 + 750,
    });
  });

  it('premium: legal-holiday work at night pays ¥1,600 an hour (premium ¥600), no 時間外 premium on top', () => {
    // 2026-11-01 is a Sunday, A's legal holiday.
    const report = checkLaborCompliance(
      principle([A], [beyondContract('A', '2026-11-01', '22:00', '23:00')]),
    );
    expect(employerReport(report, 'A')).toMatchObject({
      overtimeMinutes: 0,
      legalHolidayMinutes: 60,
      nightMinutes: 60,
      premiumYen: 600,
    });
  });
});

describe('who is aggregated (労働基準法38条1項, 41条)', () => {
  it('contractors contribute no hours to the aggregation and owe nothing, but their hours are shown', () => {
    const C = { id: 'C', contractSignedOn: '2020-01-01', relation: 'contractor' as const };
    const report = checkLaborCompliance(
      principle(
        [A, C],
        [work('A', '2026-11-02', '09:00', '17:00'), work('C', '2026-11-02', '18:00', '23:00')],
      ),
    );
    expect(employerReport(report, 'A').overtimeMinutes).toBe(0);
    expect(employerReport(report, 'C')).toMatchObject({
      overtimeMinutes: 0,
      nightMinutes: 0,
      premiumYen: 0,
    });
    expect(monthReport(report, 'C', '2026-11').workedMinutes).toBe(300);
  });

  it('an exempt manager’s hours are not aggregated, but the night premium is still owed (art. 37(4))', () => {
    const M = {
      id: 'M',
      contractSignedOn: '2015-01-01',
      relation: 'exempt-manager' as const,
      hourlyWageYen: 2000,
    };
    const report = checkLaborCompliance(
      principle(
        [M, B],
        [work('M', '2026-11-02', '09:00', '17:00'), work('B', '2026-11-02', '20:00', '24:00')],
      ),
    );
    expect(employerReport(report, 'B').overtimeMinutes).toBe(0);
    expect(employerReport(report, 'M')).toMatchObject({
      overtimeMinutes: 0,
      nightMinutes: 0,
      premiumYen: 0,
    });
    const nightAtM = checkLaborCompliance(
      principle([M], [work('M', '2026-11-01', '18:00', '24:00')]), // a Sunday: no rest-day rules either
    );
    expect(employerReport(nightAtM, 'M')).toMatchObject({
      overtimeMinutes: 0,
      legalHolidayMinutes: 0,
      nightMinutes: 120,
      premiumYen: 1000, // 2 h × ¥2,000 × 25%
    });
  });
});

describe('principle method: contracted hours in contract order (副業・兼業ガイドライン)', () => {
  it('three employers: the part beyond 8 h of contracted hours is the latest-signed employer’s, whatever the clock and input order', () => {
    const C = employee('C', '2022-10-01');
    const report = checkLaborCompliance(
      principle(
        [C, B, A],
        [
          work('C', '2026-11-02', '07:00', '10:00'), // 3 h, first in the day, latest contract
          work('B', '2026-11-02', '11:00', '14:00'), // 3 h
          work('A', '2026-11-02', '15:00', '19:00'), // 4 h, last in the day, earliest contract
        ],
      ),
    );
    expect(employerReport(report, 'A').overtimeMinutes).toBe(0);
    expect(employerReport(report, 'B').overtimeMinutes).toBe(0);
    expect(employerReport(report, 'C').overtimeMinutes).toBe(120);
  });

  it('contract order follows the signing dates, not which employer is listed first', () => {
    const earlyB = employee('B', '2010-01-01');
    const report = checkLaborCompliance(
      principle(
        [A, earlyB],
        [work('A', '2026-11-02', '08:00', '14:00'), work('B', '2026-11-02', '15:00', '18:00')],
      ),
    );
    expect(employerReport(report, 'A').overtimeMinutes).toBe(60);
    expect(employerReport(report, 'B').overtimeMinutes).toBe(0);
  });

  it('contracts signed the same day are taken in the input’s order', () => {
    const sameDayB = employee('B', '2017-04-01');
    const report = checkLaborCompliance(
      principle(
        [A, sameDayB],
        [work('A', '2026-11-02', '08:00', '14:00'), work('B', '2026-11-02', '15:00', '18:00')],
      ),
    );
    expect(employerReport(report, 'B').overtimeMinutes).toBe(60);
  });

  it('hours beyond the contract are added in the order they happen, so the earlier-signed employer can owe them', () => {
    const report = checkLaborCompliance(
      principle(
        [A, B],
        [
          work('A', '2026-11-02', '09:00', '13:00'),
          work('B', '2026-11-02', '14:00', '17:00'),
          beyondContract('B', '2026-11-02', '17:00', '18:00'), // reaches 8 h
          beyondContract('A', '2026-11-02', '19:00', '21:00'), // beyond 8 h
        ],
      ),
    );
    expect(employerReport(report, 'A').overtimeMinutes).toBe(120);
    expect(employerReport(report, 'B').overtimeMinutes).toBe(0);
  });

  it('daily 時間外 is not counted again against the 40 h week', () => {
    const segments = weekdaysOfMonth(2026, 11)
      .slice(0, 5)
      .map((date) => work('A', date, '08:00', '18:00')); // 10 h contracted a day
    const report = checkLaborCompliance(principle([A], segments));
    expect(employerReport(report, 'A').overtimeMinutes).toBe(5 * 120);
  });
});

describe('weekly 40 h on each employer’s own week (労働基準法32条1項)', () => {
  // Sunday 2026-11-01 at B, then Monday–Friday 8 h at A.
  const segments = [
    work('B', '2026-11-01', '09:00', '13:00'),
    ...['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'].map((date) =>
      work('A', date, '09:00', '17:00'),
    ),
  ];

  it('week-start difference: on A’s Sunday week B’s Sunday hours are weekly 時間外, on B’s Monday week they are not', () => {
    const mondayB = employee('B', '2021-04-01', {
      weekStartsOn: 'monday',
      legalHoliday: 'saturday',
    });
    const report = checkLaborCompliance(principle([A, mondayB], segments));
    expect(monthReport(report, 'A', '2026-11').aggregateOvertimeAndHolidayMinutes).toBe(240);
    expect(employerReport(report, 'B').overtimeMinutes).toBe(0);
    expect(monthReport(report, 'B', '2026-11').aggregateOvertimeAndHolidayMinutes).toBe(0);
  });

  it('the same hours on a Sunday week for B too are 4 h of B’s 時間外', () => {
    const sundayB = employee('B', '2021-04-01', {
      weekStartsOn: 'sunday',
      legalHoliday: 'saturday',
    });
    const report = checkLaborCompliance(principle([A, sundayB], segments));
    expect(employerReport(report, 'B').overtimeMinutes).toBe(240);
  });

  it('work on a non-statutory rest day beyond 40 h is 時間外 at 25%', () => {
    const week = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'].map(
      (date) => work('A', date, '09:00', '17:00'),
    );
    week.push(beyondContract('A', '2026-11-07', '10:00', '15:00')); // Saturday, not A's legal holiday
    const report = checkLaborCompliance(principle([A], week));
    expect(employerReport(report, 'A')).toMatchObject({
      overtimeMinutes: 300,
      legalHolidayMinutes: 0,
      premiumYen: 1250,
    });
  });
});

describe('legal holiday (法定休日, 労働基準法35条・37条)', () => {
  it('work on the legal holiday is 休日労働 at 35%, never 時間外, and stays out of the 8 h and 40 h counts', () => {
    const segments = weekdaysOfMonth(2026, 11)
      .slice(0, 5)
      .map((date) => work('A', date, '09:00', '17:00'));
    segments.push(beyondContract('A', '2026-11-08', '09:00', '19:00')); // Sunday, 10 h
    const report = checkLaborCompliance(principle([A], segments));
    expect(employerReport(report, 'A')).toMatchObject({
      overtimeMinutes: 0,
      legalHolidayMinutes: 600,
      premiumYen: 3500,
    });
    // …but it counts toward the 100 h / 80 h limits.
    expect(monthReport(report, 'A', '2026-11').aggregateOvertimeAndHolidayMinutes).toBe(600);
  });

  it('another employer’s legal-holiday work is not aggregated into the 40 h week (rest days are not aggregated)', () => {
    const weekdaysAtA = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'].map(
      (date) => work('A', date, '09:00', '17:00'),
    );
    const saturdayHolidayB = employee('B', '2021-04-01', { legalHoliday: 'saturday' });
    const report = checkLaborCompliance(
      principle([A, saturdayHolidayB], [...weekdaysAtA, work('B', '2026-11-07', '09:00', '17:00')]),
    );
    expect(employerReport(report, 'B')).toMatchObject({
      overtimeMinutes: 0,
      legalHolidayMinutes: 480,
    });
    expect(monthReport(report, 'A', '2026-11').aggregateOvertimeAndHolidayMinutes).toBe(480);

    const sundayHolidayB = employee('B', '2021-04-01');
    const asRestDay = checkLaborCompliance(
      principle([A, sundayHolidayB], [...weekdaysAtA, work('B', '2026-11-07', '09:00', '17:00')]),
    );
    expect(employerReport(asRestDay, 'B')).toMatchObject({
      overtimeMinutes: 480,
      legalHolidayMinutes: 0,
    });
  });

  it('a shift running into the legal holiday is 休日労働 from midnight on (the legal holiday is a calendar day)', () => {
    // Saturday 20:00 to Sunday 02:00: 4 h on Saturday (2 h at night), 2 h on Sunday at night.
    const report = checkLaborCompliance(
      principle([A], [beyondContract('A', '2026-11-07', '20:00', '26:00')]),
    );
    expect(employerReport(report, 'A')).toMatchObject({
      overtimeMinutes: 0,
      legalHolidayMinutes: 120,
      nightMinutes: 240,
      premiumYen: 1700, // (240 × 25% + 120 × 35%) of ¥1,000 an hour
    });
  });

  it('after a shift that began on the legal holiday, the hours past midnight belong to the next day', () => {
    const report = checkLaborCompliance(
      principle(
        [A],
        [
          beyondContract('A', '2026-11-08', '20:00', '27:00'), // Sunday 20:00 to Monday 03:00
          work('A', '2026-11-09', '09:00', '17:00'), // Monday's contracted 8 h
        ],
      ),
    );
    expect(employerReport(report, 'A')).toMatchObject({
      legalHolidayMinutes: 240,
      overtimeMinutes: 180,
    });
  });
});

describe('night hours 22:00–05:00 (深夜, 労働基準法37条4項)', () => {
  it('a shift past midnight is one shift of the day it began: 20:00–05:00 is 9 h, 7 h of them at night, 1 h 時間外', () => {
    const report = checkLaborCompliance(
      principle(
        [A],
        [
          work('A', '2026-11-02', '20:00', '29:00'),
          work('A', '2026-11-03', '09:00', '17:00'), // the next day starts its own 8 h
        ],
      ),
    );
    expect(employerReport(report, 'A')).toMatchObject({
      overtimeMinutes: 60,
      nightMinutes: 420,
      premiumYen: 2000, // 420 min × 25% + 60 min × 25% at ¥1,000 an hour
    });
  });

  it('a break is taken out of the day hours of the segment first, so the night premium is never under-counted', () => {
    const report = checkLaborCompliance(
      principle([A], [work('A', '2026-11-02', '20:00', '29:00', { breakMinutes: 60 })]),
    );
    expect(employerReport(report, 'A')).toMatchObject({
      overtimeMinutes: 0,
      nightMinutes: 420,
      premiumYen: 1750,
    });
  });

  it('時間外 that falls at night carries both premiums: B’s 2 h after A’s 8 h, one of them after 22:00', () => {
    const report = checkLaborCompliance(
      principle(
        [A, B],
        [work('A', '2026-11-02', '09:00', '17:00'), work('B', '2026-11-02', '21:00', '23:00')],
      ),
    );
    expect(employerReport(report, 'B')).toMatchObject({
      overtimeMinutes: 120,
      nightMinutes: 60,
      premiumYen: 750, // 120 × 25% + 60 × 25% of ¥1,000
    });
  });
});

describe('month boundaries', () => {
  it('a shift past midnight at the end of a month belongs to the month it began in', () => {
    // Wednesday 2026-09-30 18:00 to Thursday 03:00.
    const report = checkLaborCompliance(
      principle([A], [work('A', '2026-09-30', '18:00', '27:00')]),
    );
    expect(monthReport(report, 'A', '2026-09')).toMatchObject({
      workedMinutes: 540,
      overtimeMinutes: 60,
    });
    expect(employerReport(report, 'A').months.map((m) => m.month)).toEqual(['2026-09']);
  });

  it('weekly 時間外 of a week across two months is booked in the month of the day it was worked', () => {
    // Week Sunday 11-29 to Saturday 12-05: B's Sunday hours beyond the contract, A's Mon–Fri 40 h.
    const saturdayHolidayB = employee('B', '2021-04-01', { legalHoliday: 'saturday' });
    const segments = [
      beyondContract('B', '2026-11-29', '10:00', '14:00'),
      ...['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'].map((date) =>
        work('A', date, '09:00', '17:00'),
      ),
    ];
    const report = checkLaborCompliance(principle([A, saturdayHolidayB], segments));
    expect(monthReport(report, 'B', '2026-11').overtimeMinutes).toBe(240);
    expect(monthReport(report, 'B', '2026-12').overtimeMinutes).toBe(0);
  });

  it('every employer reports every month of the timesheet, and its totals are the sums of its months', () => {
    const report = checkLaborCompliance(
      principle(
        [A, B],
        [
          work('A', '2026-10-05', '08:00', '18:00'),
          work('B', '2026-12-07', '09:00', '17:00'),
          beyondContract('B', '2026-12-07', '22:00', '24:00'),
        ],
      ),
    );
    for (const employer of report.employers) {
      expect(employer.months.map((m) => m.month)).toEqual(['2026-10', '2026-11', '2026-12']);
      for (const key of [
        'overtimeMinutes',
        'nightMinutes',
        'legalHolidayMinutes',
        'over60Minutes',
        'premiumYen',
      ] as const) {
        expect(employer[key]).toBe(employer.months.reduce((sum, m) => sum + m[key], 0));
      }
    }
    expect(employerReport(report, 'A').overtimeMinutes).toBe(120);
    expect(employerReport(report, 'B')).toMatchObject({ overtimeMinutes: 120, nightMinutes: 120 });
  });
});

describe('the 60 h rule (労働基準法37条1項ただし書)', () => {
  it('counts the month’s 時間外 of all aggregated employers in the order it happened, and each pays 50% on its own minutes past 60 h', () => {
    const segments = monthWithDailyOvertime('A', 2026, 11, 60 * 60).filter(
      (s) => s.date <= '2026-11-27',
    );
    segments.push(beyondContract('B', '2026-11-28', '10:00', '16:00')); // Saturday: weekly 時間外
    const report = checkLaborCompliance(principle([A, B], segments));
    expect(employerReport(report, 'A')).toMatchObject({
      overtimeMinutes: 3600,
      over60Minutes: 0,
      premiumYen: 15000,
    });
    expect(employerReport(report, 'B')).toMatchObject({
      overtimeMinutes: 360,
      over60Minutes: 360,
      premiumYen: 3000,
    });
  });

  it('legal-holiday hours do not count toward the 60 h', () => {
    const segments = monthWithDailyOvertime('A', 2026, 11, 59 * 60);
    segments.push(beyondContract('A', '2026-11-29', '09:00', '19:00')); // Sunday: 10 h 休日労働
    segments.push(beyondContract('A', '2026-11-30', '16:00', '17:00'));
    const report = checkLaborCompliance(principle([A], segments));
    expect(employerReport(report, 'A')).toMatchObject({
      overtimeMinutes: 3600,
      over60Minutes: 0,
      legalHolidayMinutes: 600,
    });
  });
});
