import { describe, expect, it } from 'vitest';
import {
  formFromProfile,
  inputFromProfileForm,
  newAffinityRow,
  newProfileSkillRow,
  nextLifeStages,
} from './profile-form-values';
import type { OwnProfile } from './profile-api';

const stored: OwnProfile = {
  userId: 'u1',
  name: '佐藤 健一',
  ageBand: '50-54',
  interests: ['tourism', 'digital_dx'],
  availableHoursPerMonth: 24,
  availableFrom: null,
  preferredStyles: ['remote', 'hybrid'],
  languages: ['ja', 'en'],
  birthYear: 1974,
  gender: null,
  homeMunicipalityCode: '202029',
  homeMunicipalityName: '松本市',
  skills: [{ skill: 'software_engineering', level: 4, years: 20 }],
  affinities: [
    {
      kind: 'furusato',
      prefectureCode: '200000',
      prefectureName: '長野県',
      municipalityCode: '203211',
      municipalityName: '軽井沢町',
    },
  ],
  lifeStages: ['none_stated'],
  careerGoals: ['second_career'],
  sharing: {
    sharedWithHosts: true,
    openToOffers: true,
    sections: { skills: true, affinities: true, career: true, lifeStage: false, gender: false },
  },
  updatedAt: '2026-11-01T00:00:00.000Z',
};

describe('profile form', () => {
  it('sends back the profile as it was stored', () => {
    expect(inputFromProfileForm(formFromProfile(stored))).toEqual({
      birthYear: 1974,
      gender: null,
      homeMunicipalityCode: '202029',
      skills: [{ skill: 'software_engineering', level: 4, years: 20 }],
      interests: ['tourism', 'digital_dx'],
      affinities: [{ kind: 'furusato', prefectureCode: '200000', municipalityCode: '203211' }],
      availableHoursPerMonth: 24,
      availableFrom: null,
      preferredStyles: ['remote', 'hybrid'],
      languages: ['ja', 'en'],
      lifeStages: ['none_stated'],
      careerGoals: ['second_career'],
      sharing: stored.sharing,
    });
  });

  it('leaves out rows not filled in and offers without sharing', () => {
    const form = formFromProfile(stored);
    const input = inputFromProfileForm({
      ...form,
      skills: [...form.skills, newProfileSkillRow()],
      affinities: [...form.affinities, newAffinityRow()],
      sharedWithHosts: false,
    });
    expect(input.skills).toHaveLength(1);
    expect(input.affinities).toHaveLength(1);
    expect(input.sharing?.openToOffers).toBe(false);
  });

  it('keeps "prefer not to say" apart from the life stages', () => {
    expect(nextLifeStages(['childcare'], ['childcare', 'none_stated'])).toEqual(['none_stated']);
    expect(nextLifeStages(['none_stated'], ['none_stated', 'caregiving'])).toEqual(['caregiving']);
    expect(nextLifeStages(['childcare', 'caregiving'], ['caregiving'])).toEqual(['caregiving']);
  });
});
