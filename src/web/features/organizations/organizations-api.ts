import type { z } from 'zod';
import type {
  createOrganizationRequest,
  memberView,
  OrganizationView,
} from '../../../contracts/organizations';
import type { OrganizationKind } from '../../../domain/shared/organizations';
import { apiRequest } from '../../lib/api-client';

export type Member = z.infer<typeof memberView>;
export type CreateOrganizationRequest = z.infer<typeof createOrganizationRequest>;

export const organizationKeys = {
  all: ['organizations'] as const,
  list: (kind: OrganizationKind | null) => ['organizations', 'list', kind] as const,
  one: (id: string) => ['organizations', 'one', id] as const,
  members: (id: string) => ['organizations', 'members', id] as const,
};

export async function fetchOrganizations(
  kind: OrganizationKind | null,
  signal?: AbortSignal,
): Promise<OrganizationView[]> {
  const query = kind ? `?kind=${encodeURIComponent(kind)}` : '';
  const { items } = await apiRequest<{ items: OrganizationView[] }>(`/organizations${query}`, {
    signal,
  });
  return items;
}

export function fetchOrganization(id: string, signal?: AbortSignal): Promise<OrganizationView> {
  return apiRequest<OrganizationView>(`/organizations/${encodeURIComponent(id)}`, { signal });
}

export function createOrganization(body: CreateOrganizationRequest): Promise<OrganizationView> {
  return apiRequest<OrganizationView>('/organizations', { method: 'POST', body });
}

export async function fetchMembers(id: string, signal?: AbortSignal): Promise<Member[]> {
  const { items } = await apiRequest<{ items: Member[] }>(
    `/organizations/${encodeURIComponent(id)}/members`,
    { signal },
  );
  return items;
}
