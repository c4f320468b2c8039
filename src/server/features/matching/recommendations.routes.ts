import { errorReplies, idParams } from '../../../contracts/common';
import {
  challengeRecommendationsResponse,
  recommendationsQuery,
  workerRecommendationsResponse,
  type profileGaps,
} from '../../../contracts/recommendations';
import {
  projectForHost,
  workerForMatching,
  type WorkerMatchingFacts,
} from '../../../domain/engagement/matching-forms';
import { defaultProfileSharing } from '../../../domain/engagement/worker-profile-rules';
import { evaluatePreparedPair } from '../../../domain/matching/evaluate-pair';
import { explainPair } from '../../../domain/matching/explain-match';
import { prepareChallenge, prepareWorker } from '../../../domain/matching/prepared-match-forms';
import {
  recommendChallengesForWorker,
  recommendWorkersForChallenge,
} from '../../../domain/matching/recommend-matches';
import { challengeRoleOf } from '../../../domain/shared/organizations';
import type { AppInstance } from '../../app-types';
import { forbidden, notFound } from '../../errors';
import { requireActor } from '../../plugins/auth';
import { readableChallenge, requireWorker, todayOf } from './matching-access';
import type { MatchingPool } from './matching-pool';
import {
  liveApplicationsOfWorker,
  loadChallengesForMatching,
  loadWorkerMatchingFacts,
} from './matching-pool.repository';
import { factorViewsOf, filteredOutViewOf, matchLocaleOf } from './match-views';
import { lookUpPlaceNames, ownProfileViewOf, sharedProfileViewOf } from './profile-views';
import { findProfiles, userNames } from './profiles.repository';

/** A worker who has not written a profile yet: nothing to match on until they do. */
function emptyFacts(userId: string): WorkerMatchingFacts {
  return {
    userId,
    birthYear: null,
    homeMunicipalityCode: null,
    homePrefectureCode: null,
    homeLocation: null,
    skills: [],
    interests: [],
    affinities: [],
    availableHoursPerMonth: null,
    availableFrom: null,
    preferredStyles: [],
    sharing: defaultProfileSharing,
    programmes: [],
    employedSinceByOrganization: new Map(),
    engagements: [],
  };
}

function profileGapsOf(f: WorkerMatchingFacts): Array<(typeof profileGaps)[number]> {
  const gaps: Array<(typeof profileGaps)[number]> = [];
  if (f.availableHoursPerMonth === null) gaps.push('availableHoursPerMonth');
  if (f.skills.length === 0) gaps.push('skills');
  if (f.interests.length === 0) gaps.push('interests');
  if (f.homeMunicipalityCode === null) gaps.push('homeMunicipalityCode');
  return gaps;
}

/**
 * Recommendations both ways (issue 3, part 4), scored against the matching pool's prepared forms
 * (matching-pool.ts): open challenges for the calling worker, on everything in their profile;
 * workers open to offers for a challenge's host, on what the workers share only.
 */
export async function recommendationsRoutes(
  app: AppInstance,
  opts: { pool: MatchingPool },
): Promise<void> {
  const { pool } = opts;

  app.get(
    '/me/recommendations',
    {
      schema: {
        tags: ['matching'],
        summary:
          'Open challenges that suit you best, with the reasons, and how many each hard filter hid',
        querystring: recommendationsQuery,
        response: { 200: workerRecommendationsResponse, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      requireWorker(actor, 'get recommendations');
      const locale = matchLocaleOf(actor, request.query.locale);
      const view = await pool.current();
      const snapshot = await view.openChallenges();
      const [found] = await loadWorkerMatchingFacts(
        app.db,
        { userIds: [actor.userId] },
        await view.places(),
      );
      const facts = found ?? emptyFacts(actor.userId);
      const { worker } = workerForMatching(facts, todayOf(app.clock.now()));
      const result = recommendChallengesForWorker(prepareWorker(worker), snapshot.prepared, {
        limit: request.query.limit,
      });
      const mine =
        result.recommendations.length === 0
          ? new Map()
          : await liveApplicationsOfWorker(app.db, actor.userId);
      return {
        locale,
        items: result.recommendations.map((r) => ({
          challenge: snapshot.byId.get(r.challenge.id)!.summary,
          score: r.score,
          summary: explainPair(r, locale).summary,
          factors: factorViewsOf(r.factors, locale),
          myApplication: mine.get(r.challenge.id) ?? null,
        })),
        considered: result.considered,
        eligible: result.eligible,
        filteredOut: filteredOutViewOf(result.filteredOut, locale),
        profileGaps: profileGapsOf(facts),
      };
    },
  );

  app.get(
    '/challenges/:id/recommended-workers',
    {
      schema: {
        tags: ['matching'],
        summary:
          'Workers open to offers who suit a challenge (its host, coordinators): scored on what they share, shown as they share it',
        params: idParams,
        querystring: recommendationsQuery,
        response: { 200: challengeRecommendationsResponse, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const record = await readableChallenge(app.db, actor, request.params.id);
      if (challengeRoleOf(actor.memberships, record.organizationId) === null) {
        throw forbidden("Only the host's officers and coordinators see recommended workers");
      }
      const locale = matchLocaleOf(actor, request.query.locale);
      // Any state: a host may look for people before opening a challenge.
      const [target] = await loadChallengesForMatching(app.db, { id: record.id });
      if (!target) throw notFound('Challenge');
      const preparedTarget = prepareChallenge(target.challenge);
      const view = await pool.current();
      const workers = await view.offerableWorkers();
      const places = await view.places();
      const result = recommendWorkersForChallenge(preparedTarget, workers.prepared, {
        limit: request.query.limit,
      });
      // The best ones again from what they share at this moment, read in one snapshot of the
      // database: a worker who just hid a section or stopped sharing is scored (and shown) as
      // they now share, never from the cache's older copy.
      const ids = result.recommendations.map((r) => r.worker.id);
      const fresh = await app.db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          const profiles = await findProfiles(trx, ids);
          return {
            facts: await loadWorkerMatchingFacts(trx, { userIds: ids }, places),
            profiles,
            names: await lookUpPlaceNames(trx, [...profiles.values()]),
            people: await userNames(trx, ids),
          };
        });
      const today = todayOf(app.clock.now());
      const items = fresh.facts
        .flatMap((f) => {
          const profile = fresh.profiles.get(f.userId);
          const seen = projectForHost(workerForMatching(f, today).worker, f.sharing);
          if (!profile || seen === null || !f.sharing.openToOffers) return [];
          const evaluation = evaluatePreparedPair(prepareWorker(seen), preparedTarget);
          if (!evaluation.eligible) return [];
          const full = ownProfileViewOf(
            f.userId,
            fresh.people.get(f.userId) ?? '',
            profile,
            fresh.names,
            today,
          );
          return [
            {
              worker: sharedProfileViewOf(full, 'host', profile.sharing),
              score: evaluation.score,
              summary: explainPair(evaluation, locale).summary,
              factors: factorViewsOf(evaluation.factors, locale),
            },
          ];
        })
        .sort((a, b) =>
          a.score !== b.score ? b.score - a.score : a.worker.userId < b.worker.userId ? -1 : 1,
        );
      return {
        challengeId: record.id,
        locale,
        items,
        considered: result.considered,
        eligible: result.eligible,
        filteredOut: filteredOutViewOf(result.filteredOut, locale),
      };
    },
  );
}
