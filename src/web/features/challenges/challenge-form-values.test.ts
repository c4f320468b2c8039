import { describe, expect, it } from 'vitest';
import type { ChallengeDetail } from './challenges-api';
import {
  emptyChallengeForm,
  formFromChallenge,
  inputFromForm,
  missingFields,
  newSkillRow,
  type ChallengeFormValues,
} from './challenge-form-values';

const filled: ChallengeFormValues = {
  ...emptyChallengeForm(),
  title: ' 観光データの分析 ',
  titleEn: '  ',
  description: '人流データを分析します。',
  themes: ['tourism', 'digital_dx'],
  requiredSkills: [newSkillRow('data_analysis', 3), newSkillRow('', 2)],
  welcomeSkills: [newSkillRow('marketing', 2)],
  style: 'remote',
  onsiteDaysPerMonth: 3,
  hoursPerMonth: 12,
  periodMonths: 6,
  startDate: '2027-01-06',
  places: 2,
  terms: 'paid',
  feeYenPerMonth: 30000,
};

describe('inputFromForm', () => {
  it('trims texts, sends empty English as null and leaves out skill rows with no skill', () => {
    const input = inputFromForm(filled);
    expect(input.title).toBe('観光データの分析');
    expect(input.titleEn).toBeNull();
    expect(input.requiredSkills).toEqual([{ skill: 'data_analysis', level: 3 }]);
    expect(input.welcomeSkills).toEqual([{ skill: 'marketing', level: 2 }]);
    expect(input.municipalityCode).toBeNull();
  });

  it('sends no days on site for remote work and no fee unless paid', () => {
    expect(inputFromForm(filled).onsiteDaysPerMonth).toBe(0);
    expect(inputFromForm({ ...filled, style: 'hybrid' }).onsiteDaysPerMonth).toBe(3);
    expect(inputFromForm(filled).feeYenPerMonth).toBe(30000);
    expect(inputFromForm({ ...filled, terms: 'volunteer' }).feeYenPerMonth).toBeNull();
  });

  it('sends an empty number as 0 so that the server names the field', () => {
    expect(inputFromForm({ ...filled, hoursPerMonth: '' }).hoursPerMonth).toBe(0);
  });
});

describe('formFromChallenge', () => {
  it('gives back the same request for a challenge as it was stored', () => {
    const stored = {
      ...inputFromForm({ ...filled, style: 'hybrid', onsiteDaysPerMonth: 2, titleEn: 'Data' }),
      municipalityCode: '203211',
      feeYenPerMonth: 30000,
      maxOpenApplications: 20,
      responseDays: 7,
      travelSupport: true,
    } as unknown as ChallengeDetail;
    const again = inputFromForm(formFromChallenge(stored));
    expect(again).toMatchObject({
      title: '観光データの分析',
      titleEn: 'Data',
      municipalityCode: '203211',
      style: 'hybrid',
      onsiteDaysPerMonth: 2,
      requiredSkills: [{ skill: 'data_analysis', level: 3 }],
      travelSupport: true,
    });
  });
});

describe('missingFields', () => {
  it('names what is left empty, the fee only when paid and on-site days only when not remote', () => {
    expect(missingFields(emptyChallengeForm())).toEqual([
      'title',
      'description',
      'themes',
      'hoursPerMonth',
      'startDate',
      'feeYenPerMonth',
    ]);
    expect(missingFields(filled)).toEqual([]);
    expect(missingFields({ ...filled, style: 'onsite', onsiteDaysPerMonth: '' })).toEqual([
      'onsiteDaysPerMonth',
    ]);
  });
});
