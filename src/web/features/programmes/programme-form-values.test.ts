import { describe, expect, it } from 'vitest';
import {
  emptyProgrammeForm,
  formFromProgramme,
  inputFromProgrammeForm,
} from './programme-form-values';
import type { Programme } from './programmes-api';

describe('programme form', () => {
  it('sends a share of hours for double work and no workation policy', () => {
    const input = inputFromProgrammeForm({
      ...emptyProgrammeForm('double_work'),
      name: ' ふるさと兼業 ',
      minTenureYears: 3,
      workationPolicy: 'ignored',
      workationMaxDaysPerMonth: 5,
    });
    expect(input).toMatchObject({
      kind: 'double_work',
      name: 'ふるさと兼業',
      maxSharePercent: 20,
      eligibility: { minAge: null, maxAge: null, minTenureYears: 3 },
      workation: { maxDaysPerMonth: null, policy: null },
      approvalRequired: true,
    });
  });

  it('sends days and a policy for a workation programme and no share of hours', () => {
    const input = inputFromProgrammeForm({
      ...emptyProgrammeForm('workation'),
      name: 'ワーケーション規程',
      maxSharePercent: 20,
      workationMaxDaysPerMonth: 5,
      workationPolicy: '登録施設に限る',
    });
    expect(input.maxSharePercent).toBeNull();
    expect(input.workation).toEqual({ maxDaysPerMonth: 5, policy: '登録施設に限る' });
  });

  it('gives back a stored programme as it was', () => {
    // Only the fields the form edits: they must come back unchanged.
    const written = {
      kind: 'second_career',
      name: 'セカンドキャリア',
      description: null,
      maxSharePercent: 10,
      contractedHoursPerMonth: 150,
      eligibility: { minAge: 50, maxAge: null, minTenureYears: null },
      approvalRequired: true,
      travelSubsidyYenPerMonth: 0,
      workation: { maxDaysPerMonth: null, policy: null },
    };
    const stored = { ...written } as unknown as Programme;
    expect(inputFromProgrammeForm(formFromProgramme(stored))).toEqual(written);
  });
});
