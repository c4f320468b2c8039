/**
 * A worker's profile for matching (issue 3) and who sees which part of it. The worker decides
 * what hosts see: nothing until they share the profile, then the basics and the sections they
 * leave on (life stage and gender are off unless turned on). Their employer's HR sees a fixed,
 * work-related part; never regions, career goals, life stage or gender. Pure rules.
 */
import type {
  AffinityKind,
  CareerGoal,
  ChallengeTheme,
  LifeStage,
  WorkerSkill,
  WorkStyle,
} from '../matching/matching-model';
import type { FieldProblem } from './challenge-rules';
import { ageInYearOf } from './programme-rules';

/** The parts of a profile the worker shares or keeps separately. */
export const profileSections = ['skills', 'affinities', 'career', 'lifeStage', 'gender'] as const;
export type ProfileSection = (typeof profileSections)[number];

export type ProfileSharing = {
  /** Hosts may see the profile at all (the basics and the sections switched on). */
  sharedWithHosts: boolean;
  /** The worker agrees to be recommended to hosts (workers-for-a-challenge). */
  openToOffers: boolean;
  sections: Readonly<Record<ProfileSection, boolean>>;
};

/** A new profile: private, not open to offers; sensitive sections off once shared. */
export const defaultProfileSharing: ProfileSharing = {
  sharedWithHosts: false,
  openToOffers: false,
  sections: { skills: true, affinities: true, career: true, lifeStage: false, gender: false },
};

/**
 * Who is looking: the worker, an administrator of the worker's company (HR), or a host — an
 * officer of a town the worker engaged with (or any town, for a worker open to offers) or a
 * coordinator running the programme.
 */
export type ProfileAudience = 'self' | 'employer' | 'host';

export type ProfileViewer = {
  isSelf: boolean;
  /** Administers a company where the worker is a worker. */
  administersWorkersCompany: boolean;
  isCoordinator: boolean;
  isOfficer: boolean;
  /** An officer of a host organisation the worker expressed interest in or applied to. */
  hostOfWorkersApplication: boolean;
};

/**
 * Which view of a worker's profile `viewer` gets, or null when the profile does not exist for
 * them (the API answers 404). The worker always sees everything; HR sees its fixed part; a host
 * sees the shared sections once the worker shares the profile and has either turned to that
 * host (interest or application) or opted in to offers; a coordinator, any shared profile.
 *
 * @example
 * decideProfileAudience({ isSelf: false, administersWorkersCompany: false, isCoordinator: false,
 *   isOfficer: true, hostOfWorkersApplication: true }, { ...defaultProfileSharing })
 * // → null (the worker has not shared the profile)
 */
export function decideProfileAudience(
  viewer: ProfileViewer,
  sharing: ProfileSharing,
): ProfileAudience | null {
  if (viewer.isSelf) return 'self';
  if (viewer.administersWorkersCompany) return 'employer';
  if (!sharing.sharedWithHosts) return null;
  if (viewer.isCoordinator) return 'host';
  if (viewer.isOfficer && (sharing.openToOffers || viewer.hostOfWorkersApplication)) return 'host';
  return null;
}

/** What HR of the worker's company sees beyond the basics: skills, for staffing programmes. */
const employerSections: readonly ProfileSection[] = ['skills'];

/**
 * The sections `audience` sees. The basics (name, age band, interests, hours, styles, languages,
 * availability) come with every view and are not listed.
 * @example visibleProfileSections('host', defaultProfileSharing) // → ['skills', 'affinities', 'career']
 */
export function visibleProfileSections(
  audience: ProfileAudience,
  sharing: ProfileSharing,
): ProfileSection[] {
  if (audience === 'self') return [...profileSections];
  if (audience === 'employer') return [...employerSections];
  return profileSections.filter((s) => sharing.sections[s]);
}

/**
 * A five-year age band from the birth year at `onDate` ('45-49'; '70+' from 70), or null when
 * the birth year is not stated. Derived when shown, never stored: it changes every year.
 * @example ageBandOf(1978, '2026-11-21') // → '45-49'
 */
export function ageBandOf(birthYear: number | null, onDate: string): string | null {
  if (birthYear === null) return null;
  const age = ageInYearOf(birthYear, onDate);
  if (age >= 70) return '70+';
  if (age < 15) return '-14';
  const low = Math.floor(age / 5) * 5;
  return `${low}-${low + 4}`;
}

export type ProfileAffinityInput = {
  kind: AffinityKind;
  prefectureCode: string;
  municipalityCode: string | null;
};

/** Self-declared and optional; "not stated" is a null, never a guess. */
export const genders = ['female', 'male', 'nonbinary', 'undisclosed'] as const;
export type Gender = (typeof genders)[number];

export type WorkerProfileInput = {
  birthYear: number | null;
  homeMunicipalityCode: string | null;
  skills: readonly WorkerSkill[];
  interests: readonly ChallengeTheme[];
  affinities: readonly ProfileAffinityInput[];
  preferredStyles: readonly WorkStyle[];
  languages: readonly string[];
  lifeStages: readonly LifeStage[];
  careerGoals: readonly CareerGoal[];
  sharing: ProfileSharing;
};

/** What the local-government master says about the codes a profile names. */
export type ProfileCodeLookup = {
  /** municipality code → its prefecture code, for each known code the profile names. */
  municipalityPrefecture: ReadonlyMap<string, string>;
  knownPrefectures: ReadonlySet<string>;
};

/** Each repeated entry of a list, by index. */
function repeats<T>(items: readonly T[], key: (t: T) => string, field: (i: number) => string) {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) problems.push({ field: field(i), message: 'listed twice' });
    seen.add(k);
  });
  return problems;
}

/**
 * The problems of a profile, named by field (`affinities[0].municipalityCode`): codes the master
 * does not know, a municipality outside the affinity's prefecture, repeated entries, "none
 * stated" next to a life stage, and offers without sharing (hosts could not see who they are
 * offered).
 *
 * @example
 * validateWorkerProfile({ ...profile, homeMunicipalityCode: '999999' }, lookup, '2026-11-21')
 * // → [{ field: 'homeMunicipalityCode', message: 'no municipality has code 999999' }]
 */
export function validateWorkerProfile(
  p: WorkerProfileInput,
  lookup: ProfileCodeLookup,
  onDate: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (p.birthYear !== null) {
    const age = ageInYearOf(p.birthYear, onDate);
    if (age < 15 || age > 100) {
      problems.push({ field: 'birthYear', message: `gives an age of ${age} this year` });
    }
  }
  if (
    p.homeMunicipalityCode !== null &&
    !lookup.municipalityPrefecture.has(p.homeMunicipalityCode)
  ) {
    problems.push({
      field: 'homeMunicipalityCode',
      message: `no municipality has code ${p.homeMunicipalityCode}`,
    });
  }
  problems.push(
    ...repeats(
      p.skills,
      (s) => s.skill,
      (i) => `skills[${i}].skill`,
    ),
  );
  p.affinities.forEach((a, i) => {
    if (!lookup.knownPrefectures.has(a.prefectureCode)) {
      problems.push({
        field: `affinities[${i}].prefectureCode`,
        message: `no prefecture has code ${a.prefectureCode}`,
      });
      return;
    }
    if (a.municipalityCode === null) return;
    const prefecture = lookup.municipalityPrefecture.get(a.municipalityCode);
    if (prefecture === undefined) {
      problems.push({
        field: `affinities[${i}].municipalityCode`,
        message: `no municipality has code ${a.municipalityCode}`,
      });
    } else if (prefecture !== a.prefectureCode) {
      problems.push({
        field: `affinities[${i}].municipalityCode`,
        message: `${a.municipalityCode} is not in prefecture ${a.prefectureCode}`,
      });
    }
  });
  problems.push(
    ...repeats(
      p.affinities,
      (a) => `${a.kind}|${a.prefectureCode}|${a.municipalityCode ?? ''}`,
      (i) => `affinities[${i}]`,
    ),
    ...repeats(
      p.interests,
      (t) => t,
      (i) => `interests[${i}]`,
    ),
    ...repeats(
      p.preferredStyles,
      (s) => s,
      (i) => `preferredStyles[${i}]`,
    ),
    ...repeats(
      p.languages,
      (l) => l,
      (i) => `languages[${i}]`,
    ),
    ...repeats(
      p.careerGoals,
      (g) => g,
      (i) => `careerGoals[${i}]`,
    ),
    ...repeats(
      p.lifeStages,
      (s) => s,
      (i) => `lifeStages[${i}]`,
    ),
  );
  if (p.lifeStages.includes('none_stated') && p.lifeStages.length > 1) {
    problems.push({
      field: 'lifeStages',
      message: "'none_stated' cannot be combined with a life stage",
    });
  }
  if (p.sharing.openToOffers && !p.sharing.sharedWithHosts) {
    problems.push({
      field: 'sharing.openToOffers',
      message: 'share your profile with hosts (sharedWithHosts) to receive offers',
    });
  }
  return problems;
}
