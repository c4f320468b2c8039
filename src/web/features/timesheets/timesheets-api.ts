import type { z } from 'zod';
import type {
  PcLogImportResponse,
  pcLogImportRequest,
  TimesheetWeekView,
} from '../../../contracts/labor';
import { apiRequest } from '../../lib/api-client';
import type { SegmentInput } from './timesheet-draft';

export type TimesheetWeek = TimesheetWeekView;
export type TimesheetStatus = TimesheetWeek['status'];

export const timesheetKeys = {
  mine: (weekStart: string) => ['timesheets', 'mine', weekStart] as const,
  ofOrganization: (organizationId: string) =>
    ['timesheets', 'organization', organizationId] as const,
  organizationList: (
    organizationId: string,
    filter: { status: TimesheetStatus | null; weekStart: string | null },
  ) => ['timesheets', 'organization', organizationId, filter] as const,
};

const myWeekPath = (weekStart: string) => `/me/timesheets/${encodeURIComponent(weekStart)}`;

/** The worker's own week; a week with nothing stored comes back as an empty draft. */
export function fetchMyWeek(weekStart: string, signal?: AbortSignal): Promise<TimesheetWeek> {
  return apiRequest<TimesheetWeek>(myWeekPath(weekStart), { signal });
}

/** Replaces the week's segments; the replaced ones stay in the week's history. */
export function saveMyWeek(weekStart: string, segments: SegmentInput[]): Promise<TimesheetWeek> {
  return apiRequest<TimesheetWeek>(`${myWeekPath(weekStart)}/segments`, {
    method: 'PUT',
    body: { segments },
  });
}

/** The request as sent: contracted and location may be left out (true, 'office'). */
export type PcLogImportRequest = z.input<typeof pcLogImportRequest>;

/**
 * Adds a PC/VPN log (CSV text) to the worker's weeks; all or nothing. Rows the server could not
 * read come back in `rejected`; the weeks it added to come back as they are now.
 */
export function importPcLog(body: PcLogImportRequest): Promise<PcLogImportResponse> {
  return apiRequest<PcLogImportResponse>('/me/timesheets/import', { method: 'POST', body });
}

export function copyPreviousWeek(weekStart: string): Promise<TimesheetWeek> {
  return apiRequest<TimesheetWeek>(`${myWeekPath(weekStart)}/copy-previous`, { method: 'POST' });
}

export function submitMyWeek(weekStart: string): Promise<TimesheetWeek> {
  return apiRequest<TimesheetWeek>(`${myWeekPath(weekStart)}/submit`, { method: 'POST' });
}

const orgPath = (organizationId: string) =>
  `/organizations/${encodeURIComponent(organizationId)}/timesheets`;

/** The weeks of a company's workers, by status and week (either may be left out). */
export async function fetchOrganizationWeeks(
  organizationId: string,
  filter: { status: TimesheetStatus | null; weekStart: string | null },
  signal?: AbortSignal,
): Promise<TimesheetWeek[]> {
  const search = new URLSearchParams();
  if (filter.status) search.set('status', filter.status);
  if (filter.weekStart) search.set('weekStart', filter.weekStart);
  const query = search.size > 0 ? `?${search.toString()}` : '';
  const { items } = await apiRequest<{ items: TimesheetWeek[] }>(
    `${orgPath(organizationId)}${query}`,
    { signal },
  );
  return items;
}

export function approveWeek(
  organizationId: string,
  weekId: string,
  comment: string,
): Promise<TimesheetWeek> {
  return apiRequest<TimesheetWeek>(
    `${orgPath(organizationId)}/${encodeURIComponent(weekId)}/approve`,
    { method: 'POST', body: comment ? { comment } : {} },
  );
}

export function requestCorrection(
  organizationId: string,
  weekId: string,
  comment: string,
): Promise<TimesheetWeek> {
  return apiRequest<TimesheetWeek>(
    `${orgPath(organizationId)}/${encodeURIComponent(weekId)}/request-correction`,
    { method: 'POST', body: { comment } },
  );
}
