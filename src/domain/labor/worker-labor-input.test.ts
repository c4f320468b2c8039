import { describe, expect, it } from 'vitest';
import {
  buildWorkerLaborInput,
  toLaborEmployer,
  validateEmploymentTerms,
  validateTimesheetSegments,
  type EmploymentTerms,
  type TimesheetSegment,
  type WorkerEmployment,
} from './worker-labor-input';
import { weekDates } from './timesheet-workflow';

const employeeTerms: EmploymentTerms = {
  relation: 'employee',
  contractSignedOn: '2015-04-01',
  weekStartsOn: 'monday',
  legalHoliday: 'sunday',
  hourlyWageYen: 2500,
  monthlyCapMinutes: null,
  agreement36: { mode: 'standard' },
};
const main: WorkerEmployment = { ...employeeTerms, id: 'main', employerName: 'みらいソフト' };
const side: WorkerEmployment = {
  ...employeeTerms,
  id: 'side',
  employerName: '軽井沢町',
  contractSignedOn: '2026-04-01',
  weekStartsOn: 'sunday',
  hourlyWageYen: 1500,
};
const week = weekDates('2026-11-16');

function segment(overrides: Partial<TimesheetSegment> = {}): TimesheetSegment {
  return {
    employmentId: 'main',
    date: '2026-11-16',
    start: '09:00',
    end: '18:00',
    breakMinutes: 60,
    contracted: true,
    ...overrides,
  };
}

describe('employments as the engine reads them', () => {
  it('maps the filed 36 agreement: standard → legal limits, none → null, custom → its values', () => {
    expect(toLaborEmployer('a', main)).toEqual({
      id: 'a',
      contractSignedOn: '2015-04-01',
      relation: 'employee',
      weekStartsOn: 'monday',
      legalHoliday: 'sunday',
      hourlyWageYen: 2500,
    });
    expect(toLaborEmployer('a', { ...main, agreement36: { mode: 'none' } }).agreement36).toBeNull();
    expect(
      toLaborEmployer('a', {
        ...main,
        agreement36: { mode: 'custom', specialClause: true, monthlyLimitMinutes: 1800 },
      }).agreement36,
    ).toEqual({ specialClause: true, monthlyLimitMinutes: 1800 });
    expect(
      toLaborEmployer('c', {
        ...main,
        relation: 'contractor',
        weekStartsOn: null,
        legalHoliday: null,
        hourlyWageYen: null,
      }),
    ).toEqual({ id: 'c', contractSignedOn: '2015-04-01', relation: 'contractor' });
  });

  it('names each field an employee or exempt manager is missing, as the engine words it', () => {
    expect(
      validateEmploymentTerms({
        ...employeeTerms,
        weekStartsOn: null,
        legalHoliday: null,
        hourlyWageYen: null,
      }),
    ).toEqual([
      { field: 'weekStartsOn', message: 'required for an employee' },
      { field: 'legalHoliday', message: 'required for an employee' },
      { field: 'hourlyWageYen', message: 'required for an employee' },
    ]);
    expect(
      validateEmploymentTerms({
        ...employeeTerms,
        relation: 'exempt-manager',
        hourlyWageYen: null,
      }),
    ).toEqual([{ field: 'hourlyWageYen', message: 'required for an exempt-manager' }]);
    expect(
      validateEmploymentTerms({
        relation: 'contractor',
        contractSignedOn: '2026-04-01',
        weekStartsOn: null,
        legalHoliday: null,
        hourlyWageYen: null,
        monthlyCapMinutes: null,
        agreement36: { mode: 'standard' },
      }),
    ).toEqual([]);
  });

  it('holds a custom agreement to the legal yearly limit of its kind', () => {
    const problems = validateEmploymentTerms({
      ...employeeTerms,
      agreement36: { mode: 'custom', specialClause: false, yearlyLimitMinutes: 30000 },
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe('agreement36.yearlyLimitMinutes');
    expect(problems[0]!.message).toMatch(/^must be whole minutes from 0 to 21600/);
  });

  it('builds the principle-method input from every employment and segment', () => {
    const built = buildWorkerLaborInput(
      [main, side],
      [segment(), segment({ employmentId: 'side', start: '19:00', end: '22:00', breakMinutes: 0 })],
    );
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.input.method).toBe('principle');
    expect(built.input.employers.map((e) => e.id)).toEqual(['main', 'side']);
    expect(built.input.work[1]).toEqual({
      employer: 'side',
      date: '2026-11-16',
      start: '19:00',
      end: '22:00',
      breakMinutes: 0,
      contracted: true,
    });
  });
});

describe('a week of segments before it is stored', () => {
  const check = (segments: TimesheetSegment[], neighbours: TimesheetSegment[] = []) =>
    validateTimesheetSegments({ weekDates: week, employments: [main, side], segments, neighbours });

  it('accepts a normal week, a night shift written past 24:00 and work at two employers at once', () => {
    expect(
      check([
        segment(),
        segment({ date: '2026-11-17', start: '22:00', end: '29:00', breakMinutes: 0 }),
        segment({ employmentId: 'side', start: '17:00', end: '20:00', breakMinutes: 0 }),
      ]),
    ).toEqual([]);
  });

  it('names a segment on someone else’s employment and a date outside the week', () => {
    expect(check([segment(), segment({ employmentId: 'theirs', date: '2026-11-23' })])).toEqual([
      { index: 1, field: 'employmentId', message: 'not one of your employments' },
      { index: 1, field: 'date', message: 'must be within the week 2026-11-16–2026-11-22' },
    ]);
  });

  it('passes on the engine’s own messages for times, breaks and overlaps', () => {
    expect(
      check([
        segment({ start: '18:00', end: '09:00' }),
        segment({ date: '2026-11-17', start: '25:00', end: '26:00' }),
        segment({ date: '2026-11-18', breakMinutes: 600 }),
        segment({ date: '2026-11-19' }),
        segment({ date: '2026-11-19', start: '17:00', end: '19:00', breakMinutes: 0 }),
      ]),
    ).toEqual([
      {
        index: 0,
        field: null,
        message: 'end 09:00 is before start 18:00 (write a shift past midnight as 33:00)',
      },
      { index: 1, field: 'start', message: 'must be a time from 00:00 to 23:59, got "25:00"' },
      {
        index: 2,
        field: 'breakMinutes',
        message: '600 is not shorter than the segment (540 min)',
      },
      { index: 4, field: null, message: 'overlaps segments[3] at みらいソフト' },
    ]);
  });

  it('refuses a Sunday night shift that runs into work stored for the next Monday', () => {
    const nextMonday = segment({ date: '2026-11-23', start: '04:00', end: '12:00' });
    expect(
      check(
        [segment({ date: '2026-11-22', start: '22:00', end: '30:00', breakMinutes: 0 })],
        [nextMonday],
      ),
    ).toEqual([
      {
        index: 0,
        field: null,
        message:
          'overlaps the segment of 2026-11-23 04:00–12:00 in the next or previous week at みらいソフト',
      },
    ]);
  });

  it('checks segments added to a week against the ones it keeps, naming them as asked', () => {
    const kept = segment({ date: '2026-11-17' });
    const problems = validateTimesheetSegments({
      weekDates: week,
      employments: [main, side],
      segments: [
        segment({ date: '2026-11-17', start: '17:30', end: '19:00', breakMinutes: 0 }),
        segment({ date: '2026-11-18' }),
        segment({ date: '2026-11-18', start: '12:00', end: '13:00', breakMinutes: 0 }),
        // Another employment at the same hours is not an overlap.
        segment({ employmentId: 'side', date: '2026-11-17', breakMinutes: 0 }),
      ],
      stored: [kept],
      neighbours: [],
      nameOf: (k) => `line ${k + 2}`,
    });
    expect(problems).toEqual([
      {
        index: 0,
        field: null,
        message: 'overlaps the stored segment of 2026-11-17 09:00–18:00 at みらいソフト',
      },
      { index: 2, field: null, message: 'overlaps line 3 at みらいソフト' },
    ]);
  });
});
