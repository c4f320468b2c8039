/**
 * What a regional challenge must say to be posted, beyond the shape of each field: rules that
 * tie fields together (style and on-site days, terms and fee, the two skill lists), where the
 * challenge takes place, and how its text is searched. Pure; problems are returned, named by
 * field, for the API to answer 400 with.
 */
import { parseIsoDate } from '../labor/labor-calendar';
import { normalizeSearchText } from '../geo/municipality-search';
import type {
  ChallengeTerms,
  ChallengeTheme,
  SkillRequirement,
  WorkStyle,
} from '../matching/matching-model';

export type FieldProblem = { field: string; message: string };

export type ChallengeTermsInput = {
  themes: readonly ChallengeTheme[];
  requiredSkills: readonly SkillRequirement[];
  welcomeSkills: readonly SkillRequirement[];
  style: WorkStyle;
  onsiteDaysPerMonth: number;
  hoursPerMonth: number;
  startDate: string;
  periodMonths: number;
  places: number;
  terms: ChallengeTerms;
  feeYenPerMonth: number | null;
  maxOpenApplications: number;
};

/**
 * The problems of a challenge's terms, each with the field it concerns (`requiredSkills[1].skill`).
 * An empty list means the terms hold together.
 *
 * @example
 * validateChallengeTerms({ ...terms, style: 'remote', onsiteDaysPerMonth: 2 })
 * // → [{ field: 'onsiteDaysPerMonth', message: 'must be 0 for remote work' }]
 */
export function validateChallengeTerms(c: ChallengeTermsInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (c.themes.length === 0) {
    problems.push({ field: 'themes', message: 'name at least one theme' });
  }
  const seenThemes = new Set<string>();
  c.themes.forEach((theme, i) => {
    if (seenThemes.has(theme)) problems.push({ field: `themes[${i}]`, message: 'listed twice' });
    seenThemes.add(theme);
  });
  const required = new Set<string>();
  c.requiredSkills.forEach((s, i) => {
    if (required.has(s.skill)) {
      problems.push({ field: `requiredSkills[${i}].skill`, message: 'listed twice' });
    }
    required.add(s.skill);
  });
  const welcome = new Set<string>();
  c.welcomeSkills.forEach((s, i) => {
    if (welcome.has(s.skill)) {
      problems.push({ field: `welcomeSkills[${i}].skill`, message: 'listed twice' });
    } else if (required.has(s.skill)) {
      problems.push({
        field: `welcomeSkills[${i}].skill`,
        message: 'already a required skill; list it once',
      });
    }
    welcome.add(s.skill);
  });
  if (c.style === 'remote' && c.onsiteDaysPerMonth !== 0) {
    problems.push({ field: 'onsiteDaysPerMonth', message: 'must be 0 for remote work' });
  }
  if (c.style !== 'remote' && c.onsiteDaysPerMonth < 1) {
    problems.push({
      field: 'onsiteDaysPerMonth',
      message: `must be at least 1 for ${c.style === 'onsite' ? 'on-site' : 'hybrid'} work`,
    });
  }
  if (c.onsiteDaysPerMonth > c.hoursPerMonth) {
    problems.push({
      field: 'onsiteDaysPerMonth',
      message: `${c.onsiteDaysPerMonth} days on site do not fit in ${c.hoursPerMonth} hours a month`,
    });
  }
  if (parseIsoDate(c.startDate) === null) {
    problems.push({ field: 'startDate', message: `not a date (YYYY-MM-DD), got "${c.startDate}"` });
  }
  if (c.terms === 'paid' && (c.feeYenPerMonth === null || c.feeYenPerMonth <= 0)) {
    problems.push({ field: 'feeYenPerMonth', message: 'required for a paid engagement' });
  }
  if (c.terms !== 'paid' && c.feeYenPerMonth !== null) {
    problems.push({
      field: 'feeYenPerMonth',
      message: `only a paid engagement has a fee (terms: ${c.terms})`,
    });
  }
  if (c.maxOpenApplications < c.places) {
    problems.push({
      field: 'maxOpenApplications',
      message: `must be at least the number of places (${c.places})`,
    });
  }
  return problems;
}

/** The host organisation: a municipality or a prefecture, with its official codes. */
export type ChallengeHost = {
  kind: 'municipality' | 'prefecture';
  lgCode: string;
  prefectureCode: string;
};

/** A municipality of the master, as far as placing a challenge needs it. */
export type KnownMunicipality = { code: string; prefectureCode: string; parentCode: string | null };

export type ChallengePlace =
  | { ok: true; municipalityCode: string | null; prefectureCode: string }
  | { ok: false; message: string };

/**
 * Where a challenge takes place. A town posts in its own area (itself or one of its wards); a
 * prefecture posts prefecture-wide (no municipality) or in one of its municipalities.
 * `found` is the master's record of `requested`, null when the code is unknown.
 *
 * @example
 * resolveChallengePlace({ kind: 'prefecture', lgCode: '200000', prefectureCode: '200000' }, null, null)
 * // → { ok: true, municipalityCode: null, prefectureCode: '200000' }
 */
export function resolveChallengePlace(
  host: ChallengeHost,
  requested: string | null,
  found: KnownMunicipality | null,
): ChallengePlace {
  if (requested === null) {
    return {
      ok: true,
      municipalityCode: host.kind === 'municipality' ? host.lgCode : null,
      prefectureCode: host.prefectureCode,
    };
  }
  if (found === null) return { ok: false, message: `no municipality has code ${requested}` };
  if (host.kind === 'municipality') {
    if (found.code === host.lgCode || found.parentCode === host.lgCode) {
      return { ok: true, municipalityCode: found.code, prefectureCode: found.prefectureCode };
    }
    return { ok: false, message: `${requested} is outside the host's area (${host.lgCode})` };
  }
  if (found.prefectureCode !== host.prefectureCode) {
    return { ok: false, message: `${requested} is not in the host prefecture ${host.lgCode}` };
  }
  return { ok: true, municipalityCode: found.code, prefectureCode: found.prefectureCode };
}

/** Characters of a search query that the stored text is split on (ASCII and ideographic). */
const QUERY_SEPARATORS = /[\s\u3000、。,]+/u;
const MAX_QUERY_TERMS = 8;

/**
 * A query as the terms that must all occur in a challenge's search text, each spelt the way
 * challengeSearchText spells the stored text (NFKC, lower case, katakana as hiragana).
 * @example challengeSearchTerms('ＤＸ\u3000観光 ') // → ['dx', '観光']
 */
export function challengeSearchTerms(q: string): string[] {
  return q
    .split(QUERY_SEPARATORS)
    .map(normalizeSearchText)
    .filter((t) => t.length > 0)
    .slice(0, MAX_QUERY_TERMS);
}

/**
 * The text a challenge is found by: its titles and descriptions in both languages and its
 * host's names, normalised as the query is, so 'ＤＸ', 'dx' and 'DX' meet and 'カミヤマ'
 * finds 'かみやま'.
 */
export function challengeSearchText(parts: ReadonlyArray<string | null>): string {
  return parts
    .filter((p): p is string => p !== null && p.length > 0)
    .map(normalizeSearchText)
    .join('|');
}
