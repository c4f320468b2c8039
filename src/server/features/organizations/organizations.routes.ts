import { z } from 'zod';
import { errorReplies, idParams } from '../../../contracts/common';
import {
  changeRoleRequest,
  createOrganizationRequest,
  listOrganizationsQuery,
  memberParams,
  memberView,
  organizationView,
} from '../../../contracts/organizations';
import { recordAuditEvent } from '../../../db/audit.repository';
import {
  canAdministerOrganization,
  canReadOrganization,
  isRoleAllowedIn,
} from '../../../domain/shared/organizations';
import type { AppInstance } from '../../app-types';
import { AppError, forbidden, notFound } from '../../errors';
import { requireActor, type Actor } from '../../plugins/auth';
import {
  deleteMembership,
  findMembership,
  findOrganization,
  insertOrganization,
  listMembers,
  listOrganizations,
  localGovCodeExists,
  organizationWithCodeExists,
  updateMemberRole,
} from './organizations.repository';

const isCoordinator = (actor: Actor) => actor.memberships.some((m) => m.role === 'coordinator');

/** An organisation the actor may read, or 404 — never a hint that another one exists. */
async function readableOrganization(app: AppInstance, actor: Actor, id: string) {
  if (!canReadOrganization(actor.memberships, id)) throw notFound('Organisation');
  const org = await findOrganization(app.db, id);
  if (!org) throw notFound('Organisation');
  return org;
}

export async function organizationsRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/organizations',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Organisations: all of them for coordinators, otherwise your own',
        querystring: listOrganizationsQuery,
        response: { 200: z.object({ items: z.array(organizationView) }), ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const items = await listOrganizations(app.db, {
        kind: request.query.kind,
        onlyIds: isCoordinator(actor) ? undefined : actor.memberships.map((m) => m.organizationId),
      });
      return { items };
    },
  );

  app.post(
    '/organizations',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Register a member organisation (coordinators)',
        body: createOrganizationRequest,
        response: { 201: organizationView, ...errorReplies },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      if (!isCoordinator(actor)) throw forbidden('Only coordinators register organisations');
      const { kind, name, nameEn, lgCode } = request.body;
      if (kind === 'municipality' || kind === 'prefecture') {
        if (!lgCode) {
          throw new AppError('validation_failed', 'A local-government code is required', [
            { path: 'body.lgCode', message: `required for a ${kind}` },
          ]);
        }
        if (!(await localGovCodeExists(app.db, kind, lgCode))) {
          throw new AppError('validation_failed', `Unknown ${kind} code ${lgCode}`, [
            { path: 'body.lgCode', message: `no ${kind} has code ${lgCode}` },
          ]);
        }
        if (await organizationWithCodeExists(app.db, lgCode)) {
          throw new AppError('conflict', `An organisation for ${lgCode} is already registered`);
        }
      } else if (lgCode) {
        throw new AppError('validation_failed', 'Only municipalities and prefectures have a code', [
          { path: 'body.lgCode', message: `not allowed for a ${kind}` },
        ]);
      }
      const id = await app.db.transaction().execute(async (trx) => {
        const newId = await insertOrganization(trx, {
          kind,
          name,
          nameEn: nameEn ?? null,
          lgCode: lgCode ?? null,
        });
        await recordAuditEvent(trx, {
          event: 'organization_created',
          actorUserId: actor.userId,
          organizationId: newId,
          subject: name,
          ip: request.ip,
          requestId: request.id,
          details: { kind, lgCode: lgCode ?? null },
        });
        return newId;
      });
      const org = await findOrganization(app.db, id);
      if (!org) throw notFound('Organisation');
      return reply.status(201).send(org);
    },
  );

  app.get(
    '/organizations/:id',
    {
      schema: {
        tags: ['organizations'],
        params: idParams,
        response: { 200: organizationView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      return readableOrganization(app, actor, request.params.id);
    },
  );

  app.get(
    '/organizations/:id/members',
    {
      schema: {
        tags: ['organizations'],
        summary: 'People in an organisation and their roles',
        params: idParams,
        response: { 200: z.object({ items: z.array(memberView) }), ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      await readableOrganization(app, actor, request.params.id);
      return { items: await listMembers(app.db, request.params.id) };
    },
  );

  app.patch(
    '/organizations/:id/members/:userId',
    {
      schema: {
        tags: ['organizations'],
        summary: "Change a member's role (the organisation's admins, coordinators)",
        params: memberParams,
        body: changeRoleRequest,
        response: { 200: memberView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const { id, userId } = request.params;
      const org = await readableOrganization(app, actor, id);
      if (!canAdministerOrganization(actor.memberships, id)) throw forbidden();
      if (userId === actor.userId) throw forbidden('You cannot change your own role');
      const { role } = request.body;
      if (!isRoleAllowedIn(org.kind, role)) {
        throw new AppError('validation_failed', `Role ${role} does not exist in a ${org.kind}`, [
          { path: 'body.role', message: `not a role of a ${org.kind}` },
        ]);
      }
      const membership = await findMembership(app.db, id, userId);
      if (!membership) throw notFound('Member');
      await app.db.transaction().execute(async (trx) => {
        await updateMemberRole(trx, membership.id, role);
        await recordAuditEvent(trx, {
          event: 'role_changed',
          actorUserId: actor.userId,
          organizationId: id,
          subject: userId,
          ip: request.ip,
          requestId: request.id,
          details: { from: membership.role, to: role },
        });
      });
      const member = (await listMembers(app.db, id)).find((m) => m.userId === userId);
      if (!member) throw notFound('Member');
      return member;
    },
  );

  app.delete(
    '/organizations/:id/members/:userId',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Remove a member from an organisation',
        params: memberParams,
        response: { 204: z.null(), ...errorReplies },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const { id, userId } = request.params;
      await readableOrganization(app, actor, id);
      if (!canAdministerOrganization(actor.memberships, id)) throw forbidden();
      if (userId === actor.userId) throw forbidden('You cannot remove yourself');
      const membership = await findMembership(app.db, id, userId);
      if (!membership) throw notFound('Member');
      await app.db.transaction().execute(async (trx) => {
        await deleteMembership(trx, membership.id);
        await recordAuditEvent(trx, {
          event: 'member_removed',
          actorUserId: actor.userId,
          organizationId: id,
          subject: userId,
          ip: request.ip,
          requestId: request.id,
          details: { role: membership.role },
        });
      });
      return reply.status(204).send(null);
    },
  );
}
