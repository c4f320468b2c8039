import { z } from 'zod';
import { applicationStatuses } from '../domain/engagement/application-workflow';
import { roundAssignmentSources, roundStatuses } from '../domain/engagement/round-rules';
import { matchLocale } from './recommendations';

/**
 * Matching rounds (issue 3, part 5), for coordinators: run a round over chosen workers and
 * challenges, read the solver's proposal, edit it, publish it.
 */

/** POST /rounds. */
export const roundCreateRequest = z
  .object({
    name: z.string().trim().min(1, 'required').max(200),
    challengeIds: z.array(z.string().uuid()).min(1, 'name at least one challenge').max(20_000),
    /** The workers taking part (each open to offers), or `allOptedIn: true` for all of them. */
    workerIds: z.array(z.string().uuid()).min(1, 'name at least one worker').max(20_000).optional(),
    allOptedIn: z.literal(true).optional(),
    /** k: at most this many challenges per worker. */
    workerCapacity: z.number().int().min(1).max(20).default(1),
    /** Each municipality offering a challenge gets at least this many matches where feasible. */
    minPerMunicipality: z.number().int().min(0).max(100).default(0),
    /** How many of each worker's best pairs the solver chooses from. */
    candidatesPerWorker: z.number().int().min(1).max(500).default(50),
  })
  .refine((r) => (r.workerIds === undefined) !== (r.allOptedIn === undefined), {
    path: ['workerIds'],
    message: 'give workerIds or allOptedIn: true (one of them)',
  });

export const roundParams = z.object({ roundId: z.string().uuid() });

export const roundQuery = z.object({ locale: matchLocale.optional() });

/** PUT /rounds/:roundId/assignments: the whole edited proposal. */
export const roundAssignmentsRequest = z.object({
  assignments: z
    .array(z.object({ workerId: z.string().uuid(), challengeId: z.string().uuid() }))
    .max(50_000),
});

export const roundAssignmentView = z.object({
  worker: z.object({ userId: z.string(), name: z.string() }),
  challenge: z.object({
    id: z.string(),
    title: z.string(),
    titleEn: z.string().nullable(),
    hostName: z.string(),
    hostNameEn: z.string().nullable(),
    /** The local government offering it (what the municipality guarantee counts). */
    localGovCode: z.string(),
  }),
  /** 0..1, as scored on what the worker shares with hosts. */
  score: z.number(),
  /** One line of reasons, in the asked language. */
  summary: z.string(),
  source: z.enum(roundAssignmentSources),
  /** Once published: the proposal the pair became, and where it stands now. */
  application: z.object({ id: z.string(), status: z.enum(applicationStatuses) }).nullable(),
});

export const roundShortfallView = z.object({
  localGovCode: z.string(),
  name: z.string().nullable(),
  required: z.number().int(),
  matched: z.number().int(),
});

export const roundEventView = z.object({
  event: z.enum(['created', 'edited', 'published']),
  actorName: z.string().nullable(),
  at: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const roundSummaryView = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(roundStatuses),
  workerCapacity: z.number().int(),
  minPerMunicipality: z.number().int(),
  candidatesPerWorker: z.number().int(),
  participants: z.object({
    workers: z.number().int(),
    challenges: z.number().int(),
    municipalities: z.number().int(),
  }),
  /** Worker/challenge pairs the solver chose from. */
  pairs: z.number().int(),
  assignmentCount: z.number().int(),
  totalScore: z.number(),
  shortfalls: z.array(roundShortfallView),
  /** Scoring the pairs, and solving the assignment exactly, when the round was run. */
  scoringMs: z.number().int(),
  solveMs: z.number().int(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});

export const roundView = roundSummaryView.extend({
  locale: matchLocale,
  assignments: z.array(roundAssignmentView),
  events: z.array(roundEventView),
});
export type RoundView = z.infer<typeof roundView>;

export const roundListResponse = z.object({ items: z.array(roundSummaryView) });
