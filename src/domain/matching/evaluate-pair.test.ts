import { describe, expect, it } from 'vitest';
import { travelEmissionFactors } from '../co2/emission-factors';
import {
  PREFECTURE_SCOPE_SHARE,
  WELCOME_SKILLS_SHARE,
  affinityKindStrength,
  evaluatePair,
  evaluatePreparedPair,
  resolveMatchOptions,
} from './evaluate-pair';
import {
  defaultFactorWeights,
  matchFactors,
  type EligiblePair,
  type FactorResult,
  type IneligiblePair,
  type PairEvaluation,
} from './match-factors';
import type {
  ChallengeForMatching,
  ProgrammeForMatching,
  WorkStyle,
  WorkerForMatching,
} from './matching-model';
import { aChallenge, aWorker, hostedIn, livingIn, places } from './match-test-fixtures';
import { prepareChallenge, prepareWorker } from './prepared-match-forms';

function eligible(evaluation: PairEvaluation): EligiblePair {
  if (!evaluation.eligible) {
    throw new Error(`expected eligible, failed ${evaluation.filters.map((f) => f.code).join()}`);
  }
  return evaluation;
}

function ineligible(evaluation: PairEvaluation): IneligiblePair {
  if (evaluation.eligible) throw new Error('expected a filter to fail');
  return evaluation;
}

function factor<F extends FactorResult['factor']>(
  evaluation: PairEvaluation,
  name: F,
): Extract<FactorResult, { factor: F }> {
  const found = eligible(evaluation).factors.find(
    (f): f is Extract<FactorResult, { factor: F }> => f.factor === name,
  );
  if (found === undefined) throw new Error(`no ${name}`);
  return found;
}

function withProgramme(changes: Partial<ProgrammeForMatching>): Partial<WorkerForMatching> {
  const programme = aWorker().programme!;
  return { programme: { ...programme, ...changes } };
}

function codes(evaluation: PairEvaluation): string[] {
  return evaluation.eligible ? [] : evaluation.filters.map((f) => f.code);
}

describe('hard filters', () => {
  it('passes the default worker and challenge', () => {
    expect(evaluatePair(aWorker(), aChallenge()).eligible).toBe(true);
  });

  it("rejects a worker whom the programme's eligibility rules exclude, without a cap check", () => {
    const result = ineligible(
      evaluatePair(aWorker(withProgramme({ eligible: false })), aChallenge({ hoursPerMonth: 40 })),
    );
    expect(result.filters).toEqual([
      { code: 'programme_not_eligible', detail: { programmeId: 'p1' } },
    ]);
  });

  it('accepts hours exactly at the programme cap (20 % of 160 h − 12 h committed = 20 h)', () => {
    const worker = aWorker(withProgramme({ committedHoursPerMonth: 12 }));
    expect(evaluatePair(worker, aChallenge({ hoursPerMonth: 20 })).eligible).toBe(true);
  });

  it('rejects a challenge whose hours exceed the programme cap by one minute', () => {
    const worker = aWorker(withProgramme({ committedHoursPerMonth: 12 }));
    const result = ineligible(evaluatePair(worker, aChallenge({ hoursPerMonth: 20 + 1 / 60 })));
    expect(result.filters).toEqual([
      {
        code: 'programme_cap_exceeded',
        detail: {
          programmeId: 'p1',
          hoursPerMonth: 20 + 1 / 60,
          capHoursPerMonth: 32,
          committedHoursPerMonth: 12,
          remainingHoursPerMonth: 20,
        },
      },
    ]);
  });

  it('applies no cap to a worker without a programme', () => {
    const worker = aWorker({ programme: null, availableHoursPerMonth: 60 });
    expect(evaluatePair(worker, aChallenge({ hoursPerMonth: 60 })).eligible).toBe(true);
  });

  it('keeps fractional percentages exact (12.5 % of 160 h is 20 h)', () => {
    const worker = aWorker(withProgramme({ maxSharePercent: 12.5 }));
    expect(evaluatePair(worker, aChallenge({ hoursPerMonth: 20 })).eligible).toBe(true);
    expect(codes(evaluatePair(worker, aChallenge({ hoursPerMonth: 20.5 })))).toEqual([
      'programme_cap_exceeded',
    ]);
  });

  it('rejects a challenge needing more hours than the worker has, and accepts exactly enough', () => {
    const worker = aWorker({ availableHoursPerMonth: 19.5 });
    expect(ineligible(evaluatePair(worker, aChallenge({ hoursPerMonth: 20 }))).filters).toEqual([
      {
        code: 'insufficient_availability',
        detail: { hoursPerMonth: 20, availableHoursPerMonth: 19.5 },
      },
    ]);
    expect(evaluatePair(worker, aChallenge({ hoursPerMonth: 19.5 })).eligible).toBe(true);
  });

  describe('style compatibility: a challenge may ask no more on-site presence than the most on-site style the worker lists', () => {
    const cases: [WorkStyle[], WorkStyle, boolean][] = [
      [['remote'], 'remote', true],
      [['remote'], 'hybrid', false],
      [['remote'], 'onsite', false],
      [['hybrid'], 'remote', true],
      [['hybrid'], 'hybrid', true],
      [['hybrid'], 'onsite', false],
      [['onsite'], 'remote', true],
      [['onsite'], 'hybrid', true],
      [['onsite'], 'onsite', true],
      [['remote', 'onsite'], 'hybrid', true],
      [[], 'onsite', true],
    ];
    it.each(cases)(
      'a worker preferring %j and a %s challenge: compatible %s',
      (preferred, style, ok) => {
        const result = evaluatePair(aWorker({ preferredStyles: preferred }), aChallenge({ style }));
        expect(result.eligible).toBe(ok);
        if (!ok) {
          expect(ineligible(result).filters).toEqual([
            {
              code: 'style_incompatible',
              detail: { challengeStyle: style, preferredStyles: preferred },
            },
          ]);
        }
      },
    );
  });

  it('rejects a challenge starting the day before the worker is available; the same day passes', () => {
    const worker = aWorker({ availableFrom: '2027-04-02' });
    expect(
      ineligible(evaluatePair(worker, aChallenge({ startDate: '2027-04-01' }))).filters,
    ).toEqual([
      {
        code: 'starts_before_available',
        detail: { startDate: '2027-04-01', availableFrom: '2027-04-02' },
      },
    ]);
    expect(evaluatePair(worker, aChallenge({ startDate: '2027-04-02' })).eligible).toBe(true);
  });

  it('rejects a challenge whose places are all filled', () => {
    expect(ineligible(evaluatePair(aWorker(), aChallenge({ filledPlaces: 2 }))).filters).toEqual([
      { code: 'no_open_places', detail: { places: 2, filledPlaces: 2 } },
    ]);
    expect(evaluatePair(aWorker(), aChallenge({ filledPlaces: 1 })).eligible).toBe(true);
  });

  it('rejects a challenge at its cap of open applications, and accepts one below it', () => {
    const full = aChallenge({ openApplications: 10, maxOpenApplications: 10 });
    expect(ineligible(evaluatePair(aWorker(), full)).filters).toEqual([
      { code: 'applications_full', detail: { openApplications: 10, maxOpenApplications: 10 } },
    ]);
    const open = aChallenge({ openApplications: 9, maxOpenApplications: 10 });
    expect(evaluatePair(aWorker(), open).eligible).toBe(true);
  });

  it('reports every filter that fails, in the documented order', () => {
    const worker = aWorker({
      ...withProgramme({ committedHoursPerMonth: 30 }),
      availableHoursPerMonth: 10,
      preferredStyles: ['remote'],
      availableFrom: '2027-05-01',
    });
    const challenge = aChallenge({
      style: 'onsite',
      filledPlaces: 2,
      openApplications: 10,
      maxOpenApplications: 10,
    });
    expect(codes(evaluatePair(worker, challenge))).toEqual([
      'programme_cap_exceeded',
      'insufficient_availability',
      'style_incompatible',
      'starts_before_available',
      'no_open_places',
      'applications_full',
    ]);
  });
});

describe('skill_coverage', () => {
  const fourRequired: Partial<ChallengeForMatching> = {
    requiredSkills: [
      { skill: 'project_management', level: 3 },
      { skill: 'marketing', level: 3 },
      { skill: 'accounting', level: 2 },
      { skill: 'legal', level: 2 },
    ],
  };

  it('counts required skills held at the level asked: 3 of 4 gives 0.75', () => {
    const result = factor(evaluatePair(aWorker(), aChallenge(fourRequired)), 'skill_coverage');
    expect(result.value).toBe(0.75);
    expect(result.detail).toEqual({
      required: 4,
      met: 3,
      belowLevel: 0,
      missing: 1,
      welcome: 0,
      welcomeMet: 0,
      gaps: [{ skill: 'legal', level: 2, heldLevel: 0 }],
    });
  });

  it('gives half credit for a skill held one level below the level asked', () => {
    const challenge = aChallenge({ requiredSkills: [{ skill: 'marketing', level: 4 }] });
    const result = factor(evaluatePair(aWorker(), challenge), 'skill_coverage');
    expect(result.value).toBe(0.5);
    expect(result.detail).toMatchObject({ met: 0, belowLevel: 1, missing: 0 });
    expect(result.detail.gaps).toEqual([{ skill: 'marketing', level: 4, heldLevel: 3 }]);
  });

  it('gives a quarter for two levels below, and nothing for a skill not held', () => {
    const challenge = aChallenge({
      requiredSkills: [
        { skill: 'accounting', level: 4 },
        { skill: 'legal', level: 1 },
      ],
    });
    expect(factor(evaluatePair(aWorker(), challenge), 'skill_coverage').value).toBe(0.125);
  });

  it('counts a challenge with no required skills as fully covered', () => {
    const challenge = aChallenge({ requiredSkills: [] });
    expect(factor(evaluatePair(aWorker(), challenge), 'skill_coverage').value).toBe(1);
  });

  it('lets welcome skills decide the last 15 % of the factor', () => {
    const withWelcome = (level: 1 | 2 | 3): ChallengeForMatching =>
      aChallenge({
        welcomeSkills: [
          { skill: 'accounting', level },
          { skill: 'translation', level: 1 },
        ],
      });
    // All required met; one welcome skill of two held at its level.
    const half = factor(evaluatePair(aWorker(), withWelcome(2)), 'skill_coverage');
    expect(half.value).toBeCloseTo(1 - WELCOME_SKILLS_SHARE / 2, 12);
    expect(half.detail).toMatchObject({ welcome: 2, welcomeMet: 1 });
    const below = factor(evaluatePair(aWorker(), withWelcome(3)), 'skill_coverage');
    expect(below.value).toBeCloseTo(1 - WELCOME_SKILLS_SHARE + WELCOME_SKILLS_SHARE * 0.25, 12);
    expect(below.detail.welcomeMet).toBe(0);
  });

  it('ranks a worker with the welcome skills above one without', () => {
    const challenge = aChallenge({ welcomeSkills: [{ skill: 'finance', level: 2 }] });
    const without = eligible(evaluatePair(aWorker(), challenge)).score;
    const withIt = eligible(
      evaluatePair(
        aWorker({
          skills: [...aWorker().skills, { skill: 'finance', level: 3, years: 4 }],
        }),
        challenge,
      ),
    ).score;
    expect(withIt).toBeGreaterThan(without);
  });
});

describe('theme_fit', () => {
  it('is the share of the shorter list that both share (overlap coefficient)', () => {
    const worker = aWorker({ interests: ['tourism', 'community', 'culture'] });
    const challenge = aChallenge({
      themes: ['tourism', 'agriculture_food', 'community', 'mobility'],
    });
    const result = factor(evaluatePair(worker, challenge), 'theme_fit');
    expect(result.value).toBeCloseTo(2 / 3, 12);
    expect(result.detail).toEqual({
      shared: 2,
      challengeThemes: 4,
      workerInterests: 3,
      sharedThemes: ['tourism', 'community'],
    });
  });

  it('is full for a single-theme challenge the worker cares about', () => {
    expect(factor(evaluatePair(aWorker(), aChallenge()), 'theme_fit').value).toBe(1);
  });

  it('is 0 without a shared theme or when the worker states no interests', () => {
    const challenge = aChallenge({ themes: ['mobility'] });
    expect(factor(evaluatePair(aWorker(), challenge), 'theme_fit').value).toBe(0);
    expect(factor(evaluatePair(aWorker({ interests: [] }), aChallenge()), 'theme_fit').value).toBe(
      0,
    );
  });
});

describe('regional_affinity', () => {
  const nagano = places.naganoCity;

  it('counts a hometown in the municipality above a hometown elsewhere in the prefecture', () => {
    const inTown = aWorker({
      affinities: [
        { kind: 'hometown', prefectureCode: '20', municipalityCode: nagano.municipalityCode },
      ],
    });
    const inPrefecture = aWorker({
      affinities: [
        {
          kind: 'hometown',
          prefectureCode: '20',
          municipalityCode: places.hakuba.municipalityCode,
        },
      ],
    });
    const town = factor(evaluatePair(inTown, aChallenge()), 'regional_affinity');
    const prefecture = factor(evaluatePair(inPrefecture, aChallenge()), 'regional_affinity');
    expect(town.value).toBe(1);
    expect(town.detail).toEqual({ kind: 'hometown', scope: 'municipality', ties: 1 });
    expect(prefecture.value).toBe(PREFECTURE_SCOPE_SHARE);
    expect(prefecture.detail).toEqual({ kind: 'hometown', scope: 'prefecture', ties: 1 });
  });

  it('treats a tie to the whole prefecture (no municipality) as prefecture scope', () => {
    const worker = aWorker({
      affinities: [{ kind: 'family', prefectureCode: '20', municipalityCode: null }],
    });
    const result = factor(evaluatePair(worker, aChallenge()), 'regional_affinity');
    expect(result.value).toBeCloseTo(affinityKindStrength.family * PREFECTURE_SCOPE_SHARE, 12);
    expect(result.detail).toEqual({ kind: 'family', scope: 'prefecture', ties: 1 });
  });

  it('takes the strongest of several ties and counts them all', () => {
    const worker = aWorker({
      affinities: [
        { kind: 'hometown', prefectureCode: '20', municipalityCode: null },
        { kind: 'visited', prefectureCode: '20', municipalityCode: nagano.municipalityCode },
        { kind: 'furusato', prefectureCode: '20', municipalityCode: nagano.municipalityCode },
        { kind: 'hometown', prefectureCode: '13', municipalityCode: '131016' },
      ],
    });
    const result = factor(evaluatePair(worker, aChallenge()), 'regional_affinity');
    expect(result.value).toBe(affinityKindStrength.furusato);
    expect(result.detail).toEqual({ kind: 'furusato', scope: 'municipality', ties: 3 });
  });

  it('orders kinds: hometown > past residence > family > furusato > visited', () => {
    const strengths = (
      ['hometown', 'past_residence', 'family', 'furusato', 'visited'] as const
    ).map(
      (kind) =>
        factor(
          evaluatePair(
            aWorker({
              affinities: [
                { kind, prefectureCode: '20', municipalityCode: nagano.municipalityCode },
              ],
            }),
            aChallenge(),
          ),
          'regional_affinity',
        ).value,
    );
    expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
    expect(new Set(strengths).size).toBe(5);
  });

  it('is 0 with no tie to the region', () => {
    const worker = aWorker({
      affinities: [{ kind: 'hometown', prefectureCode: '27', municipalityCode: '271004' }],
    });
    const result = factor(evaluatePair(worker, aChallenge()), 'regional_affinity');
    expect(result.value).toBe(0);
    expect(result.detail).toEqual({ kind: null, scope: null, ties: 0 });
  });
});

describe('travel', () => {
  it('is left out of the score of a remote challenge, with its reason', () => {
    const evaluation = eligible(evaluatePair(aWorker(), aChallenge({ style: 'remote' })));
    const travel = factor(evaluation, 'travel');
    expect(travel).toEqual({
      factor: 'travel',
      weight: 0,
      value: 0,
      contribution: 0,
      detail: { applicable: false, reason: 'remote' },
    });
    // The score is the weighted mean of the other four factors.
    const others = evaluation.factors.filter((f) => f.factor !== 'travel');
    const totalWeight = others.reduce((sum, f) => sum + f.weight, 0);
    const mean = others.reduce((sum, f) => sum + f.weight * f.value, 0) / totalWeight;
    expect(evaluation.score).toBeCloseTo(mean, 12);
  });

  it('is left out for a hybrid challenge with no on-site days, and when a location is unknown', () => {
    const noDays = factor(evaluatePair(aWorker(), aChallenge({ onsiteDaysPerMonth: 0 })), 'travel');
    expect(noDays.detail).toEqual({ applicable: false, reason: 'no_onsite_days' });
    const unknownHome = factor(
      evaluatePair(aWorker({ homeLat: null, homeLng: null }), aChallenge()),
      'travel',
    );
    expect(unknownHome.detail).toEqual({ applicable: false, reason: 'location_unknown' });
    const unknownOffice = factor(
      evaluatePair(aWorker(), aChallenge({ officeLat: null, officeLng: null })),
      'travel',
    );
    expect(unknownOffice.weight).toBe(0);
  });

  it('goes by car under 100 km, a day return per on-site day (Chiyoda → Odawara)', () => {
    const result = factor(
      evaluatePair(aWorker(), aChallenge({ ...hostedIn(places.odawara), onsiteDaysPerMonth: 4 })),
      'travel',
    );
    const detail = result.detail;
    if (!detail.applicable) throw new Error('travel applies');
    expect(detail.mode).toBe('car');
    expect(detail.greatCircleKm).toBeGreaterThan(60);
    expect(detail.greatCircleKm).toBeLessThan(80);
    expect(detail.distanceKm).toBeCloseTo(detail.greatCircleKm * 1.3, 1);
    expect(detail.tripsPerMonth).toBe(4);
    expect(detail.co2KgPerRoundTrip).toBeCloseTo(
      (detail.distanceKm * 2 * travelEmissionFactors.car.gPerPassengerKm) / 1000,
      3,
    );
    expect(detail.co2KgPerMonth).toBeCloseTo(4 * detail.co2KgPerRoundTrip, 3);
  });

  it('goes by Shinkansen to Osaka and by air to Sapporo, with stays of up to five on-site days', () => {
    const osaka = factor(
      evaluatePair(aWorker(), aChallenge({ ...hostedIn(places.osakaCity), onsiteDaysPerMonth: 8 })),
      'travel',
    ).detail;
    const sapporo = factor(
      evaluatePair(aWorker(), aChallenge({ ...hostedIn(places.sapporo), onsiteDaysPerMonth: 8 })),
      'travel',
    ).detail;
    if (!osaka.applicable || !sapporo.applicable) throw new Error('travel applies');
    expect(osaka).toMatchObject({ mode: 'shinkansen', detourFactor: 1.25, tripsPerMonth: 2 });
    expect(osaka.greatCircleKm).toBeGreaterThan(390);
    expect(osaka.greatCircleKm).toBeLessThan(410);
    expect(osaka.co2KgPerRoundTrip).toBeCloseTo((osaka.distanceKm * 2 * 20) / 1000, 3);
    expect(sapporo).toMatchObject({ mode: 'air', detourFactor: 1.1, tripsPerMonth: 2 });
    expect(sapporo.greatCircleKm).toBeGreaterThan(700);
    expect(sapporo.co2KgPerRoundTrip).toBeCloseTo((sapporo.distanceKm * 2 * 91) / 1000, 3);
    expect(sapporo.durationMin).toBeGreaterThan(osaka.durationMin);
  });

  it('scores nearer, lower-carbon travel higher', () => {
    const value = (place: (typeof places)[keyof typeof places]): number =>
      factor(evaluatePair(aWorker(), aChallenge(hostedIn(place))), 'travel').value;
    expect(value(places.naganoCity)).toBeGreaterThan(value(places.osakaCity));
    expect(value(places.osakaCity)).toBeGreaterThan(value(places.sapporo));
  });

  it('counts an on-site challenge that states no days as one day a month', () => {
    const detail = factor(
      evaluatePair(
        aWorker({ preferredStyles: ['onsite'] }),
        aChallenge({ style: 'onsite', onsiteDaysPerMonth: 0 }),
      ),
      'travel',
    ).detail;
    expect(detail).toMatchObject({ applicable: true, onsiteDaysPerMonth: 1, tripsPerMonth: 1 });
  });

  it('assumes local rail instead of car when asked', () => {
    const evaluation = evaluatePair(
      aWorker(),
      aChallenge({ ...hostedIn(places.odawara), onsiteDaysPerMonth: 4 }),
      { localTravelMode: 'rail' },
    );
    expect(factor(evaluation, 'travel').detail).toMatchObject({ mode: 'rail', detourFactor: 1.25 });
  });
});

describe('schedule_fit', () => {
  it('is full when the worker can start any time and the challenge uses at most half the spare hours', () => {
    // Spare hours: 40 available, capped by the programme's 32.
    const result = factor(
      evaluatePair(aWorker(), aChallenge({ hoursPerMonth: 16 })),
      'schedule_fit',
    );
    expect(result.value).toBe(1);
    expect(result.detail).toEqual({
      startDate: '2027-04-01',
      availableFrom: null,
      daysAfterAvailable: null,
      hoursPerMonth: 16,
      spareHoursPerMonth: 32,
    });
  });

  it('falls to half its hours part when the challenge uses all the spare hours', () => {
    const result = factor(
      evaluatePair(aWorker(), aChallenge({ hoursPerMonth: 32 })),
      'schedule_fit',
    );
    expect(result.value).toBe(0.75);
  });

  it('falls as the start drifts from 30 days to a year after availability', () => {
    const value = (availableFrom: string): number =>
      factor(
        evaluatePair(aWorker({ availableFrom }), aChallenge({ hoursPerMonth: 16 })),
        'schedule_fit',
      ).value;
    expect(value('2027-03-02')).toBe(1); // 30 days before 2027-04-01
    expect(value('2026-04-01')).toBe(0.5); // 365 days: start part 0
    const midway = value('2026-10-01'); // 182 days
    expect(midway).toBeGreaterThan(0.5);
    expect(midway).toBeLessThan(1);
    expect(
      factor(evaluatePair(aWorker({ availableFrom: '2027-03-02' }), aChallenge()), 'schedule_fit')
        .detail.daysAfterAvailable,
    ).toBe(30);
  });
});

describe('score', () => {
  it('is the sum of the contributions, each weight × value over the total weight', () => {
    const worker = aWorker({
      affinities: [{ kind: 'past_residence', prefectureCode: '20', municipalityCode: null }],
    });
    const evaluation = eligible(evaluatePair(worker, aChallenge()));
    expect(evaluation.factors.map((f) => f.factor)).toEqual([...matchFactors]);
    const total = evaluation.factors.reduce((sum, f) => sum + f.weight, 0);
    expect(total).toBeCloseTo(1, 12);
    for (const f of evaluation.factors) {
      expect(f.weight).toBe(defaultFactorWeights[f.factor]);
      expect(f.contribution).toBeCloseTo((f.weight * f.value) / total, 12);
      expect(f.value).toBeGreaterThanOrEqual(0);
      expect(f.value).toBeLessThanOrEqual(1);
    }
    expect(evaluation.factors.reduce((sum, f) => sum + f.contribution, 0)).toBe(evaluation.score);
    expect(evaluation.score).toBeGreaterThan(0);
    expect(evaluation.score).toBeLessThanOrEqual(1);
  });

  it('weighs skills as much as passion (themes + regional ties) by default', () => {
    expect(defaultFactorWeights.skill_coverage).toBeCloseTo(
      defaultFactorWeights.theme_fit + defaultFactorWeights.regional_affinity,
      12,
    );
  });

  it('takes weight overrides, renormalised', () => {
    const onlySkills = {
      skill_coverage: 1,
      theme_fit: 0,
      regional_affinity: 0,
      travel: 0,
      schedule_fit: 0,
    };
    const challenge = aChallenge({ requiredSkills: [{ skill: 'marketing', level: 4 }] });
    expect(eligible(evaluatePair(aWorker(), challenge, { weights: onlySkills })).score).toBe(0.5);
    const doubled = {
      skill_coverage: 2,
      theme_fit: 0,
      regional_affinity: 0,
      travel: 0,
      schedule_fit: 0,
    };
    expect(eligible(evaluatePair(aWorker(), challenge, { weights: doubled })).score).toBe(0.5);
  });

  it('scores 0 when every applicable weight is 0', () => {
    const weights = { skill_coverage: 0, theme_fit: 0, regional_affinity: 0, schedule_fit: 0 };
    const evaluation = eligible(
      evaluatePair(aWorker(), aChallenge({ style: 'remote' }), { weights }),
    );
    expect(evaluation.score).toBe(0);
    expect(evaluation.factors.every((f) => f.contribution === 0)).toBe(true);
  });

  it('refuses negative or non-finite weights as a programming error', () => {
    expect(() => resolveMatchOptions({ weights: { travel: -1 } })).toThrow(RangeError);
    expect(() => resolveMatchOptions({ weights: { theme_fit: Number.NaN } })).toThrow(RangeError);
  });

  it('gives the same evaluation from prepared forms', () => {
    const worker = aWorker(livingIn(places.osakaCity));
    const challenge = aChallenge(hostedIn(places.hakuba));
    expect(evaluatePreparedPair(prepareWorker(worker), prepareChallenge(challenge))).toEqual(
      evaluatePair(worker, challenge),
    );
  });
});
