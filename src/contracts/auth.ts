import { z } from 'zod';
import { organizationKinds, roles } from '../domain/shared/organizations';
import { email } from './common';

export const loginRequest = z.object({
  email,
  password: z.string().min(1, 'required').max(128),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const membershipView = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  organizationKind: z.enum(organizationKinds),
  role: z.enum(roles),
  lgCode: z.string().nullable(),
});
export type MembershipView = z.infer<typeof membershipView>;

export const meResponse = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  locale: z.enum(['ja', 'en']),
  memberships: z.array(membershipView),
});
export type MeResponse = z.infer<typeof meResponse>;

export const updateMeRequest = z.object({ locale: z.enum(['ja', 'en']) });
