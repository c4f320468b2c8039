import type { z } from 'zod';
import type {
  programmeInput,
  programmeMemberListResponse,
  ProgrammeView,
} from '../../../contracts/matching';
import { apiRequest } from '../../lib/api-client';

export type Programme = ProgrammeView;
export type ProgrammeInput = z.input<typeof programmeInput>;
export type ProgrammeMember = z.infer<typeof programmeMemberListResponse>['items'][number];

export const programmeKeys = {
  all: ['programmes'] as const,
  list: (organizationId: string, includeRetired: boolean) =>
    ['programmes', organizationId, { includeRetired }] as const,
  members: (organizationId: string, programmeId: string) =>
    ['programmes', organizationId, 'members', programmeId] as const,
};

const listPath = (organizationId: string) =>
  `/organizations/${encodeURIComponent(organizationId)}/programmes`;
const programmePath = (organizationId: string, programmeId: string) =>
  `${listPath(organizationId)}/${encodeURIComponent(programmeId)}`;

export async function fetchProgrammes(
  organizationId: string,
  includeRetired: boolean,
  signal?: AbortSignal,
): Promise<Programme[]> {
  const { items } = await apiRequest<{ items: Programme[] }>(
    `${listPath(organizationId)}${includeRetired ? '?includeRetired=true' : ''}`,
    { signal },
  );
  return items;
}

export function createProgramme(organizationId: string, body: ProgrammeInput): Promise<Programme> {
  return apiRequest<Programme>(listPath(organizationId), { method: 'POST', body });
}

export function updateProgramme(
  organizationId: string,
  programmeId: string,
  body: ProgrammeInput,
): Promise<Programme> {
  return apiRequest<Programme>(programmePath(organizationId, programmeId), {
    method: 'PUT',
    body,
  });
}

export function retireProgramme(organizationId: string, programmeId: string): Promise<void> {
  return apiRequest<void>(programmePath(organizationId, programmeId), { method: 'DELETE' });
}

export async function fetchProgrammeMembers(
  organizationId: string,
  programmeId: string,
  signal?: AbortSignal,
): Promise<ProgrammeMember[]> {
  const { items } = await apiRequest<{ items: ProgrammeMember[] }>(
    `${programmePath(organizationId, programmeId)}/members`,
    { signal },
  );
  return items;
}

export function joinProgramme(organizationId: string, programmeId: string): Promise<Programme> {
  return apiRequest<Programme>(`${programmePath(organizationId, programmeId)}/join`, {
    method: 'POST',
  });
}

export function leaveProgramme(organizationId: string, programmeId: string): Promise<Programme> {
  return apiRequest<Programme>(`${programmePath(organizationId, programmeId)}/leave`, {
    method: 'POST',
  });
}
