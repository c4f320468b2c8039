import { z } from 'zod';
import { organizationKinds, roles } from '../domain/shared/organizations';
import { email } from './common';

export const organizationView = z.object({
  id: z.string(),
  kind: z.enum(organizationKinds),
  name: z.string(),
  nameEn: z.string().nullable(),
  lgCode: z.string().nullable(),
  memberCount: z.number().int(),
  createdAt: z.string(),
});
export type OrganizationView = z.infer<typeof organizationView>;

export const listOrganizationsQuery = z.object({
  kind: z.enum(organizationKinds).optional(),
});

export const createOrganizationRequest = z.object({
  kind: z.enum(organizationKinds),
  name: z.string().trim().min(1, 'required').max(200),
  nameEn: z.string().trim().min(1).max(200).optional(),
  lgCode: z
    .string()
    .regex(/^[0-9]{6}$/, 'must be a 6-digit local-government code')
    .optional(),
});

export const memberView = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  joinedAt: z.string(),
});

export const memberParams = z.object({ id: z.string().uuid(), userId: z.string().uuid() });

export const changeRoleRequest = z.object({ role: z.enum(roles) });

export const invitationView = z.object({
  id: z.string(),
  organizationId: z.string(),
  email: z.string(),
  role: z.enum(roles),
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  expiresAt: z.string(),
  createdAt: z.string(),
});

export const createInvitationRequest = z.object({
  email,
  role: z.enum(roles),
});

export const createdInvitationResponse = z.object({
  invitation: invitationView,
  /** Shown once to the inviter to pass on; only its hash is stored. */
  acceptUrl: z.string(),
});

export const invitationParams = z.object({
  id: z.string().uuid(),
  invitationId: z.string().uuid(),
});

export const tokenParams = z.object({ token: z.string().min(20).max(100) });

export const invitationPreview = z.object({
  email: z.string(),
  role: z.enum(roles),
  organizationName: z.string(),
  organizationKind: z.enum(organizationKinds),
  expiresAt: z.string(),
  accountExists: z.boolean(),
});

/** Name and password create a new account; someone who already has one signs in and sends neither. */
export const acceptInvitationRequest = z.object({
  name: z.string().trim().min(1, 'required').max(100).optional(),
  password: z.string().min(10, 'at least 10 characters').max(128).optional(),
});
