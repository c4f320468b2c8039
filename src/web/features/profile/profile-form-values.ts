import type { Gender, ProfileSection } from '../../../domain/engagement/worker-profile-rules';
import type {
  AffinityKind,
  CareerGoal,
  ChallengeTheme,
  LifeStage,
  SkillLevel,
  StandardSkill,
  WorkStyle,
} from '../../../domain/matching/matching-model';
import type { OwnProfile, ProfileInput } from './profile-api';

/**
 * The worker's profile as they edit it, and the whole profile sent back (PUT replaces it).
 * Place names come with the profile and are kept for the pickers' labels.
 */

export type ProfileSkillRow = {
  key: string;
  skill: StandardSkill | '';
  level: SkillLevel;
  years: number | '';
};

export type AffinityRow = {
  key: string;
  kind: AffinityKind;
  prefectureCode: string | null;
  municipalityCode: string | null;
};

export type ProfileFormValues = {
  birthYear: number | '';
  gender: Gender | null;
  homeMunicipalityCode: string | null;
  homeMunicipalityName: string | null;
  skills: ProfileSkillRow[];
  interests: ChallengeTheme[];
  affinities: AffinityRow[];
  availableHoursPerMonth: number | '';
  availableFrom: string;
  preferredStyles: WorkStyle[];
  languages: string[];
  lifeStages: LifeStage[];
  careerGoals: CareerGoal[];
  sharedWithHosts: boolean;
  openToOffers: boolean;
  sections: Record<ProfileSection, boolean>;
};

let counter = 0;
const nextKey = (prefix: string) => {
  counter += 1;
  return `${prefix}-${counter}`;
};

export function newProfileSkillRow(): ProfileSkillRow {
  return { key: nextKey('skill'), skill: '', level: 3, years: 0 };
}

export function newAffinityRow(): AffinityRow {
  return {
    key: nextKey('affinity'),
    kind: 'hometown',
    prefectureCode: null,
    municipalityCode: null,
  };
}

export function formFromProfile(p: OwnProfile): ProfileFormValues {
  return {
    birthYear: p.birthYear ?? '',
    gender: p.gender,
    homeMunicipalityCode: p.homeMunicipalityCode,
    homeMunicipalityName: p.homeMunicipalityName,
    skills: p.skills.map((s) => ({ key: nextKey('skill'), ...s })),
    interests: [...p.interests],
    affinities: p.affinities.map((a) => ({
      key: nextKey('affinity'),
      kind: a.kind,
      prefectureCode: a.prefectureCode,
      municipalityCode: a.municipalityCode,
    })),
    availableHoursPerMonth: p.availableHoursPerMonth ?? '',
    availableFrom: p.availableFrom ?? '',
    preferredStyles: [...p.preferredStyles],
    languages: [...p.languages],
    lifeStages: [...p.lifeStages],
    careerGoals: [...p.careerGoals],
    sharedWithHosts: p.sharing.sharedWithHosts,
    openToOffers: p.sharing.openToOffers,
    sections: { ...p.sharing.sections },
  };
}

/**
 * The request. Rows left without a skill or a prefecture are left out; offers go only with a
 * shared profile (hosts could not see who they are offered).
 */
export function inputFromProfileForm(f: ProfileFormValues): ProfileInput {
  return {
    birthYear: f.birthYear === '' ? null : f.birthYear,
    gender: f.gender,
    homeMunicipalityCode: f.homeMunicipalityCode,
    skills: f.skills.flatMap((s) =>
      s.skill === ''
        ? []
        : [{ skill: s.skill, level: s.level, years: s.years === '' ? 0 : s.years }],
    ),
    interests: f.interests,
    affinities: f.affinities.flatMap((a) =>
      a.prefectureCode === null
        ? []
        : [
            {
              kind: a.kind,
              prefectureCode: a.prefectureCode,
              municipalityCode: a.municipalityCode,
            },
          ],
    ),
    availableHoursPerMonth: f.availableHoursPerMonth === '' ? null : f.availableHoursPerMonth,
    availableFrom: f.availableFrom === '' ? null : f.availableFrom,
    preferredStyles: f.preferredStyles,
    languages: f.languages,
    lifeStages: f.lifeStages,
    careerGoals: f.careerGoals,
    sharing: {
      sharedWithHosts: f.sharedWithHosts,
      openToOffers: f.sharedWithHosts && f.openToOffers,
      sections: f.sections,
    },
  };
}

/**
 * Life stages as the person ticks them: "prefer not to say" stands alone, so ticking it clears
 * the others and ticking another clears it.
 */
export function nextLifeStages(previous: readonly LifeStage[], ticked: LifeStage[]): LifeStage[] {
  const added = ticked.find((s) => !previous.includes(s));
  if (added === 'none_stated') return ['none_stated'];
  if (added) return ticked.filter((s) => s !== 'none_stated');
  return ticked;
}
