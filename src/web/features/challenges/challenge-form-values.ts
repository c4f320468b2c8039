import type {
  ChallengeTerms,
  ChallengeTheme,
  SkillLevel,
  StandardSkill,
  WorkStyle,
} from '../../../domain/matching/matching-model';
import type { ChallengeDetail, ChallengeInput } from './challenges-api';

/**
 * The challenge form as the officer is filling it in, and its conversion to the API's request.
 * Numbers are `''` while a field is empty, so "not given" and 0 stay apart.
 */

export type SkillRow = { key: string; skill: StandardSkill | ''; level: SkillLevel };

export type ChallengeFormValues = {
  title: string;
  titleEn: string;
  description: string;
  descriptionEn: string;
  /** Where the work is: '' for the host's own area. */
  municipalityCode: string;
  themes: ChallengeTheme[];
  requiredSkills: SkillRow[];
  welcomeSkills: SkillRow[];
  style: WorkStyle;
  onsiteDaysPerMonth: number | '';
  hoursPerMonth: number | '';
  periodMonths: number | '';
  startDate: string;
  places: number | '';
  terms: ChallengeTerms;
  feeYenPerMonth: number | '';
  travelSupport: boolean;
  maxOpenApplications: number | '';
  responseDays: number | '';
};

let rowCounter = 0;
/** A key for a new skill row, stable while rows above it are added or removed. */
export function newSkillRow(skill: StandardSkill | '' = '', level: SkillLevel = 3): SkillRow {
  rowCounter += 1;
  return { key: `skill-${rowCounter}`, skill, level };
}

export function emptyChallengeForm(): ChallengeFormValues {
  return {
    title: '',
    titleEn: '',
    description: '',
    descriptionEn: '',
    municipalityCode: '',
    themes: [],
    requiredSkills: [],
    welcomeSkills: [],
    style: 'remote',
    onsiteDaysPerMonth: 0,
    hoursPerMonth: '',
    periodMonths: 6,
    startDate: '',
    places: 1,
    terms: 'paid',
    feeYenPerMonth: '',
    travelSupport: false,
    maxOpenApplications: 20,
    responseDays: 7,
  };
}

export function formFromChallenge(c: ChallengeDetail): ChallengeFormValues {
  return {
    title: c.title,
    titleEn: c.titleEn ?? '',
    description: c.description,
    descriptionEn: c.descriptionEn ?? '',
    // A prefecture-wide challenge has none; a town's own challenge names the town itself,
    // which the form shows as "the host's area" too.
    municipalityCode: c.municipalityCode ?? '',
    themes: [...c.themes],
    requiredSkills: c.requiredSkills.map((s) => newSkillRow(s.skill, s.level)),
    welcomeSkills: c.welcomeSkills.map((s) => newSkillRow(s.skill, s.level)),
    style: c.style,
    onsiteDaysPerMonth: c.onsiteDaysPerMonth,
    hoursPerMonth: c.hoursPerMonth,
    periodMonths: c.periodMonths,
    startDate: c.startDate,
    places: c.places,
    terms: c.terms,
    feeYenPerMonth: c.feeYenPerMonth ?? '',
    travelSupport: c.travelSupport,
    maxOpenApplications: c.maxOpenApplications,
    responseDays: c.responseDays,
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * The request for the form. Empty numbers are sent as 0 so that the server names the field
 * (`must be more than 0`) rather than the whole body; skill rows with no skill chosen are left out.
 */
export function inputFromForm(f: ChallengeFormValues): ChallengeInput {
  const skills = (rows: SkillRow[]) =>
    rows.flatMap((r) => (r.skill === '' ? [] : [{ skill: r.skill, level: r.level }]));
  const num = (n: number | '') => (n === '' ? 0 : n);
  return {
    title: f.title.trim(),
    titleEn: orNull(f.titleEn),
    description: f.description.trim(),
    descriptionEn: orNull(f.descriptionEn),
    municipalityCode: f.municipalityCode === '' ? null : f.municipalityCode,
    themes: f.themes,
    requiredSkills: skills(f.requiredSkills),
    welcomeSkills: skills(f.welcomeSkills),
    style: f.style,
    // Remote work has no days on site, whatever was typed before the style changed.
    onsiteDaysPerMonth: f.style === 'remote' ? 0 : num(f.onsiteDaysPerMonth),
    hoursPerMonth: num(f.hoursPerMonth),
    periodMonths: num(f.periodMonths),
    startDate: f.startDate,
    places: num(f.places),
    terms: f.terms,
    feeYenPerMonth: f.terms === 'paid' && f.feeYenPerMonth !== '' ? f.feeYenPerMonth : null,
    travelSupport: f.travelSupport,
    maxOpenApplications: num(f.maxOpenApplications),
    responseDays: num(f.responseDays),
  };
}

/** What the form itself can tell before asking the server: fields left empty. */
export type MissingField =
  | 'title'
  | 'description'
  | 'themes'
  | 'hoursPerMonth'
  | 'periodMonths'
  | 'startDate'
  | 'places'
  | 'feeYenPerMonth'
  | 'onsiteDaysPerMonth';

export function missingFields(f: ChallengeFormValues): MissingField[] {
  const missing: MissingField[] = [];
  if (f.title.trim() === '') missing.push('title');
  if (f.description.trim() === '') missing.push('description');
  if (f.themes.length === 0) missing.push('themes');
  if (f.hoursPerMonth === '') missing.push('hoursPerMonth');
  if (f.periodMonths === '') missing.push('periodMonths');
  if (f.startDate === '') missing.push('startDate');
  if (f.places === '') missing.push('places');
  if (f.terms === 'paid' && f.feeYenPerMonth === '') missing.push('feeYenPerMonth');
  if (f.style !== 'remote' && f.onsiteDaysPerMonth === '') missing.push('onsiteDaysPerMonth');
  return missing;
}
