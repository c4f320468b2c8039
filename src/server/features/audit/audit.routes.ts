import { errorReplies } from '../../../contracts/common';
import { auditListResponse, auditQuery } from '../../../contracts/audit';
import type { AppInstance } from '../../app-types';
import { forbidden } from '../../errors';
import { requireActor } from '../../plugins/auth';
import { listAuditEvents } from './audit.repository';

export async function auditRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/audit-events',
    {
      schema: {
        tags: ['audit'],
        summary: 'Security events, newest first (coordinators)',
        querystring: auditQuery,
        response: { 200: auditListResponse, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      if (!actor.memberships.some((m) => m.role === 'coordinator')) {
        throw forbidden('Only coordinators read the audit log');
      }
      return listAuditEvents(app.db, request.query);
    },
  );
}
