import { skillLabels, themeLabels } from '../../../domain/matching/explain-match';
import type { ChallengeTheme, StandardSkill } from '../../../domain/matching/matching-model';
import type { Language } from '../../i18n/language';

/**
 * Names of the matching vocabulary on screen. Themes and skills take the engine's own words, so
 * a filter, a badge and a recommendation's reason always say the same thing.
 */

export function themeLabel(theme: ChallengeTheme, language: Language): string {
  return themeLabels[language][theme];
}

export function skillLabel(skill: StandardSkill, language: Language): string {
  return skillLabels[language][skill];
}

/** The label of a skill with its level, e.g. 'データ分析 Lv3' or 'data analysis (level 3)'. */
export function skillWithLevel(skill: StandardSkill, level: number, language: Language): string {
  return language === 'ja'
    ? `${skillLabel(skill, language)} Lv${level}`
    : `${skillLabel(skill, language)} (level ${level})`;
}

/**
 * A text kept in Japanese and optionally English, in the reader's language: English readers get
 * the Japanese when no English was written (a host need not translate).
 *
 * @example
 * localized('観光予約のDX推進', null, 'en') // → '観光予約のDX推進'
 */
export function localized(ja: string, en: string | null, language: Language): string {
  return language === 'en' && en ? en : ja;
}
