import type { Transaction } from 'kysely';
import { errorReplies, idParams } from '../../../contracts/common';
import {
  applicationListQuery,
  applicationListResponse,
  applicationParams,
  applicationView,
  applyRequest,
  declineRequest,
  myApplicationParams,
  overdueApplicationListResponse,
  reviewCommentRequest,
} from '../../../contracts/matching';
import type { Database } from '../../../db/database';
import {
  insertNotifications,
  raiseOverdueApplicationAlerts,
  userIdsWithRole,
  type NewNotification,
  type NotificationPayloadRecord,
} from '../../../db/notifications.repository';
import {
  daysOverdue,
  decideApplication,
  decideApplicationReview,
  decideInterest,
  declinedByOf,
  hostDueAtMs,
  isApplicationVisibleToHost,
  type ApplicationDecision,
  type ApplicationReview,
} from '../../../domain/engagement/application-workflow';
import {
  programmeForMatching,
  selectGoverningProgramme,
} from '../../../domain/engagement/programme-rules';
import type { ProgrammeForMatching } from '../../../domain/matching/matching-model';
import type { NotificationKind } from '../../../domain/shared/notifications';
import {
  canReadOrganizationApplications,
  challengeRoleOf,
  hasRoleIn,
  isCoordinator,
} from '../../../domain/shared/organizations';
import type { AppInstance } from '../../app-types';
import { AppError, forbidden, notFound } from '../../errors';
import { requireActor, type Actor } from '../../plugins/auth';
import {
  insertApplication,
  insertApplicationEvents,
  listOverdueApplications,
  loadApplications,
  lockApplication,
  lockLiveApplication,
  updateApplication,
  type ApplicationChange,
  type ApplicationState,
} from './applications.repository';
import { lockChallenge, type ChallengeRecord } from './challenges.repository';
import {
  readableChallenge,
  readableOrganizationBasics,
  requireWorker,
  todayOf,
} from './matching-access';
import {
  findBirthYear,
  findEmployedSince,
  listCommittedEngagements,
  listCurrentProgrammesOfWorker,
} from './programmes.repository';

type Trx = Transaction<Database>;

/** Every refusal of the workflow is a conflict with the application's or challenge's state. */
function refused(decision: Extract<ApplicationDecision, { ok: false }>): AppError {
  return new AppError('conflict', `Not possible: ${decision.reason}`);
}

export async function applicationsRoutes(app: AppInstance): Promise<void> {
  const now = () => new Date(app.clock.now());

  /** One application as `audience` sees it (hosts never see the employer's stage). */
  async function viewOf(id: string, forHost: boolean) {
    const [view] = await loadApplications(
      app.db,
      { ids: [id] },
      { nowMs: app.clock.now(), forHost },
    );
    if (!view) throw notFound('Application');
    return view;
  }

  /**
   * The worker's programme as it bears on an application: the governing one of the programmes
   * they are in at the company, with eligibility today and the hours already committed.
   */
  async function programmeFor(
    trx: Trx,
    actor: Actor,
    companyIds: readonly string[],
  ): Promise<(ProgrammeForMatching & { organizationId: string }) | null> {
    const joined = (await listCurrentProgrammesOfWorker(trx, actor.userId)).filter((p) =>
      companyIds.includes(p.organizationId),
    );
    const governing = selectGoverningProgramme(joined);
    if (!governing || governing.maxSharePercent === null) return null;
    const employedSince = await findEmployedSince(trx, actor.userId, governing.organizationId);
    const engagements = (await listCommittedEngagements(trx, governing.id))
      .filter((e) => e.workerUserId === actor.userId)
      .map((e) => ({ ...e, programmeId: governing.id }));
    return programmeForMatching(
      [governing],
      {
        birthYear: await findBirthYear(trx, actor.userId),
        employedSinceByOrganization: new Map(
          employedSince === null ? [] : [[governing.organizationId, employedSince]],
        ),
      },
      engagements,
      todayOf(app.clock.now()),
    );
  }

  /** Notifications about one application to some people, all sharing its payload. */
  async function notify(
    trx: Trx,
    kind: NotificationKind,
    userIds: readonly string[],
    payload: NotificationPayloadRecord,
    at: Date,
  ) {
    const items: NewNotification[] = userIds.map((userId) => ({ userId, kind, payload }));
    await insertNotifications(trx, items, at);
  }

  function payloadOf(
    challenge: ChallengeRecord,
    applicationId: string,
    extra: Partial<NotificationPayloadRecord> = {},
  ): NotificationPayloadRecord {
    return {
      applicationId,
      challengeId: challenge.id,
      challengeTitle: challenge.title,
      hostName: challenge.hostName,
      ...extra,
    };
  }

  app.post(
    '/challenges/:id/interest',
    {
      schema: {
        tags: ['applications'],
        summary: 'Mark an open challenge as interesting (気になる); the host sees it',
        params: idParams,
        response: { 200: applicationView, 201: applicationView, ...errorReplies },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      requireWorker(actor, 'apply to challenges');
      const challenge = await readableChallenge(app.db, actor, request.params.id);
      const { id, created } = await app.db.transaction().execute(async (trx) => {
        const at = now();
        const locked = await lockChallenge(trx, challenge.id);
        if (!locked) throw notFound('Challenge');
        const current = await lockLiveApplication(trx, locked.id, actor.userId);
        const decision = decideInterest(current?.status ?? null, locked.state);
        if (!decision.ok) throw refused(decision);
        if (current) return { id: current.id, created: false };
        const newId = await insertApplication(trx, {
          challengeId: locked.id,
          workerUserId: actor.userId,
          status: decision.status,
          message: null,
          programmeId: null,
          employerOrganizationId: null,
          reachedHostAt: null,
          hostDueAt: null,
          at,
        });
        await insertApplicationEvents(trx, newId, decision.steps, {
          actorUserId: actor.userId,
          comment: null,
          at,
        });
        return { id: newId, created: true };
      });
      return reply.status(created ? 201 : 200).send(await viewOf(id, false));
    },
  );

  app.post(
    '/challenges/:id/applications',
    {
      schema: {
        tags: ['applications'],
        summary:
          'Apply to an open challenge with a message; through your employer first if your programme requires approval',
        params: idParams,
        body: applyRequest,
        response: { 201: applicationView, ...errorReplies },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const companyIds = requireWorker(actor, 'apply to challenges');
      const challenge = await readableChallenge(app.db, actor, request.params.id);
      const id = await app.db.transaction().execute(async (trx) => {
        const at = now();
        const locked = await lockChallenge(trx, challenge.id);
        if (!locked) throw notFound('Challenge');
        const current = await lockLiveApplication(trx, locked.id, actor.userId);
        const programme = await programmeFor(trx, actor, companyIds);
        const decision = decideApplication(current?.status ?? null, locked, programme);
        if (!decision.ok) throw refused(decision);
        const toHost = decision.status === 'host_review';
        const fields = {
          status: decision.status,
          message: request.body.message,
          programmeId: programme?.id ?? null,
          employerOrganizationId: programme?.organizationId ?? null,
          reachedHostAt: toHost ? at : null,
          hostDueAt: toHost ? new Date(hostDueAtMs(at.getTime(), locked.responseDays)) : null,
        };
        let applicationId: string;
        if (current) {
          applicationId = current.id;
          const change: ApplicationChange = {
            status: fields.status,
            message: fields.message,
            programmeId: fields.programmeId,
            employerOrganizationId: fields.employerOrganizationId,
            ...(fields.reachedHostAt && fields.hostDueAt
              ? { reachedHostAt: fields.reachedHostAt, hostDueAt: fields.hostDueAt }
              : {}),
          };
          await updateApplication(trx, current.id, change, at);
        } else {
          applicationId = await insertApplication(trx, {
            challengeId: locked.id,
            workerUserId: actor.userId,
            ...fields,
            at,
          });
        }
        await insertApplicationEvents(trx, applicationId, decision.steps, {
          actorUserId: actor.userId,
          comment: null,
          at,
        });
        const payload = payloadOf(locked, applicationId, { workerName: actor.name });
        if (toHost) {
          const officers = await userIdsWithRole(trx, 'municipal_officer', locked.organizationId);
          await notify(trx, 'application_received', officers, payload, at);
        } else if (programme) {
          const admins = await userIdsWithRole(trx, 'company_admin', programme.organizationId);
          await notify(trx, 'approval_requested', admins, payload, at);
        }
        return applicationId;
      });
      return reply.status(201).send(await viewOf(id, false));
    },
  );

  /** Runs one review step on a locked application and records it, with its notifications. */
  async function review(
    trx: Trx,
    opts: {
      actor: Actor;
      application: ApplicationState;
      challenge: ChallengeRecord;
      action: ApplicationReview;
      comment: string | null;
    },
  ) {
    const { actor, application, challenge, action, comment } = opts;
    const at = now();
    const decision = decideApplicationReview(application.status, action, challenge);
    if (!decision.ok) throw refused(decision);
    const change: ApplicationChange = { status: decision.status };
    if (decision.status === 'host_review') {
      change.reachedHostAt = at;
      change.hostDueAt = new Date(hostDueAtMs(at.getTime(), challenge.responseDays));
    }
    if (decision.status === 'declined') {
      const by = declinedByOf(application.status);
      if (by) change.declinedBy = by;
      change.declineReason = comment ?? '';
    }
    await updateApplication(trx, application.id, change, at);
    await insertApplicationEvents(trx, application.id, decision.steps, {
      actorUserId: actor.userId,
      comment,
      at,
    });
    const payload = payloadOf(challenge, application.id, {
      workerName: application.workerName,
      ...(comment ? { reason: comment } : {}),
    });
    const worker = [application.workerUserId];
    const officers = () => userIdsWithRole(trx, 'municipal_officer', challenge.organizationId);
    const employerAdmins = () =>
      application.employerOrganizationId
        ? userIdsWithRole(trx, 'company_admin', application.employerOrganizationId)
        : Promise.resolve([]);
    switch (action) {
      case 'employer_approve':
        await notify(trx, 'application_approved', worker, payload, at);
        await notify(trx, 'application_received', await officers(), payload, at);
        break;
      case 'employer_reject':
        await notify(trx, 'application_rejected', worker, payload, at);
        break;
      case 'host_accept':
        await notify(
          trx,
          'application_matched',
          [...worker, ...(await employerAdmins())],
          payload,
          at,
        );
        break;
      case 'host_decline':
        await notify(trx, 'application_declined', worker, payload, at);
        break;
      case 'withdraw':
        // The host was told of a round's proposal, so is told when the worker says no to it.
        if (application.status === 'host_review' || application.status === 'proposed') {
          await notify(trx, 'application_withdrawn', await officers(), payload, at);
        } else if (application.status === 'employer_pending') {
          await notify(trx, 'application_withdrawn', await employerAdmins(), payload, at);
        }
        break;
    }
  }

  // --- The employer --------------------------------------------------------------------------

  const employerRoute = (action: 'employer_approve' | 'employer_reject') =>
    async function employerReview(
      actor: Actor,
      organizationId: string,
      applicationId: string,
      comment: string | null,
    ) {
      const org = await readableOrganizationBasics(app.db, actor, organizationId);
      if (!hasRoleIn(actor.memberships, org.id, 'company_admin')) {
        throw forbidden("Only the company's administrators approve its employees' applications");
      }
      await app.db.transaction().execute(async (trx) => {
        const found = await lockApplication(trx, applicationId);
        // Another company's application does not exist for this one.
        if (!found || found.employerOrganizationId !== org.id) throw notFound('Application');
        const challenge = await lockChallenge(trx, found.challengeId);
        if (!challenge) throw notFound('Application');
        await review(trx, { actor, application: found, challenge, action, comment });
      });
      return viewOf(applicationId, false);
    };
  const approve = employerRoute('employer_approve');
  const reject = employerRoute('employer_reject');

  app.post(
    '/organizations/:id/applications/:applicationId/approve',
    {
      schema: {
        tags: ['applications'],
        summary: "Approve an employee's application under the programme; it goes to the host",
        params: applicationParams,
        body: reviewCommentRequest,
        response: { 200: applicationView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const { id, applicationId } = request.params;
      return approve(actor, id, applicationId, request.body.comment || null);
    },
  );

  app.post(
    '/organizations/:id/applications/:applicationId/reject',
    {
      schema: {
        tags: ['applications'],
        summary: "Do not approve an employee's application (with the reason)",
        params: applicationParams,
        body: declineRequest,
        response: { 200: applicationView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const { id, applicationId } = request.params;
      return reject(actor, id, applicationId, request.body.reason);
    },
  );

  // --- The host ------------------------------------------------------------------------------

  const hostRoute = (action: 'host_accept' | 'host_decline') =>
    async function hostReview(
      actor: Actor,
      challengeId: string,
      applicationId: string,
      comment: string | null,
    ) {
      const challenge = await readableChallenge(app.db, actor, challengeId);
      if (challengeRoleOf(actor.memberships, challenge.organizationId) !== 'host') {
        throw forbidden("Only the host's officers answer applications");
      }
      await app.db.transaction().execute(async (trx) => {
        const locked = await lockChallenge(trx, challenge.id);
        const found = await lockApplication(trx, applicationId);
        if (!locked || !found || found.challengeId !== locked.id) throw notFound('Application');
        // What is still between the worker and the employer does not exist for the host.
        if (!isApplicationVisibleToHost(found.status, found.reachedHost)) {
          throw notFound('Application');
        }
        await review(trx, { actor, application: found, challenge: locked, action, comment });
      });
      return viewOf(applicationId, true);
    };
  const accept = hostRoute('host_accept');
  const decline = hostRoute('host_decline');

  app.post(
    '/challenges/:id/applications/:applicationId/accept',
    {
      schema: {
        tags: ['applications'],
        summary: 'Accept an application (the host): matched, if a place is free',
        params: applicationParams,
        body: reviewCommentRequest,
        response: { 200: applicationView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const { id, applicationId } = request.params;
      return accept(actor, id, applicationId, request.body.comment || null);
    },
  );

  app.post(
    '/challenges/:id/applications/:applicationId/decline',
    {
      schema: {
        tags: ['applications'],
        summary: 'Decline an application with a reason (the host)',
        params: applicationParams,
        body: declineRequest,
        response: { 200: applicationView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const { id, applicationId } = request.params;
      return decline(actor, id, applicationId, request.body.reason);
    },
  );

  app.get(
    '/challenges/:id/applications',
    {
      schema: {
        tags: ['applications'],
        summary: 'Interest in and applications to a challenge (its host, coordinators)',
        params: idParams,
        querystring: applicationListQuery,
        response: { 200: applicationListResponse, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const challenge = await readableChallenge(app.db, actor, request.params.id);
      if (challengeRoleOf(actor.memberships, challenge.organizationId) === null) {
        throw forbidden("Only the host's officers see who applied");
      }
      const items = await loadApplications(
        app.db,
        {
          challengeId: challenge.id,
          hostVisibleOnly: true,
          ...(request.query.status ? { status: request.query.status } : {}),
        },
        { nowMs: app.clock.now(), forHost: true },
      );
      return { items };
    },
  );

  // --- Lists ---------------------------------------------------------------------------------

  app.get(
    '/organizations/:id/applications',
    {
      schema: {
        tags: ['applications'],
        summary:
          "A company's employees' applications under its programmes, or a town's applications to its challenges",
        params: idParams,
        querystring: applicationListQuery,
        response: { 200: applicationListResponse, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const org = await readableOrganizationBasics(app.db, actor, request.params.id);
      if (!canReadOrganizationApplications(actor.memberships, org.id, org.kind)) {
        throw forbidden("Only the organisation's administrators or officers see its applications");
      }
      const status = request.query.status ? { status: request.query.status } : {};
      const opts = { nowMs: app.clock.now() };
      if (org.kind === 'company') {
        const items = await loadApplications(
          app.db,
          { employerOrganizationId: org.id, ...status },
          { ...opts, forHost: false },
        );
        return { items };
      }
      if (org.kind === 'municipality' || org.kind === 'prefecture') {
        const items = await loadApplications(
          app.db,
          { hostOrganizationId: org.id, hostVisibleOnly: true, ...status },
          { ...opts, forHost: true },
        );
        return { items };
      }
      return { items: [] };
    },
  );

  app.get(
    '/me/applications',
    {
      schema: {
        tags: ['applications'],
        summary: 'Your interest and applications, with every step',
        querystring: applicationListQuery,
        response: { 200: applicationListResponse, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const items = await loadApplications(
        app.db,
        {
          workerUserId: actor.userId,
          ...(request.query.status ? { status: request.query.status } : {}),
        },
        { nowMs: app.clock.now(), forHost: false },
      );
      return { items };
    },
  );

  app.post(
    '/me/applications/:applicationId/withdraw',
    {
      schema: {
        tags: ['applications'],
        summary: 'Withdraw your interest or application (until it is matched)',
        params: myApplicationParams,
        response: { 200: applicationView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const { applicationId } = request.params;
      await app.db.transaction().execute(async (trx) => {
        const found = await lockApplication(trx, applicationId);
        if (!found || found.workerUserId !== actor.userId) throw notFound('Application');
        const challenge = await lockChallenge(trx, found.challengeId);
        if (!challenge) throw notFound('Application');
        await review(trx, {
          actor,
          application: found,
          challenge,
          action: 'withdraw',
          comment: null,
        });
      });
      return viewOf(applicationId, false);
    },
  );

  // --- Coordinators --------------------------------------------------------------------------

  app.get(
    '/coordinator/overdue-applications',
    {
      schema: {
        tags: ['applications'],
        summary:
          'Applications the host has not answered within its set days (coordinators); alerts once each',
        response: { 200: overdueApplicationListResponse, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      if (!isCoordinator(actor.memberships)) {
        throw forbidden('Only coordinators follow up late answers');
      }
      const at = now();
      await app.db.transaction().execute((trx) => raiseOverdueApplicationAlerts(trx, at));
      const rows = await listOverdueApplications(app.db, at);
      return {
        items: rows.map(({ hostDueAtMs: dueMs, ...r }) => ({
          ...r,
          hostDueAt: new Date(dueMs).toISOString(),
          daysOverdue: daysOverdue(dueMs, at.getTime()),
        })),
      };
    },
  );
}
