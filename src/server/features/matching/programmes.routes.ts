import { z } from 'zod';
import { errorReplies, idParams } from '../../../contracts/common';
import {
  programmeInput,
  programmeListQuery,
  programmeListResponse,
  programmeMemberListResponse,
  programmeParams,
  programmeView,
} from '../../../contracts/matching';
import {
  committedHoursPerMonth,
  decideProgrammeEligibility,
  validateProgrammeInput,
  type EligibilityDecision,
} from '../../../domain/engagement/programme-rules';
import { hasRoleIn } from '../../../domain/shared/organizations';
import type { AppInstance } from '../../app-types';
import { AppError, forbidden, notFound } from '../../errors';
import { requireActor, type Actor } from '../../plugins/auth';
import { invalidInput, readableOrganizationBasics, todayOf } from './matching-access';
import {
  currentMembershipsOf,
  endProgrammeMembership,
  findBirthYear,
  findCurrentMembership,
  findEmployedSince,
  findProgramme,
  insertProgramme,
  insertProgrammeMember,
  listCommittedEngagements,
  listProgrammeMembers,
  listProgrammes,
  retireProgramme,
  updateProgramme,
  type ProgrammeFields,
  type ProgrammeRecord,
} from './programmes.repository';

export async function programmesRoutes(app: AppInstance): Promise<void> {
  const now = () => new Date(app.clock.now());

  /** A company the actor may read; programmes exist only for companies. */
  async function readableCompany(actor: Actor, id: string) {
    const org = await readableOrganizationBasics(app.db, actor, id);
    if (org.kind !== 'company') throw notFound('Programmes of this organisation');
    return org;
  }

  function requireCompanyAdmin(actor: Actor, organizationId: string) {
    if (!hasRoleIn(actor.memberships, organizationId, 'company_admin')) {
      throw forbidden("Only the company's administrators manage its programmes");
    }
  }

  /** The programme, when it is this company's; otherwise it does not exist here. */
  async function programmeOf(organizationId: string, programmeId: string) {
    const programme = await findProgramme(app.db, programmeId);
    if (!programme || programme.organizationId !== organizationId) throw notFound('Programme');
    return programme;
  }

  async function eligibilityOf(
    actor: Actor,
    programme: ProgrammeRecord,
  ): Promise<EligibilityDecision> {
    return decideProgrammeEligibility(
      programme.eligibility,
      {
        birthYear: await findBirthYear(app.db, actor.userId),
        employedSince: await findEmployedSince(app.db, actor.userId, programme.organizationId),
      },
      todayOf(app.clock.now()),
    );
  }

  /** The programmes with the caller's own standing when they are a worker of the company. */
  async function withStanding(actor: Actor, programmes: ProgrammeRecord[]) {
    const organizationId = programmes[0]?.organizationId;
    if (!organizationId || !hasRoleIn(actor.memberships, organizationId, 'worker')) {
      return programmes.map((p) => ({ ...p, me: null }));
    }
    const joined = await currentMembershipsOf(
      app.db,
      actor.userId,
      programmes.map((p) => p.id),
    );
    return Promise.all(
      programmes.map(async (p) => {
        const eligibility = await eligibilityOf(actor, p);
        return {
          ...p,
          me: {
            joined: joined.has(p.id),
            joinedAt: joined.get(p.id) ?? null,
            eligible: eligibility.eligible,
            reasons: eligibility.eligible ? [] : eligibility.reasons,
          },
        };
      }),
    );
  }

  async function viewOf(actor: Actor, programmeId: string) {
    const programme = await findProgramme(app.db, programmeId);
    if (!programme) throw notFound('Programme');
    const [view] = await withStanding(actor, [programme]);
    if (!view) throw notFound('Programme');
    return view;
  }

  function checkedFields(body: z.output<typeof programmeInput>): ProgrammeFields {
    const problems = validateProgrammeInput({
      kind: body.kind,
      maxSharePercent: body.maxSharePercent,
      eligibility: body.eligibility,
      workationMaxDaysPerMonth: body.workation.maxDaysPerMonth,
    });
    if (problems.length > 0) throw invalidInput('body', problems);
    return body;
  }

  app.get(
    '/organizations/:id/programmes',
    {
      schema: {
        tags: ['programmes'],
        summary:
          "The company's programmes (double work, second career, workation) and your standing",
        params: idParams,
        querystring: programmeListQuery,
        response: { 200: programmeListResponse, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const org = await readableCompany(actor, request.params.id);
      const programmes = await listProgrammes(app.db, org.id, {
        includeRetired: request.query.includeRetired === 'true',
      });
      return { items: await withStanding(actor, programmes) };
    },
  );

  app.post(
    '/organizations/:id/programmes',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Define a programme (company administrators)',
        params: idParams,
        body: programmeInput,
        response: { 201: programmeView, ...errorReplies },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const org = await readableCompany(actor, request.params.id);
      requireCompanyAdmin(actor, org.id);
      const id = await insertProgramme(app.db, org.id, checkedFields(request.body), now());
      return reply.status(201).send(await viewOf(actor, id));
    },
  );

  app.get(
    '/organizations/:id/programmes/:programmeId',
    {
      schema: {
        tags: ['programmes'],
        params: programmeParams,
        response: { 200: programmeView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const org = await readableCompany(actor, request.params.id);
      const programme = await programmeOf(org.id, request.params.programmeId);
      return viewOf(actor, programme.id);
    },
  );

  app.put(
    '/organizations/:id/programmes/:programmeId',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Change a programme (company administrators); members stay',
        params: programmeParams,
        body: programmeInput,
        response: { 200: programmeView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const org = await readableCompany(actor, request.params.id);
      requireCompanyAdmin(actor, org.id);
      const programme = await programmeOf(org.id, request.params.programmeId);
      if (programme.retiredAt !== null) {
        throw new AppError('conflict', 'The programme is retired; define a new one instead');
      }
      if (programme.kind !== request.body.kind) {
        throw invalidInput('body', [
          { field: 'kind', message: `a programme keeps its kind (${programme.kind})` },
        ]);
      }
      await updateProgramme(app.db, programme.id, checkedFields(request.body), now());
      return viewOf(actor, programme.id);
    },
  );

  app.delete(
    '/organizations/:id/programmes/:programmeId',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Retire a programme (company administrators): no new members; records are kept',
        params: programmeParams,
        response: { 204: z.null(), ...errorReplies },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const org = await readableCompany(actor, request.params.id);
      requireCompanyAdmin(actor, org.id);
      const programme = await programmeOf(org.id, request.params.programmeId);
      await app.db.transaction().execute((trx) => retireProgramme(trx, programme.id, now()));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/organizations/:id/programmes/:programmeId/members',
    {
      schema: {
        tags: ['programmes'],
        summary: "A programme's members and the hours a month they have committed",
        params: programmeParams,
        response: { 200: programmeMemberListResponse, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const org = await readableCompany(actor, request.params.id);
      requireCompanyAdmin(actor, org.id);
      const programme = await programmeOf(org.id, request.params.programmeId);
      const members = await listProgrammeMembers(app.db, programme.id);
      const engagements = await listCommittedEngagements(app.db, programme.id);
      const today = todayOf(app.clock.now());
      return {
        items: members.map((m) => ({
          ...m,
          committedHoursPerMonth: committedHoursPerMonth(
            engagements.filter((e) => e.workerUserId === m.userId),
            today,
          ),
        })),
      };
    },
  );

  app.post(
    '/organizations/:id/programmes/:programmeId/join',
    {
      schema: {
        tags: ['programmes'],
        summary: "Join one of your company's programmes (its eligibility rules apply)",
        params: programmeParams,
        response: { 200: programmeView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const org = await readableCompany(actor, request.params.id);
      if (!hasRoleIn(actor.memberships, org.id, 'worker')) {
        throw forbidden("Only the company's workers join its programmes");
      }
      const programme = await programmeOf(org.id, request.params.programmeId);
      if (programme.retiredAt !== null) {
        throw new AppError('conflict', 'The programme is retired');
      }
      const eligibility = await eligibilityOf(actor, programme);
      if (!eligibility.eligible) {
        throw new AppError(
          'conflict',
          `Not eligible for ${programme.name}: ${eligibility.reasons.join('; ')}`,
        );
      }
      await app.db.transaction().execute(async (trx) => {
        if (await findCurrentMembership(trx, programme.id, actor.userId)) {
          throw new AppError('conflict', 'You are already in this programme');
        }
        await insertProgrammeMember(trx, programme.id, actor.userId, now());
      });
      return viewOf(actor, programme.id);
    },
  );

  app.post(
    '/organizations/:id/programmes/:programmeId/leave',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Leave a programme (engagements already agreed stay on record)',
        params: programmeParams,
        response: { 200: programmeView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const org = await readableCompany(actor, request.params.id);
      if (!hasRoleIn(actor.memberships, org.id, 'worker')) {
        throw forbidden("Only the company's workers take part in its programmes");
      }
      const programme = await programmeOf(org.id, request.params.programmeId);
      const membership = await findCurrentMembership(app.db, programme.id, actor.userId);
      if (!membership) throw new AppError('conflict', 'You are not in this programme');
      await endProgrammeMembership(app.db, membership.id, now());
      return viewOf(actor, programme.id);
    },
  );
}
