import { describe, expect, it } from 'vitest';
import {
  ageBandOf,
  decideProfileAudience,
  defaultProfileSharing,
  validateWorkerProfile,
  visibleProfileSections,
  type ProfileViewer,
  type WorkerProfileInput,
} from './worker-profile-rules';

const today = '2026-11-21';
const nobody: ProfileViewer = {
  isSelf: false,
  administersWorkersCompany: false,
  isCoordinator: false,
  isOfficer: false,
  hostOfWorkersApplication: false,
};
const shared = { ...defaultProfileSharing, sharedWithHosts: true };

describe('who sees a worker’s profile', () => {
  it('shows the worker everything, always', () => {
    expect(decideProfileAudience({ ...nobody, isSelf: true }, defaultProfileSharing)).toBe('self');
    expect(visibleProfileSections('self', defaultProfileSharing)).toEqual([
      'skills',
      'affinities',
      'career',
      'lifeStage',
      'gender',
    ]);
  });

  it('never returns a hidden profile to a host, even one the worker applied to', () => {
    const host = { ...nobody, isOfficer: true, hostOfWorkersApplication: true };
    expect(decideProfileAudience(host, defaultProfileSharing)).toBeNull();
    expect(
      decideProfileAudience(host, { ...defaultProfileSharing, openToOffers: true }),
    ).toBeNull();
    expect(decideProfileAudience({ ...nobody, isCoordinator: true }, defaultProfileSharing)).toBe(
      null,
    );
  });

  it('shows a shared profile to the hosts the worker turned to, or to any host if open to offers', () => {
    const officer = { ...nobody, isOfficer: true };
    expect(decideProfileAudience(officer, shared)).toBeNull();
    expect(decideProfileAudience({ ...officer, hostOfWorkersApplication: true }, shared)).toBe(
      'host',
    );
    expect(decideProfileAudience(officer, { ...shared, openToOffers: true })).toBe('host');
    expect(decideProfileAudience({ ...nobody, isCoordinator: true }, shared)).toBe('host');
    expect(decideProfileAudience(nobody, { ...shared, openToOffers: true })).toBeNull();
  });

  it('shows hosts only the sections switched on; life stage and gender start off', () => {
    expect(visibleProfileSections('host', shared)).toEqual(['skills', 'affinities', 'career']);
    expect(
      visibleProfileSections('host', {
        ...shared,
        sections: {
          skills: false,
          affinities: true,
          career: false,
          lifeStage: true,
          gender: false,
        },
      }),
    ).toEqual(['affinities', 'lifeStage']);
  });

  it('shows the worker’s HR skills only, whatever the worker shares with hosts', () => {
    const hr = { ...nobody, administersWorkersCompany: true };
    expect(decideProfileAudience(hr, defaultProfileSharing)).toBe('employer');
    const everything = {
      ...shared,
      sections: { skills: true, affinities: true, career: true, lifeStage: true, gender: true },
    };
    expect(visibleProfileSections('employer', everything)).toEqual(['skills']);
  });
});

describe('age band', () => {
  it('derives a five-year band from the birth year at the given date', () => {
    expect(ageBandOf(1978, today)).toBe('45-49');
    expect(ageBandOf(1976, today)).toBe('50-54');
    expect(ageBandOf(1976, '2031-01-01')).toBe('55-59');
    expect(ageBandOf(1950, today)).toBe('70+');
    expect(ageBandOf(null, today)).toBeNull();
  });
});

describe('profile checks', () => {
  const lookup = {
    municipalityPrefecture: new Map([
      ['203211', '200000'],
      ['131016', '130001'],
    ]),
    knownPrefectures: new Set(['200000', '130001']),
  };
  const profile: WorkerProfileInput = {
    birthYear: 1975,
    homeMunicipalityCode: '131016',
    skills: [{ skill: 'marketing', level: 3, years: 10 }],
    interests: ['tourism'],
    affinities: [{ kind: 'hometown', prefectureCode: '200000', municipalityCode: '203211' }],
    preferredStyles: ['remote', 'hybrid'],
    languages: ['ja', 'en'],
    lifeStages: ['caregiving'],
    careerGoals: ['second_career'],
    sharing: shared,
  };

  it('accepts a consistent profile', () => {
    expect(validateWorkerProfile(profile, lookup, today)).toEqual([]);
  });

  it('names unknown codes and a municipality outside the affinity’s prefecture', () => {
    expect(
      validateWorkerProfile(
        {
          ...profile,
          homeMunicipalityCode: '999999',
          affinities: [
            { kind: 'hometown', prefectureCode: '990000', municipalityCode: null },
            { kind: 'furusato', prefectureCode: '200000', municipalityCode: '888888' },
            { kind: 'visited', prefectureCode: '200000', municipalityCode: '131016' },
          ],
        },
        lookup,
        today,
      ),
    ).toEqual([
      { field: 'homeMunicipalityCode', message: 'no municipality has code 999999' },
      { field: 'affinities[0].prefectureCode', message: 'no prefecture has code 990000' },
      { field: 'affinities[1].municipalityCode', message: 'no municipality has code 888888' },
      { field: 'affinities[2].municipalityCode', message: '131016 is not in prefecture 200000' },
    ]);
  });

  it('names repeated entries, a life stage beside "none stated", and offers without sharing', () => {
    expect(
      validateWorkerProfile(
        {
          ...profile,
          skills: [
            { skill: 'marketing', level: 3, years: 10 },
            { skill: 'marketing', level: 4, years: 2 },
          ],
          lifeStages: ['none_stated', 'childcare'],
          sharing: { ...defaultProfileSharing, openToOffers: true },
        },
        lookup,
        today,
      ),
    ).toEqual([
      { field: 'skills[1].skill', message: 'listed twice' },
      { field: 'lifeStages', message: "'none_stated' cannot be combined with a life stage" },
      {
        field: 'sharing.openToOffers',
        message: 'share your profile with hosts (sharedWithHosts) to receive offers',
      },
    ]);
  });

  it('refuses a birth year that gives an implausible age', () => {
    expect(validateWorkerProfile({ ...profile, birthYear: 2020 }, lookup, today)).toEqual([
      { field: 'birthYear', message: 'gives an age of 6 this year' },
    ]);
  });
});
