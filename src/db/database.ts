import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { BoundaryGeometry } from '../domain/geo/boundary-geometry';
import type { MunicipalityKind } from '../domain/geo/municipality-kind';
import type { OrganizationKind, Role } from '../domain/shared/organizations';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

/** Accounts as better-auth keeps them (snake_case through its field mapping). */
export type UsersTable = {
  id: string;
  name: string;
  email: string;
  email_verified: boolean;
  image: string | null;
  locale: Generated<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};

export type AuthSessionsTable = {
  id: string;
  expires_at: Date;
  token: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  ip_address: string | null;
  user_agent: string | null;
  user_id: string;
};

export type AuthAccountsTable = {
  id: string;
  account_id: string;
  provider_id: string;
  user_id: string;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: Date | null;
  refresh_token_expires_at: Date | null;
  scope: string | null;
  password: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};

export type AuthVerificationsTable = {
  id: string;
  identifier: string;
  value: string;
  expires_at: Date;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};

export type OrganizationsTable = {
  id: string;
  kind: OrganizationKind;
  name: string;
  name_en: string | null;
  lg_code: string | null;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};

export type MembershipsTable = {
  id: string;
  user_id: string;
  organization_id: string;
  role: Role;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};

export type InvitationStatus = 'pending' | 'accepted' | 'revoked';

export type InvitationsTable = {
  id: string;
  organization_id: string;
  email: string;
  role: Role;
  token_hash: string;
  status: Generated<InvitationStatus>;
  invited_by: string | null;
  expires_at: Date;
  accepted_at: Date | null;
  accepted_user_id: string | null;
  created_at: CreatedAt;
};

export type AuditEventsTable = {
  id: Generated<number>;
  occurred_at: CreatedAt;
  event: string;
  actor_user_id: string | null;
  organization_id: string | null;
  subject: string | null;
  ip: string | null;
  request_id: string | null;
  details: JSONColumnType<Record<string, unknown>>;
};

export type PrefecturesTable = {
  code: string;
  number: number;
  name: string;
  kana: string;
  name_en: string | null;
  iso_code: string | null;
  office_lat: number | null;
  office_lng: number | null;
  website: string | null;
  /** GeoJSON geometry from N03 (set by `tsunagu reference import --boundaries`). */
  boundary: ColumnType<BoundaryGeometry | null, string | null | undefined, string | null>;
};

export type { MunicipalityKind };

export type MunicipalitiesTable = {
  code: string;
  jis_code: string;
  prefecture_code: string;
  kind: MunicipalityKind;
  parent_code: string | null;
  name: string;
  kana: string;
  romaji: string | null;
  office_lat: number | null;
  office_lng: number | null;
  website: string | null;
  /** GeoJSON geometry from N03 (set by `tsunagu reference import --boundaries`). */
  boundary: ColumnType<BoundaryGeometry | null, string | null | undefined, string | null>;
};

export type SkillEntry = { skill: string; level: 1 | 2 | 3 | 4 | 5; years: number };

export type WorkerProfilesTable = {
  user_id: string;
  birth_year: number | null;
  gender: 'female' | 'male' | 'nonbinary' | 'undisclosed' | null;
  home_municipality_code: string | null;
  skills: JSONColumnType<SkillEntry[]>;
  interests: JSONColumnType<string[]>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};

export type Database = {
  users: UsersTable;
  auth_sessions: AuthSessionsTable;
  auth_accounts: AuthAccountsTable;
  auth_verifications: AuthVerificationsTable;
  organizations: OrganizationsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  audit_events: AuditEventsTable;
  prefectures: PrefecturesTable;
  municipalities: MunicipalitiesTable;
  worker_profiles: WorkerProfilesTable;
};
