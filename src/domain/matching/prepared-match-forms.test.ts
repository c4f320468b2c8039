import { describe, expect, it } from 'vitest';
import { evaluatePair } from './evaluate-pair';
import { standardSkills } from './matching-model';
import { aChallenge, aWorker } from './match-test-fixtures';
import {
  bitCount,
  dayNumber,
  prepareChallenge,
  prepareWorker,
  skillLevelOf,
  themesOf,
} from './prepared-match-forms';

const levelOf = (
  worker: ReturnType<typeof prepareWorker>,
  skill: (typeof standardSkills)[number],
) => skillLevelOf(worker, standardSkills.indexOf(skill));

describe('prepareWorker', () => {
  it('reads skill levels by standard skill index, every skill of the list', () => {
    const skills = standardSkills.map((skill, i) => ({
      skill,
      level: ((i % 5) + 1) as 1 | 2 | 3 | 4 | 5,
      years: 1,
    }));
    const prepared = prepareWorker(aWorker({ skills }));
    expect(standardSkills.map((_, i) => skillLevelOf(prepared, i))).toEqual(
      skills.map((s) => s.level),
    );
  });

  it('keeps the highest level of a skill listed twice, and 0 for skills not held', () => {
    const prepared = prepareWorker(
      aWorker({
        skills: [
          { skill: 'logistics', level: 2, years: 1 },
          { skill: 'logistics', level: 5, years: 9 },
        ],
      }),
    );
    expect(levelOf(prepared, 'logistics')).toBe(5);
    expect(levelOf(prepared, 'legal')).toBe(0);
    expect(skillLevelOf(prepared, 255)).toBe(0);
  });

  it('keeps hours as whole minutes and the programme remainder × 100 (20 % of 160 h − 8 h)', () => {
    const worker = aWorker({ availableHoursPerMonth: 40 });
    const prepared = prepareWorker({
      ...worker,
      programme: { ...worker.programme!, committedHoursPerMonth: 8 },
    });
    expect(prepared.availableMinutes).toBe(2400);
    expect(prepared.programmeRemainingMinutesX100).toBe(24 * 60 * 100);
    expect(prepared.spareMinutes).toBe(24 * 60);
  });

  it('takes the most on-site style listed, and all styles when none is listed', () => {
    expect(prepareWorker(aWorker({ preferredStyles: ['remote'] })).styleTolerance).toBe(0);
    expect(prepareWorker(aWorker({ preferredStyles: ['hybrid', 'remote'] })).styleTolerance).toBe(
      1,
    );
    expect(prepareWorker(aWorker({ preferredStyles: [] })).styleTolerance).toBe(2);
  });
});

describe('prepareChallenge', () => {
  it('counts an on-site challenge without stated days as one day, a remote one as none', () => {
    expect(
      prepareChallenge(aChallenge({ style: 'onsite', onsiteDaysPerMonth: 0 })).travelDaysPerMonth,
    ).toBe(1);
    expect(
      prepareChallenge(aChallenge({ style: 'remote', onsiteDaysPerMonth: 4 })).travelDaysPerMonth,
    ).toBe(0);
  });

  it('turns dates into day numbers without a time zone', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2027-04-01') - dayNumber('2027-03-02')).toBe(30);
  });
});

describe('tie lookup by prefecture mask', () => {
  it('finds a tie recorded against the municipality even when its prefecture code is wrong', () => {
    const worker = aWorker({
      affinities: [{ kind: 'hometown', prefectureCode: '99', municipalityCode: '202011' }],
    });
    const evaluation = evaluatePair(worker, aChallenge());
    expect(evaluation.eligible && evaluation.factors[2]!.detail).toEqual({
      kind: 'hometown',
      scope: 'municipality',
      ties: 1,
    });
  });

  it('reads every tie of a challenge whose codes disagree, as the plain comparison would', () => {
    const worker = aWorker({
      affinities: [{ kind: 'hometown', prefectureCode: '13', municipalityCode: '131016' }],
    });
    // A municipality of prefecture 13 filed under prefecture 20: the municipality still matches.
    const challenge = aChallenge({ prefectureCode: '20', municipalityCode: '131016' });
    expect(prepareChallenge(challenge).prefectureWord).toBe(-1);
    const evaluation = evaluatePair(worker, challenge);
    expect(evaluation.eligible && evaluation.factors[2]!.detail).toEqual({
      kind: 'hometown',
      scope: 'municipality',
      ties: 1,
    });
  });

  it('handles prefecture codes in both words of the mask (01 and 47)', () => {
    for (const code of ['01', '31', '32', '47']) {
      const worker = aWorker({
        affinities: [{ kind: 'family', prefectureCode: code, municipalityCode: null }],
      });
      const challenge = aChallenge({ prefectureCode: code, municipalityCode: `${code}2011` });
      const evaluation = evaluatePair(worker, challenge);
      expect(evaluation.eligible && evaluation.factors[2]!.detail).toMatchObject({ ties: 1 });
      const elsewhere = aChallenge({ prefectureCode: '20', municipalityCode: '202011' });
      const none = evaluatePair(worker, elsewhere);
      expect(none.eligible && none.factors[2]!.detail).toMatchObject({ ties: 0 });
    }
  });
});

describe('theme masks', () => {
  it('counts bits and lists themes in the standard order', () => {
    expect(bitCount(0)).toBe(0);
    expect(bitCount(0b10110)).toBe(3);
    expect(bitCount(0x7ff)).toBe(11);
    expect(themesOf(0b101)).toEqual(['tourism', 'digital_dx']);
  });
});
