import { describe, expect, it } from 'vitest';
import {
  challengeSearchTerms,
  challengeSearchText,
  resolveChallengePlace,
  validateChallengeTerms,
  type ChallengeTermsInput,
} from './challenge-rules';

const terms: ChallengeTermsInput = {
  themes: ['tourism', 'digital_dx'],
  requiredSkills: [{ skill: 'software_engineering', level: 3 }],
  welcomeSkills: [{ skill: 'marketing', level: 2 }],
  style: 'hybrid',
  onsiteDaysPerMonth: 2,
  hoursPerMonth: 16,
  startDate: '2027-01-04',
  periodMonths: 6,
  places: 2,
  terms: 'paid',
  feeYenPerMonth: 50_000,
  maxOpenApplications: 20,
};

describe('challenge terms', () => {
  it('accepts terms that hold together', () => {
    expect(validateChallengeTerms(terms)).toEqual([]);
  });

  it('asks for on-site days that match the work style', () => {
    expect(validateChallengeTerms({ ...terms, style: 'remote', onsiteDaysPerMonth: 2 })).toEqual([
      { field: 'onsiteDaysPerMonth', message: 'must be 0 for remote work' },
    ]);
    expect(validateChallengeTerms({ ...terms, style: 'onsite', onsiteDaysPerMonth: 0 })).toEqual([
      { field: 'onsiteDaysPerMonth', message: 'must be at least 1 for on-site work' },
    ]);
    expect(validateChallengeTerms({ ...terms, onsiteDaysPerMonth: 20, hoursPerMonth: 10 })).toEqual(
      [{ field: 'onsiteDaysPerMonth', message: '20 days on site do not fit in 10 hours a month' }],
    );
  });

  it('asks for a fee exactly when the engagement is paid', () => {
    expect(validateChallengeTerms({ ...terms, feeYenPerMonth: null })).toEqual([
      { field: 'feeYenPerMonth', message: 'required for a paid engagement' },
    ]);
    expect(validateChallengeTerms({ ...terms, terms: 'volunteer' })).toEqual([
      { field: 'feeYenPerMonth', message: 'only a paid engagement has a fee (terms: volunteer)' },
    ]);
    expect(
      validateChallengeTerms({ ...terms, terms: 'expenses_only', feeYenPerMonth: null }),
    ).toEqual([]);
  });

  it('names a skill listed twice or in both lists, and a repeated theme', () => {
    expect(
      validateChallengeTerms({
        ...terms,
        themes: ['tourism', 'tourism'],
        requiredSkills: [
          { skill: 'marketing', level: 3 },
          { skill: 'marketing', level: 4 },
        ],
        welcomeSkills: [{ skill: 'marketing', level: 2 }],
      }),
    ).toEqual([
      { field: 'themes[1]', message: 'listed twice' },
      { field: 'requiredSkills[1].skill', message: 'listed twice' },
      { field: 'welcomeSkills[0].skill', message: 'already a required skill; list it once' },
    ]);
  });

  it('needs at least one theme, a real start date and room for every place', () => {
    expect(
      validateChallengeTerms({
        ...terms,
        themes: [],
        startDate: '2027-02-30',
        places: 5,
        maxOpenApplications: 3,
      }),
    ).toEqual([
      { field: 'themes', message: 'name at least one theme' },
      { field: 'startDate', message: 'not a date (YYYY-MM-DD), got "2027-02-30"' },
      { field: 'maxOpenApplications', message: 'must be at least the number of places (5)' },
    ]);
  });
});

describe('where a challenge takes place', () => {
  const town = { kind: 'municipality' as const, lgCode: '203211', prefectureCode: '200000' };
  const prefecture = { kind: 'prefecture' as const, lgCode: '200000', prefectureCode: '200000' };
  const karuizawa = { code: '203211', prefectureCode: '200000', parentCode: null };
  const matsumoto = { code: '202029', prefectureCode: '200000', parentCode: null };
  const kamiyama = { code: '363421', prefectureCode: '360007', parentCode: null };

  it('places a town’s challenge in the town unless a ward of it is named', () => {
    expect(resolveChallengePlace(town, null, null)).toEqual({
      ok: true,
      municipalityCode: '203211',
      prefectureCode: '200000',
    });
    expect(resolveChallengePlace(town, '203211', karuizawa)).toMatchObject({ ok: true });
    expect(
      resolveChallengePlace({ ...town, lgCode: '141003', prefectureCode: '140007' }, '141011', {
        code: '141011',
        prefectureCode: '140007',
        parentCode: '141003',
      }),
    ).toEqual({ ok: true, municipalityCode: '141011', prefectureCode: '140007' });
    expect(resolveChallengePlace(town, '202029', matsumoto)).toEqual({
      ok: false,
      message: "202029 is outside the host's area (203211)",
    });
  });

  it('lets a prefecture post prefecture-wide or in one of its municipalities', () => {
    expect(resolveChallengePlace(prefecture, null, null)).toEqual({
      ok: true,
      municipalityCode: null,
      prefectureCode: '200000',
    });
    expect(resolveChallengePlace(prefecture, '202029', matsumoto)).toMatchObject({
      ok: true,
      municipalityCode: '202029',
    });
    expect(resolveChallengePlace(prefecture, '363421', kamiyama)).toEqual({
      ok: false,
      message: '363421 is not in the host prefecture 200000',
    });
  });

  it('names an unknown municipality code', () => {
    expect(resolveChallengePlace(prefecture, '999999', null)).toEqual({
      ok: false,
      message: 'no municipality has code 999999',
    });
  });
});

describe('challenge search text', () => {
  it('finds full-width, katakana and mixed-case spellings alike', () => {
    const text = challengeSearchText(['観光予約のＤＸ', null, 'Tourism booking DX', 'カミヤマ']);
    for (const term of challengeSearchTerms('dx\u3000観光 Booking かみやま')) {
      expect(text).toContain(term);
    }
  });

  it('splits a query on spaces and Japanese punctuation and drops empty terms', () => {
    expect(challengeSearchTerms('  ＤＸ、観光。 ')).toEqual(['dx', '観光']);
    expect(challengeSearchTerms('   ')).toEqual([]);
  });
});
