import { z } from 'zod';
import { applicationStatuses } from '../domain/engagement/application-workflow';
import { programmeKinds } from '../domain/engagement/programme-rules';
import { genders } from '../domain/engagement/worker-profile-rules';
import {
  affinityKinds,
  careerGoals,
  challengeStates,
  challengeTerms,
  challengeThemes,
  lifeStages,
  standardSkills,
  workStyles,
} from '../domain/matching/matching-model';
import { isoDate } from './labor';

/**
 * Regional challenges, company programmes, worker profiles and applications (issue 3). The
 * vocabulary (themes, standard skills, styles, terms, states) is the matching model's; hours are
 * whole hours per month, money integer yen, instants ISO 8601 strings.
 */

const localGovCode = z.string().regex(/^\d{6}$/, 'must be a 6-digit local-government code');
const skillLevel = z.literal([1, 2, 3, 4, 5], { error: 'levels run 1–5' });
const skillName = z.enum(standardSkills, { error: 'not on the standard skills list' });
const theme = z.enum(challengeThemes, { error: 'not a theme of the taxonomy' });
const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().default(null);

// --- Challenges -------------------------------------------------------------------------------

export const skillRequirement = z.object({ skill: skillName, level: skillLevel });

/** POST /organizations/:id/challenges and PUT /challenges/:id (the whole challenge). */
export const challengeInput = z.object({
  title: z.string().trim().min(1, 'required').max(200),
  titleEn: optionalText(200),
  description: z.string().trim().min(1, 'required').max(5000),
  descriptionEn: optionalText(5000),
  /** Where the work is: the town itself by default; a prefecture may name one of its towns. */
  municipalityCode: localGovCode.nullable().default(null),
  themes: z.array(theme).min(1, 'name at least one theme').max(5),
  requiredSkills: z.array(skillRequirement).max(10).default([]),
  welcomeSkills: z.array(skillRequirement).max(10).default([]),
  style: z.enum(workStyles),
  /** 0 for remote work; at least 1 on site or hybrid. */
  onsiteDaysPerMonth: z.number().int().min(0).max(31).default(0),
  hoursPerMonth: z.number().int().min(1, 'must be more than 0').max(200),
  startDate: isoDate,
  periodMonths: z.number().int().min(1).max(36),
  places: z.number().int().min(1, 'at least 1').max(100),
  terms: z.enum(challengeTerms),
  /** Required when terms is 'paid', absent otherwise. */
  feeYenPerMonth: z.number().int().min(1).max(10_000_000).nullable().default(null),
  travelSupport: z.boolean().default(false),
  /** Applications waiting at once before the challenge refuses more (409). */
  maxOpenApplications: z.number().int().min(1).max(500).default(20),
  /** Days the host has to answer an application before the coordinator is alerted. */
  responseDays: z.number().int().min(1).max(60).default(7),
});

export const challengeView = z.object({
  id: z.string(),
  organizationId: z.string(),
  hostName: z.string(),
  hostNameEn: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  prefectureCode: z.string(),
  prefectureName: z.string(),
  title: z.string(),
  titleEn: z.string().nullable(),
  description: z.string(),
  descriptionEn: z.string().nullable(),
  themes: z.array(z.enum(challengeThemes)),
  requiredSkills: z.array(skillRequirement),
  welcomeSkills: z.array(skillRequirement),
  style: z.enum(workStyles),
  onsiteDaysPerMonth: z.number().int(),
  hoursPerMonth: z.number().int(),
  startDate: isoDate,
  periodMonths: z.number().int(),
  places: z.number().int(),
  /** Places taken by matched applications. */
  filledPlaces: z.number().int(),
  /** Applications waiting for the employer or the host. */
  openApplications: z.number().int(),
  maxOpenApplications: z.number().int(),
  responseDays: z.number().int(),
  terms: z.enum(challengeTerms),
  feeYenPerMonth: z.number().int().nullable(),
  travelSupport: z.boolean(),
  state: z.enum(challengeStates),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ChallengeView = z.infer<typeof challengeView>;

export const challengeEventKinds = ['created', 'updated', 'opened', 'closed', 'archived'] as const;

export const challengeEventView = z.object({
  event: z.enum(challengeEventKinds),
  fromState: z.enum(challengeStates).nullable(),
  toState: z.enum(challengeStates),
  actorName: z.string().nullable(),
  at: z.string(),
});

/** GET /challenges/:id: the history (who, when) for the host and coordinators, else empty. */
export const challengeDetailView = challengeView.extend({
  events: z.array(challengeEventView),
  /** The caller's own current application to it, if any. */
  myApplication: z.object({ id: z.string(), status: z.enum(applicationStatuses) }).nullable(),
});
export type ChallengeDetailView = z.infer<typeof challengeDetailView>;

/** GET /challenges: search and filters; workers and companies see open challenges only. */
export const challengeSearchQuery = z
  .object({
    /** Words that must all occur in a title or description (Japanese or English) or host name. */
    q: z.string().trim().max(200).optional(),
    prefecture: localGovCode.optional(),
    municipality: localGovCode.optional(),
    organizationId: z.string().uuid().optional(),
    theme: z.enum(challengeThemes).optional(),
    /** A required or welcome skill. */
    skill: z.enum(standardSkills).optional(),
    style: z.enum(workStyles).optional(),
    minHours: z.coerce.number().int().min(1).max(744).optional(),
    maxHours: z.coerce.number().int().min(1).max(744).optional(),
    terms: z.enum(challengeTerms).optional(),
    state: z.enum(challengeStates).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .refine((q) => q.minHours === undefined || q.maxHours === undefined || q.minHours <= q.maxHours, {
    path: ['maxHours'],
    message: 'must not be below minHours',
  });

export const challengeListResponse = z.object({
  items: z.array(challengeView),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

// --- Company programmes -----------------------------------------------------------------------

export const programmeEligibility = z.object({
  /** Age reached in the current year (profiles hold the birth year, not the birthday). */
  minAge: z.number().int().min(15).max(100).nullable().default(null),
  maxAge: z.number().int().min(15).max(100).nullable().default(null),
  /** Full years since the main job's contract date. */
  minTenureYears: z.number().int().min(0).max(60).nullable().default(null),
});

export const workationPolicy = z.object({
  maxDaysPerMonth: z.number().int().min(1).max(31).nullable().default(null),
  policy: z.string().trim().max(5000).nullable().default(null),
});

/** POST /organizations/:id/programmes and PUT …/programmes/:programmeId. */
export const programmeInput = z.object({
  kind: z.enum(programmeKinds),
  name: z.string().trim().min(1, 'required').max(200),
  description: z.string().trim().max(5000).nullable().default(null),
  /** Share of contracted hours for regional work (double work, second career), e.g. 20. */
  maxSharePercent: z.number().int().min(1).max(50).nullable().default(null),
  /** The company's standard contracted hours per month (所定労働時間) the share is taken of. */
  contractedHoursPerMonth: z.number().int().min(1).max(250).default(160),
  eligibility: programmeEligibility.default({ minAge: null, maxAge: null, minTenureYears: null }),
  approvalRequired: z.boolean().default(true),
  travelSubsidyYenPerMonth: z.number().int().min(0).max(1_000_000).default(0),
  workation: workationPolicy.default({ maxDaysPerMonth: null, policy: null }),
});

export const programmeView = z.object({
  id: z.string(),
  organizationId: z.string(),
  kind: z.enum(programmeKinds),
  name: z.string(),
  description: z.string().nullable(),
  maxSharePercent: z.number().int().nullable(),
  contractedHoursPerMonth: z.number().int(),
  /** maxSharePercent of contractedHoursPerMonth, in whole hours. */
  hourCapPerMonth: z.number().int().nullable(),
  eligibility: z.object({
    minAge: z.number().int().nullable(),
    maxAge: z.number().int().nullable(),
    minTenureYears: z.number().int().nullable(),
  }),
  approvalRequired: z.boolean(),
  travelSubsidyYenPerMonth: z.number().int(),
  workation: z.object({
    maxDaysPerMonth: z.number().int().nullable(),
    policy: z.string().nullable(),
  }),
  memberCount: z.number().int(),
  retiredAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The caller's own standing, when they are a worker of the company; null otherwise. */
  me: z
    .object({
      joined: z.boolean(),
      joinedAt: z.string().nullable(),
      eligible: z.boolean(),
      reasons: z.array(z.string()),
    })
    .nullable(),
});
export type ProgrammeView = z.infer<typeof programmeView>;

export const programmeListQuery = z.object({
  /** Retired programmes are left out unless asked for. */
  includeRetired: z.enum(['true', 'false']).optional(),
});
export const programmeListResponse = z.object({ items: z.array(programmeView) });

export const programmeParams = z.object({ id: z.string().uuid(), programmeId: z.string().uuid() });

export const programmeMemberView = z.object({
  userId: z.string(),
  name: z.string(),
  joinedAt: z.string(),
  /** Hours a month of matched engagements under the programme that have not ended. */
  committedHoursPerMonth: z.number().int(),
});
export const programmeMemberListResponse = z.object({ items: z.array(programmeMemberView) });

// --- Worker profiles --------------------------------------------------------------------------

export const workerSkill = z.object({
  skill: skillName,
  level: skillLevel,
  years: z.number().int().min(0).max(60),
});

export const affinityInput = z.object({
  kind: z.enum(affinityKinds),
  prefectureCode: localGovCode,
  /** Null when the tie is to the prefecture as a whole. */
  municipalityCode: localGovCode.nullable().default(null),
});

export const affinityView = z.object({
  kind: z.enum(affinityKinds),
  prefectureCode: z.string(),
  prefectureName: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
});

export const profileSharing = z.object({
  /** Hosts may see the profile at all: the basics and the sections switched on below. */
  sharedWithHosts: z.boolean(),
  /** Be recommended to hosts looking for people (needs sharedWithHosts). */
  openToOffers: z.boolean(),
  sections: z.object({
    skills: z.boolean(),
    affinities: z.boolean(),
    career: z.boolean(),
    lifeStage: z.boolean(),
    gender: z.boolean(),
  }),
});

/** PUT /me/profile: the whole profile. Leaving `sharing` out keeps the profile private. */
export const workerProfileInput = z.object({
  birthYear: z.number().int().min(1900).max(2100).nullable().default(null),
  gender: z.enum(genders).nullable().default(null),
  homeMunicipalityCode: localGovCode.nullable().default(null),
  skills: z.array(workerSkill).max(30).default([]),
  interests: z.array(theme).max(challengeThemes.length).default([]),
  affinities: z.array(affinityInput).max(20).default([]),
  availableHoursPerMonth: z
    .number()
    .int()
    .min(1, 'must be more than 0')
    .max(200)
    .nullable()
    .default(null),
  availableFrom: isoDate.nullable().default(null),
  preferredStyles: z.array(z.enum(workStyles)).max(workStyles.length).default([]),
  /** ISO 639-1 codes. */
  languages: z
    .array(z.string().regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code such as "ja" or "en"'))
    .max(10)
    .default([]),
  lifeStages: z.array(z.enum(lifeStages)).max(lifeStages.length).default([]),
  careerGoals: z.array(z.enum(careerGoals)).max(careerGoals.length).default([]),
  sharing: profileSharing.default({
    sharedWithHosts: false,
    openToOffers: false,
    sections: { skills: true, affinities: true, career: true, lifeStage: false, gender: false },
  }),
});

const profileBasics = z.object({
  userId: z.string(),
  name: z.string(),
  /** Five-year band from the birth year at today's date ('45-49'); never stored. */
  ageBand: z.string().nullable(),
  interests: z.array(z.enum(challengeThemes)),
  availableHoursPerMonth: z.number().int().nullable(),
  availableFrom: isoDate.nullable(),
  preferredStyles: z.array(z.enum(workStyles)),
  languages: z.array(z.string()),
});

/** GET/PUT /me/profile: everything, with the sharing settings. */
export const ownProfileView = profileBasics.extend({
  birthYear: z.number().int().nullable(),
  gender: z.enum(genders).nullable(),
  homeMunicipalityCode: z.string().nullable(),
  homeMunicipalityName: z.string().nullable(),
  skills: z.array(workerSkill),
  affinities: z.array(affinityView),
  lifeStages: z.array(z.enum(lifeStages)),
  careerGoals: z.array(z.enum(careerGoals)),
  sharing: profileSharing,
  updatedAt: z.string().nullable(),
});
export type OwnProfileView = z.infer<typeof ownProfileView>;

/**
 * GET /workers/:userId/profile: the basics and only the sections this viewer may see — a
 * section left out is absent, never null.
 */
export const sharedProfileView = profileBasics.extend({
  audience: z.enum(['self', 'employer', 'host']),
  skills: z.array(workerSkill).optional(),
  homeMunicipalityCode: z.string().nullable().optional(),
  homeMunicipalityName: z.string().nullable().optional(),
  affinities: z.array(affinityView).optional(),
  careerGoals: z.array(z.enum(careerGoals)).optional(),
  lifeStages: z.array(z.enum(lifeStages)).optional(),
  gender: z.enum(genders).nullable().optional(),
});
export type SharedProfileView = z.infer<typeof sharedProfileView>;

export const workerParams = z.object({ userId: z.string().uuid() });

// --- Applications -----------------------------------------------------------------------------

/** Text a request must carry: 'required' when missing or blank. */
const requiredText = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') })
    .trim()
    .min(1, 'required')
    .max(max);

export const applyRequest = z.object({ message: requiredText(2000) });
export const declineRequest = z.object({ reason: requiredText(1000) });
export const reviewCommentRequest = z.object({
  comment: z.string().trim().max(1000).optional(),
});

export const applicationEventView = z.object({
  from: z.enum(applicationStatuses).nullable(),
  to: z.enum(applicationStatuses),
  actorName: z.string().nullable(),
  at: z.string(),
  comment: z.string().nullable(),
});

export const applicationView = z.object({
  id: z.string(),
  challengeId: z.string(),
  challengeTitle: z.string(),
  challengeTitleEn: z.string().nullable(),
  hostOrganizationId: z.string(),
  hostName: z.string(),
  workerUserId: z.string(),
  workerName: z.string(),
  status: z.enum(applicationStatuses),
  message: z.string().nullable(),
  declineReason: z.string().nullable(),
  declinedBy: z.enum(['employer', 'host']).nullable(),
  /** The company programme the application goes through, if any. */
  programmeId: z.string().nullable(),
  employerOrganizationId: z.string().nullable(),
  employerName: z.string().nullable(),
  hoursPerMonth: z.number().int(),
  /** When the host must have answered (set when it reached the host's review). */
  hostDueAt: z.string().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  events: z.array(applicationEventView),
});
export type ApplicationView = z.infer<typeof applicationView>;

export const applicationListQuery = z.object({ status: z.enum(applicationStatuses).optional() });
export const applicationListResponse = z.object({ items: z.array(applicationView) });

/** /challenges/:id/applications/:applicationId and /organizations/:id/applications/:applicationId. */
export const applicationParams = z.object({
  id: z.string().uuid(),
  applicationId: z.string().uuid(),
});
export const myApplicationParams = z.object({ applicationId: z.string().uuid() });

export const overdueApplicationView = z.object({
  applicationId: z.string(),
  challengeId: z.string(),
  challengeTitle: z.string(),
  hostOrganizationId: z.string(),
  hostName: z.string(),
  workerName: z.string(),
  hostDueAt: z.string(),
  daysOverdue: z.number().int(),
});
export const overdueApplicationListResponse = z.object({
  items: z.array(overdueApplicationView),
});
