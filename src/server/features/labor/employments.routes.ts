import type { z } from 'zod';
import { errorReplies, idParams } from '../../../contracts/common';
import {
  createEmploymentRequest,
  employmentListResponse,
  employmentView,
  primaryEmploymentRequest,
} from '../../../contracts/labor';
import { memberParams } from '../../../contracts/organizations';
import {
  validateEmploymentTerms,
  type EmploymentTerms,
} from '../../../domain/labor/worker-labor-input';
import type { AppInstance } from '../../app-types';
import { AppError, notFound, type ErrorDetail } from '../../errors';
import { requireActor } from '../../plugins/auth';
import {
  findEmployment,
  findOrganizationBasics,
  findPrimaryEmployment,
  insertEmployment,
  isWorkerOf,
  listEmploymentsOfWorker,
  listPrimaryEmploymentsAt,
  updateEmploymentTerms,
} from './employments.repository';
import { administeredOrganization } from './labor-access';

/** The contract's terms, the same in a declared side job and a main job. */
type TermsBody = z.output<typeof primaryEmploymentRequest>;

/** The terms in the request, checked by the engine's own rules (400 naming each field). */
function checkedTerms(body: TermsBody, details: ErrorDetail[]): EmploymentTerms {
  const terms: EmploymentTerms = {
    relation: body.relation,
    contractSignedOn: body.contractSignedOn,
    weekStartsOn: body.weekStartsOn ?? null,
    legalHoliday: body.legalHoliday ?? null,
    hourlyWageYen: body.hourlyWageYen ?? null,
    monthlyCapMinutes: body.monthlyCapMinutes ?? null,
    agreement36: body.agreement36,
  };
  for (const problem of validateEmploymentTerms(terms)) {
    details.push({
      path: problem.field === null ? 'body' : `body.${problem.field}`,
      message: problem.message,
    });
  }
  if (details.length > 0) {
    throw new AppError(
      'validation_failed',
      `Invalid body: ${details.map((d) => d.path).join(', ')}`,
      details,
    );
  }
  return terms;
}

export async function employmentsRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/me/employments',
    {
      schema: {
        tags: ['working time'],
        summary: 'Your employments and engagements: the main job and declared side jobs',
        response: { 200: employmentListResponse, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      return { items: await listEmploymentsOfWorker(app.db, actor.userId) };
    },
  );

  app.post(
    '/me/employments',
    {
      schema: {
        tags: ['working time'],
        summary: 'Declare a side job or engagement (副業・兼業) whose hours you will report',
        body: createEmploymentRequest,
        response: { 201: employmentView, ...errorReplies },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const { employerOrganizationId, employerName, ...rest } = request.body;
      const details: ErrorDetail[] = [];
      if (employerOrganizationId !== undefined) {
        if (!(await findOrganizationBasics(app.db, employerOrganizationId))) {
          details.push({
            path: 'body.employerOrganizationId',
            message: 'no member organisation has this id',
          });
        }
      } else if (employerName === undefined) {
        details.push({
          path: 'body.employerName',
          message:
            'required when the employer is not a member organisation (employerOrganizationId)',
        });
      }
      const terms = checkedTerms(rest, details);
      const id = await insertEmployment(app.db, {
        workerUserId: actor.userId,
        employerOrganizationId: employerOrganizationId ?? null,
        employerName: employerName ?? null,
        isPrimary: false,
        terms,
      });
      const created = await findEmployment(app.db, id);
      if (!created) throw notFound('Employment');
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/organizations/:id/employments',
    {
      schema: {
        tags: ['working time'],
        summary: "The organisation's employees: each worker's main job here",
        params: idParams,
        response: { 200: employmentListResponse, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const org = await administeredOrganization(app.db, actor, request.params.id);
      return { items: await listPrimaryEmploymentsAt(app.db, org.id) };
    },
  );

  app.put(
    '/organizations/:id/members/:userId/employment',
    {
      schema: {
        tags: ['working time'],
        summary:
          "Set a worker's main job here: contract date, week start, legal holiday, wage, 36 agreement",
        params: memberParams,
        body: primaryEmploymentRequest,
        response: { 200: employmentView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const org = await administeredOrganization(app.db, actor, request.params.id);
      const { userId } = request.params;
      if (!(await isWorkerOf(app.db, org.id, userId))) throw notFound('Member');
      const terms = checkedTerms(request.body, []);
      const id = await app.db.transaction().execute(async (trx) => {
        const existing = await findPrimaryEmployment(trx, userId, org.id);
        if (existing) {
          await updateEmploymentTerms(trx, existing.id, terms, new Date(app.clock.now()));
          return existing.id;
        }
        return insertEmployment(trx, {
          workerUserId: userId,
          employerOrganizationId: org.id,
          employerName: null,
          isPrimary: true,
          terms,
        });
      });
      const saved = await findEmployment(app.db, id);
      if (!saved) throw notFound('Employment');
      return saved;
    },
  );
}
