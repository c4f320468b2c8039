import { describe, expect, it } from 'vitest';
import { evaluatePair } from '../matching/evaluate-pair';
import { explainPair } from '../matching/explain-match';
import type { ChallengeForMatching } from '../matching/matching-model';
import {
  firstKnownLocation,
  hoursWorkerCanGive,
  projectForHost,
  scorerPrefectureCode,
  workerForMatching,
  type WorkerMatchingFacts,
} from './matching-forms';
import { defaultProfileSharing, type ProfileSharing } from './worker-profile-rules';

const TODAY = '2026-11-21';

const shared: ProfileSharing = {
  sharedWithHosts: true,
  openToOffers: true,
  sections: { skills: true, affinities: true, career: true, lifeStage: false, gender: false },
};

const doubleWork = {
  id: 'p-double',
  organizationId: 'company',
  kind: 'double_work' as const,
  maxSharePercent: 20,
  contractedHoursPerMonth: 160,
  eligibility: { minAge: null, maxAge: null, minTenureYears: 3 },
  approvalRequired: true,
};

function facts(overrides: Partial<WorkerMatchingFacts> = {}): WorkerMatchingFacts {
  return {
    userId: 'u1',
    birthYear: 1978,
    homeMunicipalityCode: '202011',
    homePrefectureCode: '200000',
    homeLocation: { lat: 36.6486, lng: 138.1948 },
    skills: [{ skill: 'marketing', level: 4, years: 15 }],
    interests: ['tourism'],
    affinities: [{ kind: 'hometown', prefectureCode: '200000', municipalityCode: '203211' }],
    availableHoursPerMonth: 40,
    availableFrom: null,
    preferredStyles: ['remote', 'hybrid'],
    sharing: shared,
    programmes: [doubleWork],
    employedSinceByOrganization: new Map([['company', '2015-04-01']]),
    engagements: [
      { programmeId: 'p-double', hoursPerMonth: 16, startDate: '2026-04-01', periodMonths: 12 },
      // Ended: its hours are free again.
      { programmeId: 'p-double', hoursPerMonth: 8, startDate: '2025-01-01', periodMonths: 6 },
      // Another programme's: not this one's hours.
      { programmeId: 'p-other', hoursPerMonth: 10, startDate: '2026-04-01', periodMonths: 12 },
    ],
    ...overrides,
  };
}

/** A hybrid challenge at 軽井沢町 (Nagano), 16 h a month. */
const karuizawa: ChallengeForMatching = {
  id: 'c1',
  municipalityCode: '203211',
  prefectureCode: '20',
  officeLat: 36.3484,
  officeLng: 138.597,
  themes: ['tourism'],
  requiredSkills: [{ skill: 'marketing', level: 3 }],
  welcomeSkills: [],
  style: 'hybrid',
  onsiteDaysPerMonth: 2,
  hoursPerMonth: 16,
  startDate: '2027-01-04',
  periodMonths: 6,
  places: 2,
  filledPlaces: 0,
  openApplications: 0,
  maxOpenApplications: 20,
  terms: 'paid',
  travelSupport: true,
};

describe('the worker as the scorer reads them', () => {
  it('takes the governing programme with today’s eligibility and the hours still committed', () => {
    const { worker, programmeOrganizationId } = workerForMatching(facts(), TODAY);
    expect(worker.programme).toEqual({
      id: 'p-double',
      maxSharePercent: 20,
      contractedHoursPerMonth: 160,
      eligible: true,
      approvalRequired: true,
      committedHoursPerMonth: 16,
    });
    expect(programmeOrganizationId).toBe('company');
  });

  it('reads tenure at the programme’s company: too short a main job makes the worker ineligible', () => {
    const { worker } = workerForMatching(
      facts({ employedSinceByOrganization: new Map([['company', '2025-04-01']]) }),
      TODAY,
    );
    expect(worker.programme?.eligible).toBe(false);
  });

  it('has no programme when none governs, and no hours until the worker states them', () => {
    const { worker, programmeOrganizationId } = workerForMatching(
      facts({ programmes: [], availableHoursPerMonth: null }),
      TODAY,
    );
    expect(worker.programme).toBeNull();
    expect(programmeOrganizationId).toBeNull();
    expect(worker.availableHoursPerMonth).toBe(0);
  });

  it('uses the scorer’s two-digit prefecture codes', () => {
    const { worker } = workerForMatching(facts(), TODAY);
    expect(worker.homePrefectureCode).toBe('20');
    expect(worker.affinities).toEqual([
      { kind: 'hometown', prefectureCode: '20', municipalityCode: '203211' },
    ]);
    expect(scorerPrefectureCode('011002')).toBe('01');
  });
});

describe('where a place is', () => {
  it('takes the most precise position known, never half of one', () => {
    expect(firstKnownLocation({ lat: 36.1, lng: null }, { lat: 35.2, lng: 138.3 })).toEqual({
      lat: 35.2,
      lng: 138.3,
    });
    expect(firstKnownLocation(null, undefined, { lat: null, lng: null })).toBeNull();
  });
});

describe('what a host may score', () => {
  const own = workerForMatching(facts(), TODAY).worker;

  it('is nothing at all for a profile that is not shared', () => {
    expect(projectForHost(own, defaultProfileSharing)).toBeNull();
  });

  it('blanks hidden skills, and hidden ties together with the home they include', () => {
    const noSkills = projectForHost(own, {
      ...shared,
      sections: { ...shared.sections, skills: false },
    });
    expect(noSkills?.skills).toEqual([]);
    expect(noSkills?.affinities).toHaveLength(1);
    const noTies = projectForHost(own, {
      ...shared,
      sections: { ...shared.sections, affinities: false },
    });
    expect(noTies).toMatchObject({
      skills: own.skills,
      affinities: [],
      homeMunicipalityCode: null,
      homePrefectureCode: null,
      homeLat: null,
      homeLng: null,
    });
  });

  it('folds the programme into the hours the worker can give', () => {
    const seen = projectForHost(own, shared);
    expect(seen?.programme).toBeNull();
    // 20 % of 160 h = 32 h, 16 h committed: 16 h left of 40 available.
    expect(seen?.availableHoursPerMonth).toBe(16);
    expect(hoursWorkerCanGive({ ...own, programme: { ...own.programme!, eligible: false } })).toBe(
      0,
    );
    expect(hoursWorkerCanGive({ ...own, programme: null })).toBe(40);
    expect(
      hoursWorkerCanGive({
        ...own,
        programme: { ...own.programme!, maxSharePercent: 15, contractedHoursPerMonth: 150 },
      }),
    ).toBe(6.5);
  });

  it('scores the same as for a worker without the hidden section, and says nothing of it', () => {
    const hidden = projectForHost(own, {
      ...shared,
      sections: { ...shared.sections, affinities: false },
    })!;
    const without = projectForHost(
      workerForMatching(
        facts({ affinities: [], homeMunicipalityCode: null, homeLocation: null }),
        TODAY,
      ).worker,
      shared,
    )!;
    const seenHidden = evaluatePair(hidden, karuizawa);
    const seenWithout = evaluatePair(without, karuizawa);
    expect(seenHidden).toEqual(seenWithout);
    // The worker's own view counts the tie to 軽井沢町; the host's does not know it.
    const ownView = evaluatePair(own, karuizawa);
    expect(ownView.eligible && seenHidden.eligible && ownView.score > seenHidden.score).toBe(true);
    for (const locale of ['ja', 'en'] as const) {
      const text = JSON.stringify(explainPair(seenHidden, locale));
      expect(text).not.toMatch(/出身|grew up|hometown/);
    }
  });

  it('keeps a programme cap a hard limit, without naming the programme', () => {
    const seen = projectForHost(own, shared)!;
    const tooLong = evaluatePair(seen, { ...karuizawa, hoursPerMonth: 20 });
    expect(tooLong).toMatchObject({
      eligible: false,
      filters: [{ code: 'insufficient_availability' }],
    });
    expect(JSON.stringify(tooLong)).not.toContain('programme');
  });
});
