/**
 * From what the platform stores about a worker to what the scorer reads (`WorkerForMatching`):
 * the profile, the programme that governs the worker's engagements (eligibility on the day,
 * hours already committed) and where they live; and the host's view of the same worker, which
 * holds only what the worker shares, so that no score, factor or explanation a host reads can
 * be built from a hidden section. Pure rules; the repositories load the facts.
 */
import type {
  ChallengeTheme,
  RegionalAffinity,
  WorkerForMatching,
  WorkerSkill,
  WorkStyle,
} from '../matching/matching-model';
import {
  programmeForMatching,
  type CommittedEngagement,
  type JoinedProgramme,
} from './programme-rules';
import { visibleProfileSections, type ProfileSharing } from './worker-profile-rules';

export type PlaceLocation = { lat: number; lng: number };

/**
 * The first place whose position is known, each candidate read as a whole (never the latitude
 * of one with the longitude of another). Callers list the most precise first: a municipality's
 * office, its designated city's (for a ward), its prefecture's.
 *
 * @example
 * firstKnownLocation({ lat: null, lng: null }, { lat: 36.65, lng: 138.19 }); // { lat: 36.65, lng: 138.19 }
 */
export function firstKnownLocation(
  ...candidates: ReadonlyArray<{ lat: number | null; lng: number | null } | null | undefined>
): PlaceLocation | null {
  for (const c of candidates) {
    if (c && c.lat !== null && c.lng !== null && Number.isFinite(c.lat) && Number.isFinite(c.lng)) {
      return { lat: c.lat, lng: c.lng };
    }
  }
  return null;
}

/**
 * A 6-digit prefecture code of the local-government master ('200000') as the scorer's two-digit
 * prefecture number ('20'): the scorer compares prefectures as the first two digits of
 * municipality codes, and indexes a worker's ties by them.
 *
 * @example
 * scorerPrefectureCode('200000'); // '20'
 */
export function scorerPrefectureCode(code: string): string {
  return code.slice(0, 2);
}

/** What the platform holds about a worker, as matching needs it. */
export type WorkerMatchingFacts = {
  userId: string;
  birthYear: number | null;
  homeMunicipalityCode: string | null;
  /** The 6-digit code of the home municipality's prefecture. */
  homePrefectureCode: string | null;
  homeLocation: PlaceLocation | null;
  skills: readonly WorkerSkill[];
  interests: readonly ChallengeTheme[];
  /** Prefecture codes are the master's 6-digit ones. */
  affinities: readonly RegionalAffinity[];
  /** Null: not stated yet. */
  availableHoursPerMonth: number | null;
  availableFrom: string | null;
  preferredStyles: readonly WorkStyle[];
  sharing: ProfileSharing;
  /** The programmes the worker is in now at their own companies, oldest first. */
  programmes: readonly JoinedProgramme[];
  /** When the worker's main job began, by company. */
  employedSinceByOrganization: ReadonlyMap<string, string>;
  /** Matched engagements that went through a programme. */
  engagements: readonly (CommittedEngagement & { programmeId: string })[];
};

/** The worker as the scorer reads them, and the programme's company (for the employer's step). */
export type WorkerMatchingForm = {
  worker: WorkerForMatching;
  programmeOrganizationId: string | null;
};

/**
 * The worker as the scorer reads them, everything included (the worker's own view): the
 * governing programme with today's eligibility and committed hours, availability (0 when not
 * stated yet: nothing fits until the worker says how many hours they have), and home. Prefecture
 * codes become the scorer's two-digit ones.
 *
 * @example
 * workerForMatching(facts, '2026-11-21').worker.programme?.committedHoursPerMonth; // 16
 */
export function workerForMatching(facts: WorkerMatchingFacts, onDate: string): WorkerMatchingForm {
  const programme = programmeForMatching(
    facts.programmes,
    {
      birthYear: facts.birthYear,
      employedSinceByOrganization: facts.employedSinceByOrganization,
    },
    facts.engagements,
    onDate,
  );
  return {
    worker: {
      id: facts.userId,
      skills: [...facts.skills],
      interests: [...facts.interests],
      affinities: facts.affinities.map((a) => ({
        kind: a.kind,
        prefectureCode: scorerPrefectureCode(a.prefectureCode),
        municipalityCode: a.municipalityCode,
      })),
      homeMunicipalityCode: facts.homeMunicipalityCode,
      homePrefectureCode:
        facts.homePrefectureCode === null ? null : scorerPrefectureCode(facts.homePrefectureCode),
      homeLat: facts.homeLocation?.lat ?? null,
      homeLng: facts.homeLocation?.lng ?? null,
      availableHoursPerMonth: facts.availableHoursPerMonth ?? 0,
      preferredStyles: [...facts.preferredStyles],
      availableFrom: facts.availableFrom,
      programme:
        programme === null
          ? null
          : {
              id: programme.id,
              maxSharePercent: programme.maxSharePercent,
              contractedHoursPerMonth: programme.contractedHoursPerMonth,
              eligible: programme.eligible,
              approvalRequired: programme.approvalRequired,
              committedHoursPerMonth: programme.committedHoursPerMonth,
            },
      openToOffers: facts.sharing.openToOffers,
    },
    programmeOrganizationId: programme?.organizationId ?? null,
  };
}

/**
 * Hours a month the worker can give a regional engagement: their availability, capped by what
 * their programme still allows (0 when they are not eligible for it). Rounded down to whole
 * minutes, which keeps the scorer's cap comparison exact for whole-hour challenges.
 *
 * @example
 * hoursWorkerCanGive({ ...worker, availableHoursPerMonth: 40, programme: { …, maxSharePercent: 20,
 *   contractedHoursPerMonth: 160, committedHoursPerMonth: 16, eligible: true } }); // 16
 */
export function hoursWorkerCanGive(worker: WorkerForMatching): number {
  const programme = worker.programme;
  if (programme === null) return worker.availableHoursPerMonth;
  if (!programme.eligible) return 0;
  const remainingMinutes = Math.floor(
    (programme.maxSharePercent * programme.contractedHoursPerMonth * 60) / 100 -
      programme.committedHoursPerMonth * 60,
  );
  return Math.min(worker.availableHoursPerMonth, Math.max(0, remainingMinutes) / 60);
}

/**
 * The worker as a host (or a coordinator, who sees profiles as hosts do) may score them: null
 * when the profile is not shared at all; otherwise the basics (interests, hours, styles,
 * availability) and only the sections the worker shares —
 * - skills hidden: no skills (skill coverage as for someone who lists none);
 * - ties to regions hidden (the section that holds home and affinities): no affinities and no
 *   home, so regional affinity is 0 and travel is left out as for an unknown location;
 * - career goals, life stage and gender are never read by the scorer.
 * The employer's programme is not the host's business: it is folded into the hours the worker
 * can give (hoursWorkerCanGive), so a host sees "16 spare hours", never a programme, its share
 * or the worker's eligibility.
 *
 * @example
 * projectForHost(worker, { ...sharing, sections: { ...sharing.sections, affinities: false } })
 *   ?.affinities; // []
 */
export function projectForHost(
  worker: WorkerForMatching,
  sharing: ProfileSharing,
): WorkerForMatching | null {
  if (!sharing.sharedWithHosts) return null;
  const sections = new Set(visibleProfileSections('host', sharing));
  const ties = sections.has('affinities');
  return {
    id: worker.id,
    skills: sections.has('skills') ? worker.skills : [],
    interests: worker.interests,
    affinities: ties ? worker.affinities : [],
    homeMunicipalityCode: ties ? worker.homeMunicipalityCode : null,
    homePrefectureCode: ties ? worker.homePrefectureCode : null,
    homeLat: ties ? worker.homeLat : null,
    homeLng: ties ? worker.homeLng : null,
    availableHoursPerMonth: hoursWorkerCanGive(worker),
    preferredStyles: worker.preferredStyles,
    availableFrom: worker.availableFrom,
    programme: null,
    openToOffers: worker.openToOffers,
  };
}
