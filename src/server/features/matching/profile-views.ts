import type { Kysely, Transaction } from 'kysely';
import type { OwnProfileView, SharedProfileView } from '../../../contracts/matching';
import type { Database } from '../../../db/database';
import {
  ageBandOf,
  visibleProfileSections,
  type ProfileAudience,
  type ProfileSharing,
} from '../../../domain/engagement/worker-profile-rules';
import { lookUpMunicipalities, lookUpPrefectures, type ProfileRecord } from './profiles.repository';

type Db = Kysely<Database> | Transaction<Database>;

/** The names of the places some profiles mention. */
export type PlaceNames = {
  municipalities: ReadonlyMap<string, { name: string; prefectureCode: string }>;
  prefectures: ReadonlyMap<string, string>;
};

/** Looks up, in two queries, the names of every place these profiles mention. */
export async function lookUpPlaceNames(
  db: Db,
  profiles: readonly ProfileRecord[],
): Promise<PlaceNames> {
  const municipalityCodes: string[] = [];
  const prefectureCodes: string[] = [];
  for (const p of profiles) {
    if (p.homeMunicipalityCode) municipalityCodes.push(p.homeMunicipalityCode);
    for (const a of p.affinities) {
      prefectureCodes.push(a.prefectureCode);
      if (a.municipalityCode) municipalityCodes.push(a.municipalityCode);
    }
  }
  return {
    municipalities: await lookUpMunicipalities(db, municipalityCodes),
    prefectures: await lookUpPrefectures(db, prefectureCodes),
  };
}

/** The whole profile with the names of the places it mentions (the worker's own view). */
export function ownProfileViewOf(
  userId: string,
  name: string,
  p: ProfileRecord,
  names: PlaceNames,
  today: string,
): OwnProfileView {
  const municipalityName = (code: string | null) =>
    code ? (names.municipalities.get(code)?.name ?? null) : null;
  return {
    userId,
    name,
    ageBand: ageBandOf(p.birthYear, today),
    interests: p.interests,
    availableHoursPerMonth: p.availableHoursPerMonth,
    availableFrom: p.availableFrom,
    preferredStyles: p.preferredStyles,
    languages: p.languages,
    birthYear: p.birthYear,
    gender: p.gender,
    homeMunicipalityCode: p.homeMunicipalityCode,
    homeMunicipalityName: municipalityName(p.homeMunicipalityCode),
    skills: p.skills,
    affinities: p.affinities.map((a) => ({
      kind: a.kind,
      prefectureCode: a.prefectureCode,
      prefectureName: names.prefectures.get(a.prefectureCode) ?? null,
      municipalityCode: a.municipalityCode,
      municipalityName: municipalityName(a.municipalityCode),
    })),
    lifeStages: p.lifeStages,
    careerGoals: p.careerGoals,
    sharing: p.sharing,
    updatedAt: p.updatedAt,
  };
}

/**
 * The profile as `audience` may see it: the basics and only the sections it may see. Built
 * section by section, so nothing the viewer may not see is ever put in the reply (a hidden
 * section is absent, never null).
 */
export function sharedProfileViewOf(
  full: OwnProfileView,
  audience: ProfileAudience,
  sharing: ProfileSharing,
): SharedProfileView {
  const sections = new Set(visibleProfileSections(audience, sharing));
  const view: SharedProfileView = {
    audience,
    userId: full.userId,
    name: full.name,
    ageBand: full.ageBand,
    interests: full.interests,
    availableHoursPerMonth: full.availableHoursPerMonth,
    availableFrom: full.availableFrom,
    preferredStyles: full.preferredStyles,
    languages: full.languages,
  };
  if (sections.has('skills')) view.skills = full.skills;
  if (sections.has('affinities')) {
    view.homeMunicipalityCode = full.homeMunicipalityCode;
    view.homeMunicipalityName = full.homeMunicipalityName;
    view.affinities = full.affinities;
  }
  if (sections.has('career')) view.careerGoals = full.careerGoals;
  if (sections.has('lifeStage')) view.lifeStages = full.lifeStages;
  if (sections.has('gender')) view.gender = full.gender;
  return view;
}
