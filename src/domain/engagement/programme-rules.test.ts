import { describe, expect, it } from 'vitest';
import type { ProgrammeForMatching } from '../matching/matching-model';
import {
  ageInYearOf,
  checkEngagementAgainstProgramme,
  committedHoursPerMonth,
  decideProgrammeEligibility,
  programmeHourCap,
  selectGoverningProgramme,
  validateProgrammeInput,
} from './programme-rules';

const today = '2026-11-21';

describe('programme eligibility', () => {
  const rules = { minAge: 45, maxAge: 64, minTenureYears: 3 };

  it('admits a worker within the age band with enough tenure', () => {
    expect(
      decideProgrammeEligibility(rules, { birthYear: 1970, employedSince: '2008-04-01' }, today),
    ).toEqual({ eligible: true });
  });

  it('reads the age band as the age reached this year (the birthday is not known)', () => {
    expect(ageInYearOf(1981, today)).toBe(45);
    expect(
      decideProgrammeEligibility(rules, { birthYear: 1981, employedSince: '2008-04-01' }, today),
    ).toEqual({ eligible: true });
    expect(
      decideProgrammeEligibility(rules, { birthYear: 1961, employedSince: '2008-04-01' }, today),
    ).toEqual({ eligible: false, reasons: ['aged 65 this year; the programme ends at 64'] });
  });

  it('counts tenure in full years from the main job’s contract date', () => {
    expect(
      decideProgrammeEligibility(rules, { birthYear: 1970, employedSince: '2023-11-22' }, today),
    ).toEqual({
      eligible: false,
      reasons: ['employed 2 full years; the programme asks for 3'],
    });
    expect(
      decideProgrammeEligibility(rules, { birthYear: 1970, employedSince: '2023-11-21' }, today),
    ).toEqual({ eligible: true });
  });

  it('fails a rule whose fact is missing, and lists every reason', () => {
    expect(
      decideProgrammeEligibility(rules, { birthYear: null, employedSince: null }, today),
    ).toEqual({
      eligible: false,
      reasons: [
        'the programme has an age band; add your birth year to your profile',
        'the programme asks for tenure; you have no main job recorded at the company',
      ],
    });
  });

  it('admits everyone to a programme without rules', () => {
    expect(
      decideProgrammeEligibility(
        { minAge: null, maxAge: null, minTenureYears: null },
        { birthYear: null, employedSince: null },
        today,
      ),
    ).toEqual({ eligible: true });
  });
});

describe('programme settings', () => {
  const base = {
    kind: 'double_work' as const,
    maxSharePercent: 20,
    eligibility: { minAge: null, maxAge: null, minTenureYears: null },
    workationMaxDaysPerMonth: null,
  };

  it('requires a share of hours for double work and refuses one for a workation policy', () => {
    expect(validateProgrammeInput(base)).toEqual([]);
    expect(validateProgrammeInput({ ...base, maxSharePercent: null })).toEqual([
      { field: 'maxSharePercent', message: 'required for a double_work programme' },
    ]);
    expect(
      validateProgrammeInput({ ...base, kind: 'workation', workationMaxDaysPerMonth: 5 }),
    ).toEqual([
      {
        field: 'maxSharePercent',
        message: 'a workation policy gives no share of hours; leave it out',
      },
    ]);
  });

  it('refuses an age band upside down and workation days on another kind', () => {
    expect(
      validateProgrammeInput({
        ...base,
        eligibility: { minAge: 60, maxAge: 50, minTenureYears: null },
        workationMaxDaysPerMonth: 4,
      }),
    ).toEqual([
      {
        field: 'workation.maxDaysPerMonth',
        message: 'only a workation programme sets workation days',
      },
      { field: 'eligibility.maxAge', message: 'must not be below minAge (60)' },
    ]);
  });
});

describe('engagements against a programme', () => {
  const programme: ProgrammeForMatching = {
    id: 'p',
    maxSharePercent: 20,
    contractedHoursPerMonth: 160,
    eligible: true,
    approvalRequired: true,
    committedHoursPerMonth: 16,
  };

  it('allows 20% of 160 contracted hours: 32 h a month', () => {
    expect(programmeHourCap(20, 160)).toBe(32);
    expect(programmeHourCap(15, 150)).toBe(22);
    expect(checkEngagementAgainstProgramme(programme, 16)).toEqual({
      ok: true,
      approvalRequired: true,
    });
  });

  it('rejects an engagement whose hours exceed the programme cap', () => {
    expect(checkEngagementAgainstProgramme(programme, 20)).toEqual({
      ok: false,
      problem: 'over_programme_share',
      reason: "16 h already committed + 20 h exceeds the programme's 32 h a month (20% of 160 h)",
    });
  });

  it('rejects an engagement of a worker no longer eligible', () => {
    expect(checkEngagementAgainstProgramme({ ...programme, eligible: false }, 4)).toMatchObject({
      ok: false,
      problem: 'not_eligible',
    });
  });

  it('counts the hours of engagements that have not ended, including future ones', () => {
    expect(
      committedHoursPerMonth(
        [
          { hoursPerMonth: 16, startDate: '2026-04-01', periodMonths: 12 },
          { hoursPerMonth: 8, startDate: '2026-01-01', periodMonths: 6 },
          { hoursPerMonth: 4, startDate: '2027-01-01', periodMonths: 3 },
          { hoursPerMonth: 2, startDate: '2026-05-21', periodMonths: 6 },
        ],
        today,
      ),
    ).toBe(20);
  });

  it('lets double work govern an application before second career, never a workation policy', () => {
    const w = { id: 'w', kind: 'workation' as const };
    const s = { id: 's', kind: 'second_career' as const };
    const d = { id: 'd', kind: 'double_work' as const };
    expect(selectGoverningProgramme([w, s, d])).toBe(d);
    expect(selectGoverningProgramme([w, s])).toBe(s);
    expect(selectGoverningProgramme([w])).toBeNull();
  });
});
