import { describe, expect, it } from 'vitest';
import { validateLaborInput } from './validate-labor-input';

/** The example input, plus a second employer. */
function example(): Record<string, unknown> {
  return {
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
        weekStartsOn: 'monday',
        legalHoliday: 'saturday',
        hourlyWageYen: 1200,
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
}

function problemsOf(raw: unknown): string[] {
  const result = validateLaborInput(raw);
  return result.ok ? [] : result.problems;
}

function withWork(...segments: Record<string, unknown>[]): Record<string, unknown> {
  return { ...example(), work: segments };
}

const segment = (overrides: Record<string, unknown> = {}) => ({
  employer: 'A',
  date: '2026-11-02',
  start: '09:00',
  end: '17:00',
  breakMinutes: 60,
  contracted: true,
  ...overrides,
});

describe('validateLaborInput', () => {
  it('accepts the issue’s example and returns it typed', () => {
    const result = validateLaborInput(example());
    expect(result).toEqual({ ok: true, input: example() });
  });

  it('rejects a segment that ends before it starts, naming the entry and how to write a night shift', () => {
    expect(
      problemsOf(
        withWork(segment(), segment({ date: '2026-11-03', start: '17:00', end: '09:00' })),
      ),
    ).toEqual(['work[1]: end 09:00 is before start 17:00 (write a shift past midnight as 33:00)']);
  });

  it('accepts a shift past midnight written as 22:00–29:00, and rejects one longer than 24 h', () => {
    expect(problemsOf(withWork(segment({ start: '22:00', end: '29:00' })))).toEqual([]);
    expect(problemsOf(withWork(segment({ start: '08:00', end: '32:30' })))).toEqual([
      'work[0]: lasts more than 24 h (08:00–32:30)',
    ]);
  });

  it('rejects overlapping segments of one employer, naming both', () => {
    const problems = problemsOf(
      withWork(
        segment(),
        segment({ start: '13:00', end: '18:00', breakMinutes: 0, contracted: false }),
      ),
    );
    expect(problems).toEqual(['work[1]: overlaps work[0] of employer A']);
  });

  it('finds an overlap across midnight and one hidden behind a long segment', () => {
    const problems = problemsOf(
      withWork(
        segment({ start: '20:00', end: '30:00', breakMinutes: 0 }),
        segment({ date: '2026-11-03', start: '01:00', end: '02:00', breakMinutes: 0 }),
        segment({ date: '2026-11-03', start: '04:00', end: '05:00', breakMinutes: 0 }),
        segment({ date: '2026-11-03', start: '06:00', end: '07:00', breakMinutes: 0 }),
      ),
    );
    expect(problems).toEqual([
      'work[1]: overlaps work[0] of employer A',
      'work[2]: overlaps work[0] of employer A',
    ]);
  });

  it('lets back-to-back segments and different employers’ segments share a minute boundary', () => {
    const problems = problemsOf(
      withWork(
        segment({ start: '09:00', end: '12:00', breakMinutes: 0 }),
        segment({ start: '12:00', end: '14:00', breakMinutes: 0, contracted: false }),
        segment({ employer: 'B', start: '14:00', end: '16:00', breakMinutes: 0 }),
      ),
    );
    expect(problems).toEqual([]);
  });

  it('rejects a segment of an unknown employer', () => {
    expect(problemsOf(withWork(segment(), segment({ employer: 'C', date: '2026-11-03' })))).toEqual(
      ['work[1]: unknown employer "C"'],
    );
  });

  it('rejects dates that are not real dates, in employers and in work', () => {
    const raw = example();
    (raw.employers as Record<string, unknown>[])[0]!.contractSignedOn = '2017-13-01';
    raw.work = [segment({ date: '2026-02-30' }), segment({ date: '2026/11/03' })];
    expect(problemsOf(raw)).toEqual([
      'employers[0].contractSignedOn: not a date (YYYY-MM-DD), got "2017-13-01"',
      'work[0].date: not a date (YYYY-MM-DD), got "2026-02-30"',
      'work[1].date: not a date (YYYY-MM-DD), got "2026/11/03"',
    ]);
  });

  it('rejects bad times, breaks and flags', () => {
    expect(
      problemsOf(
        withWork(segment({ start: '9:00', end: '17:60', breakMinutes: -5, contracted: 'yes' })),
      ),
    ).toEqual([
      'work[0].start: must be a time from 00:00 to 23:59, got "9:00"',
      'work[0].end: must be a time from 00:00 to 47:59 (past midnight as 24:00 and on), got "17:60"',
      'work[0].breakMinutes: must be whole minutes ≥ 0, got -5',
      'work[0].contracted: must be true or false, got "yes"',
    ]);
    expect(problemsOf(withWork(segment({ breakMinutes: 480 })))).toEqual([
      'work[0].breakMinutes: 480 is not shorter than the segment (480 min)',
    ]);
  });

  it('reports every problem at once, not just the first', () => {
    const problems = problemsOf({
      method: 'guess',
      employers: [{ id: 'A', contractSignedOn: 'soon', relation: 'employee' }],
      work: [segment({ employer: 'Z' })],
      extra: true,
    });
    expect(problems).toEqual([
      'input.extra: unknown field',
      'method: must be one of "principle", "management-model", got "guess"',
      'employers[0].contractSignedOn: not a date (YYYY-MM-DD), got "soon"',
      'employers[0].weekStartsOn: required for an employee',
      'employers[0].legalHoliday: required for an employee',
      'employers[0].hourlyWageYen: required for an employee',
      'work[0]: unknown employer "Z"',
    ]);
  });

  it('does not report the segments of an employer whose own entry is wrong as unknown', () => {
    const raw = example();
    (raw.employers as Record<string, unknown>[])[0]!.relation = 'freelancer';
    expect(problemsOf(raw)).toEqual([
      'employers[0].relation: must be one of "employee", "contractor", "exempt-manager", got "freelancer"',
    ]);
  });

  it('rejects a misspelt field instead of ignoring it', () => {
    const raw = example();
    (raw.employers as Record<string, unknown>[])[1]!.agrement36 = null;
    expect(problemsOf(raw)).toEqual(['employers[1].agrement36: unknown field']);
  });

  it('rejects duplicate employer ids', () => {
    const raw = example();
    (raw.employers as Record<string, unknown>[])[1]!.id = 'A';
    expect(problemsOf(raw)).toContain('employers[1].id: "A" is already employers[0]');
  });

  it('requires a monthly cap of every employee in the management model', () => {
    expect(problemsOf({ ...example(), method: 'management-model' })).toEqual([
      'employers[0].monthlyCapMinutes: required for an employee in the management model',
      'employers[1].monthlyCapMinutes: required for an employee in the management model',
    ]);
  });

  it('lets a contractor leave out the week, the legal holiday and the wage, but not an employee', () => {
    const raw = example();
    raw.employers = [
      { id: 'A', contractSignedOn: '2017-04-01', relation: 'employee' },
      { id: 'B', contractSignedOn: '2021-04-01', relation: 'contractor' },
    ];
    expect(problemsOf(raw)).toEqual([
      'employers[0].weekStartsOn: required for an employee',
      'employers[0].legalHoliday: required for an employee',
      'employers[0].hourlyWageYen: required for an employee',
    ]);
  });

  it('checks a 36 agreement against the legal maxima', () => {
    const raw = example();
    (raw.employers as Record<string, unknown>[])[0]!.agreement36 = {
      specialClause: false,
      monthlyLimitMinutes: 3000,
      yearlyLimitMinutes: 30000,
      yearStartMonth: 13,
    };
    expect(problemsOf(raw)).toEqual([
      'employers[0].agreement36.monthlyLimitMinutes: must be whole minutes from 0 to 2700 (45 h, 労働基準法36条4項), got 3000',
      'employers[0].agreement36.yearlyLimitMinutes: must be whole minutes from 0 to 21600 (360 h, 労働基準法36条4項), got 30000',
      'employers[0].agreement36.yearStartMonth: must be a month from 1 to 12, got 13',
    ]);
    (raw.employers as Record<string, unknown>[])[0]!.agreement36 = {
      specialClause: true,
      yearlyLimitMinutes: 30000,
    };
    expect(problemsOf(raw)).toEqual([]);
  });

  it('checks the programme’s employers, cap and approvals', () => {
    const raw = {
      ...example(),
      programme: {
        employer: 'A',
        capPercentOfContracted: 120,
        approvalRequired: 'yes',
        engagements: [{ employer: 'A', approved: true }, { employer: 'X' }],
      },
    };
    expect(problemsOf(raw)).toEqual([
      'programme.capPercentOfContracted: must be a percentage from 0 to 100, got 120',
      'programme.approvalRequired: must be true or false, got "yes"',
      'programme.engagements[0].employer: "A" runs the programme; it cannot be its own engagement',
      'programme.engagements[1].employer: must name an employer of this input, got "X"',
      'programme.engagements[1].approved: must be true or false, got missing',
    ]);
  });

  it('rejects input that is not an object, or lists that are not lists', () => {
    expect(problemsOf([])).toEqual(['input: must be a JSON object']);
    expect(problemsOf({ method: 'principle', employers: {}, work: 'none' })).toEqual([
      'employers: must list at least one employer',
      'work: must be a list of segments',
    ]);
  });
});
