import { z } from 'zod';
import { errorReplies, idParams } from '../../../contracts/common';
import { meResponse } from '../../../contracts/auth';
import {
  acceptInvitationRequest,
  createdInvitationResponse,
  createInvitationRequest,
  invitationParams,
  invitationPreview,
  invitationView,
  tokenParams,
} from '../../../contracts/organizations';
import { createPasswordUser, findUserIdByEmail } from '../../../db/accounts.repository';
import { recordAuditEvent } from '../../../db/audit.repository';
import {
  addMembership,
  createInvitation,
  findInvitation,
  findUsableInvitationByToken,
  listInvitations,
  markInvitationAccepted,
  revokeInvitation,
} from '../../../db/invitations.repository';
import {
  canAdministerOrganization,
  canReadOrganization,
  decideInvitation,
  type OrganizationKind,
} from '../../../domain/shared/organizations';
import type { AppInstance } from '../../app-types';
import { AppError, forbidden, notFound } from '../../errors';
import { describeActor, requireActor, resolveActor, toHeaders } from '../../plugins/auth';
import { findOrganizationKind } from './invitations.repository';

export async function invitationsRoutes(app: AppInstance): Promise<void> {
  app.post(
    '/organizations/:id/invitations',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Invite a person into an organisation with a role',
        params: idParams,
        body: createInvitationRequest,
        response: { 201: createdInvitationResponse, ...errorReplies },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const organizationId = request.params.id;
      if (!canReadOrganization(actor.memberships, organizationId)) throw notFound('Organisation');
      const kind = await findOrganizationKind(app.db, organizationId);
      if (!kind) throw notFound('Organisation');
      const decision = decideInvitation(
        actor.memberships,
        { organizationId, organizationKind: kind },
        request.body.role,
      );
      if (!decision.allowed) {
        if (decision.reason === 'role_not_in_kind') {
          throw new AppError('validation_failed', `A ${kind} has no ${request.body.role} role`, [
            { path: 'body.role', message: `not a role of a ${kind}` },
          ]);
        }
        throw forbidden('You may not invite this role into this organisation');
      }
      const created = await app.db.transaction().execute(async (trx) => {
        const result = await createInvitation(trx, {
          organizationId,
          email: request.body.email,
          role: request.body.role,
          invitedBy: actor.userId,
          nowMs: app.clock.now(),
        });
        await recordAuditEvent(trx, {
          event: 'invitation_created',
          actorUserId: actor.userId,
          organizationId,
          subject: request.body.email,
          ip: request.ip,
          requestId: request.id,
          details: { role: request.body.role, invitationId: result.invitation.id },
        });
        return result;
      });
      const acceptUrl = `${app.publicUrl}/invitations/${created.token}`;
      return reply.status(201).send({ invitation: created.invitation, acceptUrl });
    },
  );

  app.get(
    '/organizations/:id/invitations',
    {
      schema: {
        tags: ['invitations'],
        params: idParams,
        response: { 200: z.object({ items: z.array(invitationView) }), ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const { id } = request.params;
      if (!canReadOrganization(actor.memberships, id)) throw notFound('Organisation');
      if (!canAdministerOrganization(actor.memberships, id)) throw forbidden();
      return { items: await listInvitations(app.db, id, app.clock.now()) };
    },
  );

  app.delete(
    '/organizations/:id/invitations/:invitationId',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Revoke a pending invitation',
        params: invitationParams,
        response: { 204: z.null(), ...errorReplies },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const { id, invitationId } = request.params;
      if (!canReadOrganization(actor.memberships, id)) throw notFound('Organisation');
      if (!canAdministerOrganization(actor.memberships, id)) throw forbidden();
      const inv = await findInvitation(app.db, id, invitationId, app.clock.now());
      if (!inv) throw notFound('Invitation');
      if (inv.status !== 'pending') {
        throw new AppError('conflict', `The invitation is already ${inv.status}`);
      }
      await app.db.transaction().execute(async (trx) => {
        await revokeInvitation(trx, invitationId);
        await recordAuditEvent(trx, {
          event: 'invitation_revoked',
          actorUserId: actor.userId,
          organizationId: id,
          subject: inv.email,
          ip: request.ip,
          requestId: request.id,
          details: { invitationId },
        });
      });
      return reply.status(204).send(null);
    },
  );

  // Public by design: the unguessable token is the credential.
  app.get(
    '/invitations/:token',
    {
      schema: {
        tags: ['invitations'],
        summary: 'What an invitation link offers (public: the token is the credential)',
        params: tokenParams,
        response: { 200: invitationPreview, ...errorReplies },
      },
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request) => {
      const inv = await findUsableInvitationByToken(app.db, request.params.token, app.clock.now());
      if (!inv) throw notFound('Invitation (or it has expired)');
      return {
        email: inv.email,
        role: inv.role,
        organizationName: inv.organizationName,
        organizationKind: inv.organizationKind as OrganizationKind,
        expiresAt: inv.expiresAt,
        accountExists: (await findUserIdByEmail(app.db, inv.email)) !== undefined,
      };
    },
  );

  app.post(
    '/invitations/:token/accept',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Accept an invitation: creates the account (or adds the role) and signs in',
        params: tokenParams,
        body: acceptInvitationRequest,
        response: { 200: meResponse, ...errorReplies },
      },
      config: { public: true, rateLimit: { max: 10, timeWindow: '5 minutes' } },
    },
    async (request, reply) => {
      const { token } = request.params;
      const nowMs = app.clock.now();
      const signedIn = await resolveActor(request);
      const outcome = await app.db.transaction().execute(async (trx) => {
        const inv = await findUsableInvitationByToken(trx, token, nowMs);
        if (!inv) throw notFound('Invitation (or it has expired)');
        let userId = await findUserIdByEmail(trx, inv.email);
        let created = false;
        if (userId) {
          // An existing account joins only when its owner is the one accepting.
          if (!signedIn || signedIn.userId !== userId) {
            throw new AppError('conflict', `Sign in as ${inv.email} to accept this invitation`);
          }
        } else {
          const { name, password } = request.body;
          if (!name || !password) {
            throw new AppError('validation_failed', 'A new account needs a name and a password', [
              ...(name ? [] : [{ path: 'body.name', message: 'required for a new account' }]),
              ...(password
                ? []
                : [{ path: 'body.password', message: 'required for a new account' }]),
            ]);
          }
          userId = await createPasswordUser(trx, { email: inv.email, name, password });
          created = true;
        }
        await addMembership(trx, { userId, organizationId: inv.organizationId, role: inv.role });
        await markInvitationAccepted(trx, inv.id, userId, nowMs);
        await recordAuditEvent(trx, {
          event: 'invitation_accepted',
          actorUserId: userId,
          organizationId: inv.organizationId,
          subject: inv.email,
          ip: request.ip,
          requestId: request.id,
          details: { role: inv.role, invitationId: inv.id, accountCreated: created },
        });
        return { email: inv.email, created };
      });
      if (outcome.created && request.body.password) {
        const result = await app.auth.api.signInEmail({
          body: { email: outcome.email, password: request.body.password, rememberMe: true },
          headers: toHeaders(request),
          returnHeaders: true,
        });
        const cookies = result.headers.getSetCookie();
        reply.header('set-cookie', cookies);
        request.headers.cookie = cookies.map((c) => c.split(';')[0]).join('; ');
      }
      request.actorPromise = null;
      const actor = await requireActor(request);
      return describeActor(actor);
    },
  );
}
