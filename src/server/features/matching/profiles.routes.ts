import { errorReplies } from '../../../contracts/common';
import {
  ownProfileView,
  sharedProfileView,
  workerParams,
  workerProfileInput,
  type OwnProfileView,
  type SharedProfileView,
} from '../../../contracts/matching';
import {
  ageBandOf,
  decideProfileAudience,
  validateWorkerProfile,
  visibleProfileSections,
} from '../../../domain/engagement/worker-profile-rules';
import { hasRoleIn, isCoordinator } from '../../../domain/shared/organizations';
import type { AppInstance } from '../../app-types';
import { notFound } from '../../errors';
import { requireActor, type Actor } from '../../plugins/auth';
import { invalidInput, requireWorker, todayOf } from './matching-access';
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
    const municipalities = await lookUpMunicipalities(app.db, [
      ...(p.homeMunicipalityCode ? [p.homeMunicipalityCode] : []),
      ...p.affinities.flatMap((a) => (a.municipalityCode ? [a.municipalityCode] : [])),
    ]);
    const prefectures = await lookUpPrefectures(
      app.db,
      p.affinities.map((a) => a.prefectureCode),
    );
    return {
      userId,
      name,
      ageBand: ageBandOf(p.birthYear, today()),
      interests: p.interests,
      availableHoursPerMonth: p.availableHoursPerMonth,
      availableFrom: p.availableFrom,
      preferredStyles: p.preferredStyles,
      languages: p.languages,
      birthYear: p.birthYear,
      gender: p.gender,
      homeMunicipalityCode: p.homeMunicipalityCode,
      homeMunicipalityName: p.homeMunicipalityCode
        ? (municipalities.get(p.homeMunicipalityCode)?.name ?? null)
        : null,
      skills: p.skills,
      affinities: p.affinities.map((a) => ({
        kind: a.kind,
        prefectureCode: a.prefectureCode,
        prefectureName: prefectures.get(a.prefectureCode) ?? null,
        municipalityCode: a.municipalityCode,
        municipalityName: a.municipalityCode
          ? (municipalities.get(a.municipalityCode)?.name ?? null)
          : null,
      })),
      lifeStages: p.lifeStages,
      careerGoals: p.careerGoals,
      sharing: p.sharing,
      updatedAt: p.updatedAt,
    };
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
      const sections = new Set(visibleProfileSections(audience, profile.sharing));
      const view: SharedProfileView = {
        audience,
        userId: full.userId,
        name: full.name,
        ageBand: full.ageBand,
        interests: full.interests,
        availableHoursPerMonth: full.availableHoursPerMonth,
        availableFrom: full.availableFrom,
        preferredStyles: full.preferredStyles,
        languages: full.languages,
      };
      // Section by section, so nothing the viewer may not see is ever put in the reply.
      if (sections.has('skills')) view.skills = full.skills;
      if (sections.has('affinities')) {
        view.homeMunicipalityCode = full.homeMunicipalityCode;
        view.homeMunicipalityName = full.homeMunicipalityName;
        view.affinities = full.affinities;
      }
      if (sections.has('career')) view.careerGoals = full.careerGoals;
      if (sections.has('lifeStage')) view.lifeStages = full.lifeStages;
      if (sections.has('gender')) view.gender = full.gender;
      return view;
    },
  );
}
