import {
  challengeTerms,
  challengeThemes,
  standardSkills,
  workStyles,
} from '../../../domain/matching/matching-model';
import type { ChallengeFilter } from './challenges-api';

/**
 * The browse page's filters live in the address (?theme=tourism&style=remote), so a search can be
 * bookmarked, shared and gone back to. Values the vocabulary does not know are dropped rather
 * than sent to the server.
 */

export type BrowseFilter = Pick<
  ChallengeFilter,
  'q' | 'prefecture' | 'theme' | 'skill' | 'style' | 'minHours' | 'maxHours' | 'terms'
> & { page: number };

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  list.find((item) => item === value);

const hours = (value: string | null): number | undefined => {
  if (value === null || !/^\d{1,3}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= 744 ? n : undefined;
};

export function browseFilterFrom(params: URLSearchParams): BrowseFilter {
  const q = params.get('q')?.trim();
  const prefecture = params.get('prefecture');
  const page = Number(params.get('page'));
  const filter: BrowseFilter = {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
  if (q) filter.q = q.slice(0, 200);
  if (prefecture && /^\d{6}$/.test(prefecture)) filter.prefecture = prefecture;
  const theme = oneOf(challengeThemes, params.get('theme'));
  if (theme) filter.theme = theme;
  const skill = oneOf(standardSkills, params.get('skill'));
  if (skill) filter.skill = skill;
  const style = oneOf(workStyles, params.get('style'));
  if (style) filter.style = style;
  const terms = oneOf(challengeTerms, params.get('terms'));
  if (terms) filter.terms = terms;
  const min = hours(params.get('minHours'));
  const max = hours(params.get('maxHours'));
  if (min !== undefined) filter.minHours = min;
  // A range the wrong way round would be a 400: keep the lower bound only.
  if (max !== undefined && (min === undefined || max >= min)) filter.maxHours = max;
  return filter;
}

export function browseParamsOf(filter: BrowseFilter): URLSearchParams {
  const params = new URLSearchParams();
  const { page, ...rest } = filter;
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  if (page > 1) params.set('page', String(page));
  return params;
}

/** How many filters are set (the search words count as one). */
export function activeFilterCount(filter: BrowseFilter): number {
  return Object.entries(filter).filter(([key, v]) => key !== 'page' && v !== undefined && v !== '')
    .length;
}
