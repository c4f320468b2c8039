import type { z } from 'zod';
import { errorReplies, idParams } from '../../../contracts/common';
import {
  challengeDetailView,
  challengeInput,
  challengeListResponse,
  challengeSearchQuery,
} from '../../../contracts/matching';
import {
  decideChallengeTransition,
  isChallengeEditable,
  type ChallengeAction,
} from '../../../domain/engagement/challenge-lifecycle';
import {
  challengeSearchTerms,
  challengeSearchText,
  resolveChallengePlace,
  validateChallengeTerms,
  type FieldProblem,
} from '../../../domain/engagement/challenge-rules';
import {
  challengeRoleOf,
  hasRoleIn,
  isCoordinator,
  requiresLocalGovCode,
} from '../../../domain/shared/organizations';
import type { AppInstance } from '../../app-types';
import { AppError, forbidden, notFound } from '../../errors';
import { requireActor, type Actor } from '../../plugins/auth';
import { findLatestApplication } from './applications.repository';
import {
  findHostOrganization,
  findMunicipality,
  insertChallenge,
  insertChallengeEvent,
  listChallengeEvents,
  lockChallenge,
  prefectureExists,
  searchChallenges,
  setChallengeState,
  updateChallengeFields,
  type ChallengeFields,
  type ChallengeRecord,
  type HostOrganization,
} from './challenges.repository';
import { invalidInput, readableChallenge, readableOrganizationBasics } from './matching-access';

type ChallengeBody = z.output<typeof challengeInput>;

const eventOf: Readonly<Record<ChallengeAction, 'opened' | 'closed' | 'archived'>> = {
  open: 'opened',
  close: 'closed',
  archive: 'archived',
};

export async function challengesRoutes(app: AppInstance): Promise<void> {
  const now = () => new Date(app.clock.now());

  /** The body's fields, checked by the domain's rules and placed in the host's area (or 400). */
  async function checkedFields(host: HostOrganization, body: ChallengeBody) {
    const problems: FieldProblem[] = validateChallengeTerms(body);
    if (!host.lgCode || !host.prefectureCode || !requiresLocalGovCode(host.kind)) {
      throw forbidden('Only a municipality or a prefecture posts challenges');
    }
    const found = body.municipalityCode
      ? await findMunicipality(app.db, body.municipalityCode)
      : undefined;
    const place = resolveChallengePlace(
      {
        kind: host.kind === 'prefecture' ? 'prefecture' : 'municipality',
        lgCode: host.lgCode,
        prefectureCode: host.prefectureCode,
      },
      body.municipalityCode,
      found ?? null,
    );
    if (!place.ok) problems.push({ field: 'municipalityCode', message: place.message });
    if (problems.length > 0 || !place.ok) throw invalidInput('body', problems);
    const fields: ChallengeFields = {
      municipalityCode: place.municipalityCode,
      prefectureCode: place.prefectureCode,
      title: body.title,
      titleEn: body.titleEn,
      description: body.description,
      descriptionEn: body.descriptionEn,
      searchText: challengeSearchText([
        body.title,
        body.titleEn,
        body.description,
        body.descriptionEn,
        ...host.searchNames,
        found && found.code !== host.lgCode ? found.name : null,
      ]),
      themes: body.themes,
      requiredSkills: body.requiredSkills,
      welcomeSkills: body.welcomeSkills,
      style: body.style,
      onsiteDaysPerMonth: body.onsiteDaysPerMonth,
      hoursPerMonth: body.hoursPerMonth,
      startDate: body.startDate,
      periodMonths: body.periodMonths,
      places: body.places,
      maxOpenApplications: body.maxOpenApplications,
      responseDays: body.responseDays,
      terms: body.terms,
      feeYenPerMonth: body.feeYenPerMonth,
      travelSupport: body.travelSupport,
    };
    return fields;
  }

  /** The challenge as the actor sees it: its history only for its host and coordinators. */
  async function detailOf(actor: Actor, challenge: ChallengeRecord) {
    const role = challengeRoleOf(actor.memberships, challenge.organizationId);
    const mine = await findLatestApplication(app.db, challenge.id, actor.userId);
    return {
      ...challenge,
      events: role === null ? [] : await listChallengeEvents(app.db, challenge.id),
      myApplication: mine ?? null,
    };
  }

  async function reloaded(actor: Actor, id: string) {
    return detailOf(actor, await readableChallenge(app.db, actor, id));
  }

  app.get(
    '/challenges',
    {
      schema: {
        tags: ['matching'],
        summary:
          'Search regional challenges (Japanese or English); workers and companies see open ones',
        querystring: challengeSearchQuery,
        response: { 200: challengeListResponse, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const q = request.query;
      const problems: FieldProblem[] = [];
      if (q.prefecture && !(await prefectureExists(app.db, q.prefecture))) {
        problems.push({ field: 'prefecture', message: `no prefecture has code ${q.prefecture}` });
      }
      if (q.municipality && !(await findMunicipality(app.db, q.municipality))) {
        problems.push({
          field: 'municipality',
          message: `no municipality has code ${q.municipality}`,
        });
      }
      if (problems.length > 0) throw invalidInput('querystring', problems);
      const officerOf = actor.memberships
        .filter((m) => m.role === 'municipal_officer')
        .map((m) => m.organizationId);
      const { items, total } = await searchChallenges(app.db, {
        terms: q.q ? challengeSearchTerms(q.q) : [],
        prefectureCode: q.prefecture,
        municipalityCode: q.municipality,
        organizationId: q.organizationId,
        theme: q.theme,
        skill: q.skill,
        style: q.style,
        minHours: q.minHours,
        maxHours: q.maxHours,
        challengeTerms: q.terms,
        state: q.state,
        visibleHostIds: isCoordinator(actor.memberships) ? null : officerOf,
        limit: q.limit,
        offset: q.offset,
      });
      return { items, total, limit: q.limit, offset: q.offset };
    },
  );

  app.post(
    '/organizations/:id/challenges',
    {
      schema: {
        tags: ['matching'],
        summary: "Post a challenge for the organisation's town or prefecture (a draft)",
        params: idParams,
        body: challengeInput,
        response: { 201: challengeDetailView, ...errorReplies },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const org = await readableOrganizationBasics(app.db, actor, request.params.id);
      if (!hasRoleIn(actor.memberships, org.id, 'municipal_officer')) {
        throw forbidden("Only the organisation's officers post its challenges");
      }
      const host = await findHostOrganization(app.db, org.id);
      if (!host) throw notFound('Organisation');
      const fields = await checkedFields(host, request.body);
      const id = await app.db.transaction().execute(async (trx) =>
        insertChallenge(trx, {
          organizationId: org.id,
          fields,
          actorUserId: actor.userId,
          at: now(),
        }),
      );
      return reply.status(201).send(await reloaded(actor, id));
    },
  );

  app.get(
    '/challenges/:id',
    {
      schema: {
        tags: ['matching'],
        summary: 'A challenge, with its history for the host and coordinators',
        params: idParams,
        response: { 200: challengeDetailView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      return reloaded(actor, request.params.id);
    },
  );

  app.put(
    '/challenges/:id',
    {
      schema: {
        tags: ['matching'],
        summary: 'Rewrite a draft or open challenge (its host)',
        params: idParams,
        body: challengeInput,
        response: { 200: challengeDetailView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const challenge = await readableChallenge(app.db, actor, request.params.id);
      if (challengeRoleOf(actor.memberships, challenge.organizationId) !== 'host') {
        throw forbidden("Only the host's officers edit a challenge");
      }
      const host = await findHostOrganization(app.db, challenge.organizationId);
      if (!host) throw notFound('Challenge');
      const fields = await checkedFields(host, request.body);
      await app.db.transaction().execute(async (trx) => {
        const at = now();
        const locked = await lockChallenge(trx, challenge.id);
        if (!locked) throw notFound('Challenge');
        if (!isChallengeEditable(locked.state)) {
          throw new AppError(
            'conflict',
            `The challenge is ${locked.state}; only a draft or an open challenge can be edited`,
          );
        }
        await updateChallengeFields(trx, locked.id, fields, at);
        await insertChallengeEvent(trx, {
          challengeId: locked.id,
          event: 'updated',
          fromState: locked.state,
          toState: locked.state,
          actorUserId: actor.userId,
          at,
        });
      });
      return reloaded(actor, challenge.id);
    },
  );

  const transitionRoute = (action: ChallengeAction, summary: string) =>
    app.post(
      `/challenges/:id/${action}`,
      {
        schema: {
          tags: ['matching'],
          summary,
          params: idParams,
          response: { 200: challengeDetailView, ...errorReplies },
        },
      },
      async (request) => {
        const actor = await requireActor(request);
        const challenge = await readableChallenge(app.db, actor, request.params.id);
        const role = challengeRoleOf(actor.memberships, challenge.organizationId);
        if (role === null) throw forbidden(`Only the host's officers can ${action} a challenge`);
        await app.db.transaction().execute(async (trx) => {
          const at = now();
          const locked = await lockChallenge(trx, challenge.id);
          if (!locked) throw notFound('Challenge');
          const decision = decideChallengeTransition(locked.state, action, role);
          if (!decision.ok) {
            if (decision.problem === 'not_permitted') throw forbidden(decision.reason);
            throw new AppError('conflict', `Cannot ${action}: ${decision.reason}`);
          }
          await setChallengeState(trx, locked.id, decision.state, at);
          await insertChallengeEvent(trx, {
            challengeId: locked.id,
            event: eventOf[action],
            fromState: locked.state,
            toState: decision.state,
            actorUserId: actor.userId,
            at,
          });
        });
        return reloaded(actor, challenge.id);
      },
    );

  transitionRoute('open', 'Open a draft (or reopen a closed) challenge to applications (its host)');
  transitionRoute('close', 'Close an open challenge (its host, or a coordinator)');
  transitionRoute('archive', 'Archive a draft or closed challenge (its host)');
}
