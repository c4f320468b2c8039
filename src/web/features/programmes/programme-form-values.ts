import type { ProgrammeKind } from '../../../domain/engagement/programme-rules';
import type { Programme, ProgrammeInput } from './programmes-api';

/**
 * A company programme as HR fills it in. Double work and second career give a share of the
 * contracted hours; a workation policy gives days a month and a text instead, so the form sends
 * only the fields of the programme's kind.
 */
export type ProgrammeFormValues = {
  kind: ProgrammeKind;
  name: string;
  description: string;
  maxSharePercent: number | '';
  contractedHoursPerMonth: number | '';
  minAge: number | '';
  maxAge: number | '';
  minTenureYears: number | '';
  approvalRequired: boolean;
  travelSubsidyYenPerMonth: number | '';
  workationMaxDaysPerMonth: number | '';
  workationPolicy: string;
};

export function emptyProgrammeForm(kind: ProgrammeKind = 'double_work'): ProgrammeFormValues {
  return {
    kind,
    name: '',
    description: '',
    maxSharePercent: kind === 'workation' ? '' : 20,
    contractedHoursPerMonth: 160,
    minAge: '',
    maxAge: '',
    minTenureYears: '',
    approvalRequired: kind !== 'workation',
    travelSubsidyYenPerMonth: 0,
    workationMaxDaysPerMonth: '',
    workationPolicy: '',
  };
}

export function formFromProgramme(p: Programme): ProgrammeFormValues {
  return {
    kind: p.kind,
    name: p.name,
    description: p.description ?? '',
    maxSharePercent: p.maxSharePercent ?? '',
    contractedHoursPerMonth: p.contractedHoursPerMonth,
    minAge: p.eligibility.minAge ?? '',
    maxAge: p.eligibility.maxAge ?? '',
    minTenureYears: p.eligibility.minTenureYears ?? '',
    approvalRequired: p.approvalRequired,
    travelSubsidyYenPerMonth: p.travelSubsidyYenPerMonth,
    workationMaxDaysPerMonth: p.workation.maxDaysPerMonth ?? '',
    workationPolicy: p.workation.policy ?? '',
  };
}

const orNull = (n: number | '') => (n === '' ? null : n);

export function inputFromProgrammeForm(f: ProgrammeFormValues): ProgrammeInput {
  const workation = f.kind === 'workation';
  return {
    kind: f.kind,
    name: f.name.trim(),
    description: f.description.trim() === '' ? null : f.description.trim(),
    // Sent as typed for its kind (empty as 0 so the server names the field), null otherwise.
    maxSharePercent: workation ? null : f.maxSharePercent === '' ? 0 : f.maxSharePercent,
    contractedHoursPerMonth: f.contractedHoursPerMonth === '' ? 160 : f.contractedHoursPerMonth,
    eligibility: {
      minAge: orNull(f.minAge),
      maxAge: orNull(f.maxAge),
      minTenureYears: orNull(f.minTenureYears),
    },
    approvalRequired: f.approvalRequired,
    travelSubsidyYenPerMonth: f.travelSubsidyYenPerMonth === '' ? 0 : f.travelSubsidyYenPerMonth,
    workation: workation
      ? {
          maxDaysPerMonth: orNull(f.workationMaxDaysPerMonth),
          policy: f.workationPolicy.trim() === '' ? null : f.workationPolicy.trim(),
        }
      : { maxDaysPerMonth: null, policy: null },
  };
}
