/**
 * Workers and challenges for the matching engine's tests and measurements: a hand-made worker and
 * challenge to vary one field at a time, real municipality offices for travel, and seeded
 * synthetic populations (the same seed gives the same data on every machine).
 */
import {
  affinityKinds,
  challengeThemes,
  standardSkills,
  workStyles,
  type ChallengeForMatching,
  type ChallengeTheme,
  type RegionalAffinity,
  type SkillLevel,
  type SkillRequirement,
  type WorkerForMatching,
  type WorkerSkill,
  type WorkStyle,
} from './matching-model';
import { randomInt } from './round-test-fixtures';
import { seededRandom } from '../shared/seeded-random';

type Place = { municipalityCode: string; prefectureCode: string; lat: number; lng: number };

/** Municipal offices (approximate coordinates). */
export const places = {
  tokyoChiyoda: { municipalityCode: '131016', prefectureCode: '13', lat: 35.694, lng: 139.7536 },
  odawara: { municipalityCode: '142069', prefectureCode: '14', lat: 35.2647, lng: 139.1521 },
  naganoCity: { municipalityCode: '202011', prefectureCode: '20', lat: 36.6486, lng: 138.1948 },
  hakuba: { municipalityCode: '204854', prefectureCode: '20', lat: 36.6983, lng: 137.8619 },
  osakaCity: { municipalityCode: '271004', prefectureCode: '27', lat: 34.6937, lng: 135.5023 },
  sapporo: { municipalityCode: '011002', prefectureCode: '01', lat: 43.0621, lng: 141.3544 },
  fukuokaCity: { municipalityCode: '401307', prefectureCode: '40', lat: 33.5902, lng: 130.4017 },
} as const satisfies Record<string, Place>;

/** A worker living in Chiyoda with a 20 % programme (cap 32 h of 160 h), open to offers. */
export function aWorker(overrides: Partial<WorkerForMatching> = {}): WorkerForMatching {
  const home = places.tokyoChiyoda;
  return {
    id: 'w1',
    skills: [
      { skill: 'project_management', level: 4, years: 15 },
      { skill: 'marketing', level: 3, years: 8 },
      { skill: 'accounting', level: 2, years: 3 },
    ],
    interests: ['tourism', 'community'],
    affinities: [],
    homeMunicipalityCode: home.municipalityCode,
    homePrefectureCode: home.prefectureCode,
    homeLat: home.lat,
    homeLng: home.lng,
    availableHoursPerMonth: 40,
    preferredStyles: ['hybrid'],
    availableFrom: null,
    programme: {
      id: 'p1',
      maxSharePercent: 20,
      contractedHoursPerMonth: 160,
      eligible: true,
      approvalRequired: true,
      committedHoursPerMonth: 0,
    },
    openToOffers: true,
    ...overrides,
  };
}

/** A hybrid challenge in Nagano City: 20 h a month, 2 days on site, from 2027-04-01. */
export function aChallenge(overrides: Partial<ChallengeForMatching> = {}): ChallengeForMatching {
  const office = places.naganoCity;
  return {
    id: 'c1',
    municipalityCode: office.municipalityCode,
    prefectureCode: office.prefectureCode,
    officeLat: office.lat,
    officeLng: office.lng,
    themes: ['tourism'],
    requiredSkills: [
      { skill: 'project_management', level: 3 },
      { skill: 'marketing', level: 3 },
    ],
    welcomeSkills: [],
    style: 'hybrid',
    onsiteDaysPerMonth: 2,
    hoursPerMonth: 20,
    startDate: '2027-04-01',
    periodMonths: 6,
    places: 2,
    filledPlaces: 0,
    openApplications: 0,
    maxOpenApplications: 10,
    terms: 'paid',
    travelSupport: true,
    ...overrides,
  };
}

/** The office of `place` as a challenge's location fields. */
export function hostedIn(place: Place): Partial<ChallengeForMatching> {
  return {
    municipalityCode: place.municipalityCode,
    prefectureCode: place.prefectureCode,
    officeLat: place.lat,
    officeLng: place.lng,
  };
}

/** `place` as a worker's home fields. */
export function livingIn(place: Place): Partial<WorkerForMatching> {
  return {
    homeMunicipalityCode: place.municipalityCode,
    homePrefectureCode: place.prefectureCode,
    homeLat: place.lat,
    homeLng: place.lng,
  };
}

const anchors: readonly Place[] = Object.values(places);

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function pickSome<T>(random: () => number, items: readonly T[], min: number, max: number): T[] {
  const count = randomInt(random, min, max);
  const chosen = new Set<T>();
  while (chosen.size < count) chosen.add(pick(random, items));
  return [...chosen];
}

/** A place near an anchor (up to ±0.4°), in the anchor's prefecture, in one of 40 towns. */
function nearbyPlace(random: () => number): Place {
  const anchor = pick(random, anchors);
  const town = randomInt(random, 0, 39);
  return {
    municipalityCode: `${anchor.prefectureCode}${String(201 + town).padStart(3, '0')}0`,
    prefectureCode: anchor.prefectureCode,
    lat: anchor.lat + (random() - 0.5) * 0.8,
    lng: anchor.lng + (random() - 0.5) * 0.8,
  };
}

function skillsOf(random: () => number, min: number, max: number): SkillRequirement[] {
  return pickSome(random, standardSkills, min, max).map((skill) => ({
    skill,
    level: randomInt(random, 1, 5) as SkillLevel,
  }));
}

/** Seeded workers: varied skills, interests, ties, programmes; most open to offers. */
export function syntheticWorkers(seed: number, count: number): WorkerForMatching[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i): WorkerForMatching => {
    const home = nearbyPlace(random);
    const skills: WorkerSkill[] = skillsOf(random, 2, 7).map((s) => ({
      ...s,
      years: randomInt(random, 1, 30),
    }));
    const affinities: RegionalAffinity[] = Array.from({ length: randomInt(random, 0, 3) }, () => {
      const place = nearbyPlace(random);
      return {
        kind: pick(random, affinityKinds),
        prefectureCode: place.prefectureCode,
        municipalityCode: random() < 0.5 ? place.municipalityCode : null,
      };
    });
    const hasProgramme = random() < 0.8;
    return {
      id: `w${String(i + 1).padStart(6, '0')}`,
      skills,
      interests: pickSome<ChallengeTheme>(random, challengeThemes, 1, 4),
      affinities,
      homeMunicipalityCode: home.municipalityCode,
      homePrefectureCode: home.prefectureCode,
      homeLat: random() < 0.95 ? home.lat : null,
      homeLng: home.lng,
      availableHoursPerMonth: randomInt(random, 8, 60),
      preferredStyles: pickSome<WorkStyle>(random, workStyles, 1, 2),
      availableFrom: random() < 0.5 ? null : `2027-0${randomInt(random, 1, 9)}-01`,
      programme: hasProgramme
        ? {
            id: `p${randomInt(random, 1, 20)}`,
            maxSharePercent: pick(random, [10, 15, 20, 25]),
            contractedHoursPerMonth: pick(random, [140, 150, 160]),
            eligible: random() < 0.95,
            approvalRequired: true,
            committedHoursPerMonth: pick(random, [0, 0, 0, 8, 16]),
          }
        : null,
      openToOffers: random() < 0.7,
    };
  });
}

/** Seeded open challenges: varied themes, skills, styles, sizes and popularity. */
export function syntheticChallenges(seed: number, count: number): ChallengeForMatching[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, j): ChallengeForMatching => {
    const office = nearbyPlace(random);
    const style = pick(random, workStyles);
    const places = randomInt(random, 1, 4);
    const maxOpenApplications = randomInt(random, 5, 30);
    return {
      id: `c${String(j + 1).padStart(6, '0')}`,
      municipalityCode: office.municipalityCode,
      prefectureCode: office.prefectureCode,
      officeLat: random() < 0.97 ? office.lat : null,
      officeLng: office.lng,
      themes: pickSome<ChallengeTheme>(random, challengeThemes, 1, 3),
      requiredSkills: skillsOf(random, 1, 4),
      welcomeSkills: skillsOf(random, 0, 2),
      style,
      onsiteDaysPerMonth: style === 'remote' ? 0 : randomInt(random, 1, 8),
      hoursPerMonth: pick(random, [8, 10, 16, 20, 24, 30, 40]),
      startDate: `2027-${String(randomInt(random, 1, 12)).padStart(2, '0')}-01`,
      periodMonths: randomInt(random, 3, 12),
      places,
      filledPlaces: random() < 0.1 ? places : randomInt(random, 0, places - 1),
      openApplications: random() < 0.1 ? maxOpenApplications : randomInt(random, 0, 4),
      maxOpenApplications,
      terms: pick(random, ['paid', 'expenses_only', 'volunteer'] as const),
      travelSupport: random() < 0.5,
    };
  });
}
