import { z } from 'zod';
import { applicationStatuses } from '../domain/engagement/application-workflow';
import { filterCodes } from '../domain/matching/match-factors';
import { affinityKinds, challengeThemes, standardSkills } from '../domain/matching/matching-model';
import { isoDate } from './labor';
import { challengeView, sharedProfileView } from './matching';

/**
 * Recommendations both ways (issue 3, part 4): challenges for a worker, workers for a challenge.
 * Every score comes with its factors (the engine's numbers and a text in the asked language),
 * a one-line summary, and how many candidates each hard filter hid.
 */

export const matchLocale = z.enum(['ja', 'en']);

const count = z.number().int().min(0);

const skillCoverageDetail = z.object({
  required: count,
  met: count,
  belowLevel: count,
  missing: count,
  welcome: count,
  welcomeMet: count,
  gaps: z.array(
    z.object({
      skill: z.enum(standardSkills),
      level: z.number().int(),
      heldLevel: z.number().int(),
    }),
  ),
});

const themeFitDetail = z.object({
  shared: count,
  challengeThemes: count,
  workerInterests: count,
  sharedThemes: z.array(z.enum(challengeThemes)),
});

const regionalAffinityDetail = z.object({
  kind: z.enum(affinityKinds).nullable(),
  scope: z.enum(['municipality', 'prefecture']).nullable(),
  ties: count,
});

const travelDetail = z.union([
  z.object({
    applicable: z.literal(true),
    onsiteDaysPerMonth: z.number(),
    mode: z.enum(['car', 'rail', 'shinkansen', 'air']),
    greatCircleKm: z.number(),
    detourFactor: z.number(),
    distanceKm: z.number(),
    durationMin: z.number(),
    co2KgPerRoundTrip: z.number(),
    tripsPerMonth: z.number(),
    co2KgPerMonth: z.number(),
  }),
  z.object({
    applicable: z.literal(false),
    reason: z.enum(['remote', 'no_onsite_days', 'location_unknown']),
  }),
]);

const scheduleFitDetail = z.object({
  startDate: isoDate,
  availableFrom: isoDate.nullable(),
  daysAfterAvailable: z.number().int().nullable(),
  hoursPerMonth: z.number(),
  spareHoursPerMonth: z.number(),
});

const factorBase = {
  /** The weight used; 0 when the factor does not apply to the pair (travel of remote work). */
  weight: z.number(),
  /** 0..1. */
  value: z.number(),
  /** weight × value ÷ the pair's total weight: the contributions add up to the score. */
  contribution: z.number(),
  /** The factor in words, in the asked language. */
  text: z.string(),
};

export const factorView = z.discriminatedUnion('factor', [
  z.object({ factor: z.literal('skill_coverage'), ...factorBase, detail: skillCoverageDetail }),
  z.object({ factor: z.literal('theme_fit'), ...factorBase, detail: themeFitDetail }),
  z.object({
    factor: z.literal('regional_affinity'),
    ...factorBase,
    detail: regionalAffinityDetail,
  }),
  z.object({ factor: z.literal('travel'), ...factorBase, detail: travelDetail }),
  z.object({ factor: z.literal('schedule_fit'), ...factorBase, detail: scheduleFitDetail }),
]);
export type FactorView = z.infer<typeof factorView>;

/** How many candidates the hard filters hid, in total and per filter (with its text). */
export const filteredOutView = z.object({
  total: count,
  /** Only the filters that hid someone; a candidate failing two counts under both. */
  byReason: z.array(z.object({ reason: z.enum(filterCodes), count, text: z.string() })),
});
export type FilteredOutView = z.infer<typeof filteredOutView>;

/** GET /me/recommendations and GET /challenges/:id/recommended-workers. */
export const recommendationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  /** The language of the texts; the caller's own language by default. */
  locale: matchLocale.optional(),
});

/**
 * A challenge as a recommendation shows it: the challenge's own view without the long texts,
 * the skill lists and the host's settings, so that the two can never drift apart.
 */
export const challengeSummary = challengeView.pick({
  id: true,
  organizationId: true,
  hostName: true,
  hostNameEn: true,
  municipalityCode: true,
  municipalityName: true,
  prefectureCode: true,
  prefectureName: true,
  title: true,
  titleEn: true,
  themes: true,
  style: true,
  onsiteDaysPerMonth: true,
  hoursPerMonth: true,
  startDate: true,
  periodMonths: true,
  places: true,
  filledPlaces: true,
  terms: true,
  feeYenPerMonth: true,
  travelSupport: true,
});
export type ChallengeSummary = z.infer<typeof challengeSummary>;

export const challengeRecommendationView = z.object({
  challenge: challengeSummary,
  /** 0..1, the sum of the factors' contributions. */
  score: z.number(),
  /** One line: skills, tie to the region, shared themes, travel. */
  summary: z.string(),
  factors: z.array(factorView),
  /** The caller's own live application to the challenge (interest, proposal …), if any. */
  myApplication: z.object({ id: z.string(), status: z.enum(applicationStatuses) }).nullable(),
});

/** Parts of the caller's profile whose absence hides or weakens recommendations. */
export const profileGaps = [
  'availableHoursPerMonth',
  'skills',
  'interests',
  'homeMunicipalityCode',
] as const;

export const workerRecommendationsResponse = z.object({
  locale: matchLocale,
  items: z.array(challengeRecommendationView),
  /** Open challenges scored. */
  considered: count,
  /** Those that passed every hard filter (recommended or not). */
  eligible: count,
  filteredOut: filteredOutView,
  /** What to add to the profile for better recommendations ([] when nothing). */
  profileGaps: z.array(z.enum(profileGaps)),
});

export const workerRecommendationView = z.object({
  /** The worker as this host may see them: only the sections the worker shares. */
  worker: sharedProfileView,
  score: z.number(),
  summary: z.string(),
  factors: z.array(factorView),
});

export const challengeRecommendationsResponse = z.object({
  challengeId: z.string(),
  locale: matchLocale,
  items: z.array(workerRecommendationView),
  /** Workers open to offers who were scored. */
  considered: count,
  eligible: count,
  filteredOut: filteredOutView,
});
