import { errorReplies } from '../../../contracts/common';
import {
  ownProfileView,
  sharedProfileView,
  workerParams,
  workerProfileInput,
  type OwnProfileView,
} from '../../../contracts/matching';
import {
  decideProfileAudience,
  validateWorkerProfile,
} from '../../../domain/engagement/worker-profile-rules';
import { hasRoleIn, isCoordinator } from '../../../domain/shared/organizations';
import type { AppInstance } from '../../app-types';
import { notFound } from '../../errors';
import { requireActor, type Actor } from '../../plugins/auth';
import { invalidInput, requireWorker, todayOf } from './matching-access';
import { lookUpPlaceNames, ownProfileViewOf, sharedProfileViewOf } from './profile-views';
import {
  findProfile,
  findWorker,
  hasTurnedToHosts,
  lookUpMunicipalities,
  lookUpPrefectures,
  saveProfile,
  type ProfileRecord,
} from './profiles.repository';

export async function profilesRoutes(app: AppInstance): Promise<void> {
  const today = () => todayOf(app.clock.now());

  /** The profile with the names of the places it mentions, everything in it. */
  async function ownView(userId: string, name: string, p: ProfileRecord): Promise<OwnProfileView> {
    return ownProfileViewOf(userId, name, p, await lookUpPlaceNames(app.db, [p]), today());
  }

  async function myView(actor: Actor) {
    return ownView(actor.userId, actor.name, await findProfile(app.db, actor.userId));
  }

  app.get(
    '/me/profile',
    {
      schema: {
        tags: ['matching'],
        summary: 'Your worker profile and what you share with hosts',
        response: { 200: ownProfileView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      requireWorker(actor, 'keep a profile');
      return myView(actor);
    },
  );

  app.put(
    '/me/profile',
    {
      schema: {
        tags: ['matching'],
        summary: 'Save your whole profile; hosts see only what `sharing` allows',
        body: workerProfileInput,
        response: { 200: ownProfileView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      requireWorker(actor, 'keep a profile');
      const body = request.body;
      const municipalities = await lookUpMunicipalities(app.db, [
        ...(body.homeMunicipalityCode ? [body.homeMunicipalityCode] : []),
        ...body.affinities.flatMap((a) => (a.municipalityCode ? [a.municipalityCode] : [])),
      ]);
      const prefectures = await lookUpPrefectures(
        app.db,
        body.affinities.map((a) => a.prefectureCode),
      );
      const problems = validateWorkerProfile(
        body,
        {
          municipalityPrefecture: new Map(
            [...municipalities].map(([code, m]) => [code, m.prefectureCode]),
          ),
          knownPrefectures: new Set(prefectures.keys()),
        },
        today(),
      );
      if (problems.length > 0) throw invalidInput('body', problems);
      await saveProfile(app.db, actor.userId, body, new Date(app.clock.now()));
      return myView(actor);
    },
  );

  app.get(
    '/workers/:userId/profile',
    {
      schema: {
        tags: ['matching'],
        summary:
          "A worker's profile as you may see it: HR of their company a fixed part, hosts only what the worker shares",
        params: workerParams,
        response: { 200: sharedProfileView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const { userId } = request.params;
      const worker = await findWorker(app.db, userId);
      if (!worker || worker.companyIds.length === 0) throw notFound('Profile');
      const profile = await findProfile(app.db, userId);
      const officerOf = actor.memberships
        .filter((m) => m.role === 'municipal_officer')
        .map((m) => m.organizationId);
      const audience = decideProfileAudience(
        {
          isSelf: actor.userId === userId,
          administersWorkersCompany: worker.companyIds.some((id) =>
            hasRoleIn(actor.memberships, id, 'company_admin'),
          ),
          isCoordinator: isCoordinator(actor.memberships),
          isOfficer: officerOf.length > 0,
          hostOfWorkersApplication: await hasTurnedToHosts(app.db, userId, officerOf),
        },
        profile.sharing,
      );
      // Not shared with this viewer: the profile does not exist for them.
      if (audience === null) throw notFound('Profile');
      const full = await ownView(userId, worker.name, profile);
      return sharedProfileViewOf(full, audience, profile.sharing);
    },
  );
}
