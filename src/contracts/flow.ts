import { z } from 'zod';
import { FLOW_METRICS } from '../domain/mobility/metrics';
import { localGovCode } from './municipalities';

/**
 * People-flow figures of a municipality (decision 9): published by `tsunagu flow analyze
 * --publish` (an operator's command run under a coordinator's name), already protected — a
 * suppressed figure carries no value, hidden origins are not listed.
 */

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
/** A month 'YYYY-MM' or 'period' (the whole analysis period). */
const scope = z.union([month, z.literal('period')]);

export const flowMetric = z.enum(FLOW_METRICS);

export const flowDatasetStatus = z.enum(['published', 'retracted']);

/** What a dataset says about itself: where the data comes from, what it covers, how protected. */
export const flowDatasetView = z.object({
  id: z.string(),
  /** The data source as shown with the figures. */
  sourceLabel: z.string(),
  periodFirst: month,
  periodLast: month,
  months: z.array(month),
  profile: z.enum(['trackintel', 'production']),
  /** Fewest distinct devices behind a published figure. */
  k: z.number().int(),
  minOriginDevices: z.number().int(),
  /** Devices with a known home, active on at least 3 days of the period. */
  panelDevices: z.number().int(),
  /** Devices with data in the period. */
  devices: z.number().int(),
  /** Figures stored, and of them suppressed (below k, or hidden to protect another). */
  cells: z.number().int(),
  suppressedCells: z.number().int(),
  /** Share of device-days with a stay point. */
  dataQualityShare: z.number().nullable(),
  status: flowDatasetStatus,
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  retractedAt: z.string().nullable(),
});
export type FlowDatasetView = z.infer<typeof flowDatasetView>;

/** A protected figure: `value` is null exactly when it is suppressed. */
export const flowFigure = z.object({
  value: z.number().int().nullable(),
  suppressed: z.boolean(),
});

export const municipalityFlowParams = z.object({ code: localGovCode });

export const municipalityFlowQuery = z.object({
  /** A dataset's id; by default the latest published one. */
  dataset: z.string().uuid().optional(),
  /** Whose origins to list: a month of the period, or the whole period (default). */
  originScope: scope.optional(),
});

export const originKind = z.enum(['municipality', 'prefecture', 'unknown']);

export const municipalityFlowResponse = z.object({
  municipality: z.object({
    code: z.string(),
    name: z.string(),
    prefectureCode: z.string(),
    prefectureName: z.string(),
  }),
  /** Null when no dataset has been published yet. */
  dataset: flowDatasetView.nullable(),
  /** False when none of this municipality's figures could be published (all below k). */
  listed: z.boolean(),
  /** Of this municipality's figures in the dataset, how many are suppressed. */
  suppressedCells: z.number().int(),
  /** Each metric's monthly trend and period total. */
  metrics: z.array(
    z.object({
      metric: flowMetric,
      months: z.array(flowFigure.extend({ month })),
      period: flowFigure,
    }),
  ),
  /** Connected population over the trailing twelve months, by visit-days in that window. */
  connectedPopulation: z.object({
    total: flowFigure,
    segments: z.array(
      flowFigure.extend({
        segment: z.enum(['2-7', '8-30', '31+']),
        metric: flowMetric,
      }),
    ),
  }),
  /** Where the visitors live (published figures only). */
  origins: z.object({
    scope,
    items: z.array(
      z.object({
        /** A municipality, a prefecture ("the rest of that prefecture") or 'unknown'. */
        code: z.string(),
        kind: originKind,
        name: z.string().nullable(),
        prefectureCode: z.string().nullable(),
        value: z.number().int(),
      }),
    ),
    /** The published origin figures summed per home prefecture (for the map). */
    byPrefecture: z.array(
      z.object({
        prefectureCode: z.string(),
        name: z.string().nullable(),
        value: z.number().int(),
      }),
    ),
    /** Visitors whose origin is not listed (hidden or unknown home); null when visitors are suppressed. */
    notListed: z.number().int().nullable(),
  }),
  /** The platform's own figures for the municipality, beside the people flow. */
  platform: z.object({
    /** Challenges in the municipality past their draft. */
    challenges: z.number().int(),
    openChallenges: z.number().int(),
    /** Applications to those challenges (expressions of interest left out). */
    applications: z.number().int(),
    matches: z.number().int(),
  }),
});
export type MunicipalityFlowResponse = z.infer<typeof municipalityFlowResponse>;

export const flowDatasetList = z.object({ items: z.array(flowDatasetView) });

export const flowDatasetParams = z.object({ id: z.string().uuid() });
