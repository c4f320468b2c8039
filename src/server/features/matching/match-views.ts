import type { FactorView, FilteredOutView } from '../../../contracts/recommendations';
import {
  explainFactor,
  explainFilteredOut,
  type MatchLocale,
} from '../../../domain/matching/explain-match';
import { filterCodes, type FactorResult } from '../../../domain/matching/match-factors';
import type { FilteredOutCounts } from '../../../domain/matching/recommend-matches';
import type { Actor } from '../../plugins/auth';

/** The language of match texts: the one asked for, else the caller's own. */
export function matchLocaleOf(actor: Actor, asked: MatchLocale | undefined): MatchLocale {
  return asked ?? (actor.locale === 'en' ? 'en' : 'ja');
}

/** The engine's factors with their texts. */
export function factorViewsOf(factors: readonly FactorResult[], locale: MatchLocale): FactorView[] {
  return factors.map((f) => ({ ...f, text: explainFactor(f, locale) }));
}

/** The filters that hid someone, in the engine's order, with their texts. */
export function filteredOutViewOf(counts: FilteredOutCounts, locale: MatchLocale): FilteredOutView {
  return {
    total: counts.total,
    byReason: filterCodes
      .filter((code) => counts.byReason[code] > 0)
      .map((code) => ({
        reason: code,
        count: counts.byReason[code],
        text: explainFilteredOut(code, counts.byReason[code], locale),
      })),
  };
}
