import { z } from 'zod';
import { auditEventTypes } from '../domain/shared/audit-events';

export const auditQuery = z.object({
  event: z.enum(auditEventTypes).optional(),
  organizationId: z.string().uuid().optional(),
  /** Return events older than this id (paging backwards through time). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const auditEventView = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  event: z.string(),
  actorUserId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  organizationId: z.string().nullable(),
  subject: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const auditListResponse = z.object({
  items: z.array(auditEventView),
  nextBefore: z.number().int().nullable(),
});
