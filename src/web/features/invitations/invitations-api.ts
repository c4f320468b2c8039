import type { z } from 'zod';
import type {
  acceptInvitationRequest,
  createdInvitationResponse,
  createInvitationRequest,
  invitationPreview,
  invitationView,
} from '../../../contracts/organizations';
import type { MeResponse } from '../../../contracts/auth';
import { apiRequest } from '../../lib/api-client';

export type Invitation = z.infer<typeof invitationView>;
export type CreatedInvitation = z.infer<typeof createdInvitationResponse>;
export type CreateInvitationRequest = z.infer<typeof createInvitationRequest>;
export type InvitationPreview = z.infer<typeof invitationPreview>;
export type AcceptInvitationRequest = z.infer<typeof acceptInvitationRequest>;

/** Mirrors acceptInvitationRequest's password rule so the form can say so before sending. */
export const minPasswordLength = 10;

export const invitationKeys = {
  ofOrganization: (organizationId: string) => ['invitations', organizationId] as const,
  preview: (token: string) => ['invitation-preview', token] as const,
};

const orgPath = (organizationId: string) =>
  `/organizations/${encodeURIComponent(organizationId)}/invitations`;

export async function fetchInvitations(
  organizationId: string,
  signal?: AbortSignal,
): Promise<Invitation[]> {
  const { items } = await apiRequest<{ items: Invitation[] }>(orgPath(organizationId), { signal });
  return items;
}

export function createInvitation(
  organizationId: string,
  body: CreateInvitationRequest,
): Promise<CreatedInvitation> {
  return apiRequest<CreatedInvitation>(orgPath(organizationId), { method: 'POST', body });
}

export function revokeInvitation(organizationId: string, invitationId: string): Promise<void> {
  return apiRequest<void>(`${orgPath(organizationId)}/${encodeURIComponent(invitationId)}`, {
    method: 'DELETE',
  });
}

export function fetchInvitationPreview(
  token: string,
  signal?: AbortSignal,
): Promise<InvitationPreview> {
  return apiRequest<InvitationPreview>(`/invitations/${encodeURIComponent(token)}`, { signal });
}

export function acceptInvitation(
  token: string,
  body: AcceptInvitationRequest,
): Promise<MeResponse> {
  return apiRequest<MeResponse>(`/invitations/${encodeURIComponent(token)}/accept`, {
    method: 'POST',
    body,
  });
}
