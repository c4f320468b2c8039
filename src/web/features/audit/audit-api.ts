import type { z } from 'zod';
import type { auditListResponse } from '../../../contracts/audit';
import type { AuditEventType } from '../../../domain/shared/audit-events';
import { apiRequest } from '../../lib/api-client';

export type AuditPage = z.infer<typeof auditListResponse>;
export type AuditEvent = AuditPage['items'][number];

export const auditPageSize = 50;

export const auditKeys = {
  list: (event: AuditEventType | null) => ['audit-events', event] as const,
};

/** One page of security events, newest first; `before` continues from an earlier page. */
export function fetchAuditEvents(
  params: { event: AuditEventType | null; before: number | null },
  signal?: AbortSignal,
): Promise<AuditPage> {
  const search = new URLSearchParams({ limit: String(auditPageSize) });
  if (params.event) search.set('event', params.event);
  if (params.before !== null) search.set('before', String(params.before));
  return apiRequest<AuditPage>(`/audit-events?${search.toString()}`, { signal });
}
