import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { BoundaryGeometry } from '../domain/geo/boundary-geometry';
import type { MunicipalityKind } from '../domain/geo/municipality-kind';
import type { ApplicationStatus } from '../domain/engagement/application-workflow';
import type { RoundAssignmentSource, RoundStatus } from '../domain/engagement/round-rules';
import type { MunicipalityShortfall } from '../domain/matching/assign-round';
import type { ProgrammeKind } from '../domain/engagement/programme-rules';
import type { Weekday } from '../domain/labor/labor-calendar';
import type { LaborRelation } from '../domain/labor/labor-input';
import type { TimesheetStatus } from '../domain/labor/timesheet-workflow';
import type {
  AffinityKind,
  CareerGoal,
  ChallengeState,
  ChallengeTerms,
  ChallengeTheme,
  LifeStage,
  SkillRequirement,
  WorkStyle,
} from '../domain/matching/matching-model';
import type { NotificationKind } from '../domain/shared/notifications';
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

export type AffinityEntry = {
  kind: AffinityKind;
  prefectureCode: string;
  municipalityCode: string | null;
};

/** A JSON list column with a default: optional on insert. */
type JsonList<T> = ColumnType<T[], string | undefined, string>;

export type WorkerProfilesTable = {
  user_id: string;
  birth_year: number | null;
  gender: 'female' | 'male' | 'nonbinary' | 'undisclosed' | null;
  home_municipality_code: string | null;
  skills: JSONColumnType<SkillEntry[]>;
  interests: JSONColumnType<string[]>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  // Added for matching (20261121T1300).
  available_hours_per_month: number | null;
  available_from: ColumnType<
    CalendarDate | null,
    CalendarDate | null | undefined,
    CalendarDate | null
  >;
  preferred_styles: JsonList<WorkStyle>;
  languages: JsonList<string>;
  life_stages: JsonList<LifeStage>;
  career_goals: JsonList<CareerGoal>;
  affinities: JsonList<AffinityEntry>;
  shared_with_hosts: Generated<boolean>;
  open_to_offers: Generated<boolean>;
  share_skills: Generated<boolean>;
  share_affinities: Generated<boolean>;
  share_career: Generated<boolean>;
  share_life_stage: Generated<boolean>;
  share_gender: Generated<boolean>;
};

/** A calendar date 'YYYY-MM-DD' (create-db keeps date columns as text, never a JS Date). */
type CalendarDate = string;

export type Agreement36Mode = 'standard' | 'none' | 'custom';

export type EmploymentsTable = {
  id: string;
  worker_user_id: string;
  employer_organization_id: string | null;
  /** Set when the employer is not a member organisation (that one is named by its record). */
  employer_name: string | null;
  is_primary: boolean;
  relation: LaborRelation;
  contract_signed_on: CalendarDate;
  week_starts_on: Weekday | null;
  legal_holiday: Weekday | null;
  hourly_wage_yen: number | null;
  monthly_cap_minutes: number | null;
  agreement36_mode: Agreement36Mode;
  agreement36_special_clause: boolean | null;
  agreement36_monthly_limit_minutes: number | null;
  agreement36_yearly_limit_minutes: number | null;
  agreement36_year_start_month: number | null;
  ended_on: CalendarDate | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};

export type TimesheetWeeksTable = {
  id: string;
  worker_user_id: string;
  /** Always a Monday. */
  week_start: CalendarDate;
  status: TimesheetStatus;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};

export type WorkLocation = 'office' | 'home' | 'satellite' | 'workation' | 'client_site' | 'other';
export type SegmentSource = 'self' | 'pc_log' | 'check_in';

export type WorkSegmentsTable = {
  id: string;
  week_id: string;
  employment_id: string;
  work_date: CalendarDate;
  /** Minutes after midnight of work_date; the end may pass midnight (up to 47:59). */
  start_minute: number;
  end_minute: number;
  break_minutes: number;
  contracted: boolean;
  location: WorkLocation;
  municipality_code: string | null;
  source: SegmentSource;
  note: string | null;
  created_at: ColumnType<Date, Date | string, never>;
  /** When a later save replaced this row; null while it is current. Rows are never deleted. */
  superseded_at: ColumnType<Date | null, Date | string | null | undefined, Date | string>;
};

export type TimesheetEventType =
  'saved' | 'submitted' | 'approved' | 'correction_requested' | 'copied_previous';

export type TimesheetEventsTable = {
  id: Generated<number>;
  week_id: string;
  event: TimesheetEventType;
  actor_user_id: string | null;
  comment: string | null;
  occurred_at: ColumnType<Date, Date | string, never>;
};

export type ChallengesTable = {
  id: string;
  organization_id: string;
  /** Null: prefecture-wide (a prefecture's challenge not tied to one town). */
  municipality_code: string | null;
  prefecture_code: string;
  title: string;
  title_en: string | null;
  description: string;
  description_en: string | null;
  /** Titles, descriptions and host names, normalised for search (challengeSearchText). */
  search_text: string;
  themes: JSONColumnType<ChallengeTheme[]>;
  required_skills: JSONColumnType<SkillRequirement[]>;
  welcome_skills: JSONColumnType<SkillRequirement[]>;
  style: WorkStyle;
  onsite_days_per_month: number;
  hours_per_month: number;
  start_date: CalendarDate;
  period_months: number;
  places: number;
  max_open_applications: number;
  response_days: number;
  terms: ChallengeTerms;
  fee_yen_per_month: number | null;
  travel_support: boolean;
  state: ChallengeState;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string, never>;
  updated_at: ColumnType<Date, Date | string, Date | string>;
};

export type ChallengeEventType = 'created' | 'updated' | 'opened' | 'closed' | 'archived';

export type ChallengeEventsTable = {
  id: Generated<number>;
  challenge_id: string;
  event: ChallengeEventType;
  from_state: ChallengeState | null;
  to_state: ChallengeState;
  actor_user_id: string | null;
  occurred_at: ColumnType<Date, Date | string, never>;
};

export type ProgrammesTable = {
  id: string;
  organization_id: string;
  kind: ProgrammeKind;
  name: string;
  description: string | null;
  max_share_percent: number | null;
  contracted_hours_per_month: number;
  min_age: number | null;
  max_age: number | null;
  min_tenure_years: number | null;
  approval_required: boolean;
  travel_subsidy_yen_per_month: number;
  workation_max_days_per_month: number | null;
  workation_policy: string | null;
  retired_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: ColumnType<Date, Date | string, never>;
  updated_at: ColumnType<Date, Date | string, Date | string>;
};

export type ProgrammeMembersTable = {
  id: string;
  programme_id: string;
  worker_user_id: string;
  joined_at: ColumnType<Date, Date | string, never>;
  left_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
};

export type ApplicationsTable = {
  id: string;
  challenge_id: string;
  worker_user_id: string;
  status: ApplicationStatus;
  message: string | null;
  decline_reason: string | null;
  declined_by: 'employer' | 'host' | null;
  /** The programme (and its company) the application goes through; null when none governs. */
  programme_id: string | null;
  employer_organization_id: string | null;
  /** When it reached the host's review, and when the host must have answered by. */
  reached_host_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  host_due_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** When the coordinators were alerted that the host is late (each application alerts once). */
  overdue_alerted_at: ColumnType<
    Date | null,
    Date | string | null | undefined,
    Date | string | null
  >;
  created_at: ColumnType<Date, Date | string, never>;
  updated_at: ColumnType<Date, Date | string, Date | string>;
};

export type ApplicationEventsTable = {
  id: Generated<number>;
  application_id: string;
  from_status: ApplicationStatus | null;
  to_status: ApplicationStatus;
  actor_user_id: string | null;
  comment: string | null;
  occurred_at: ColumnType<Date, Date | string, never>;
};

export type NotificationsTable = {
  id: Generated<number>;
  user_id: string;
  kind: NotificationKind;
  payload: JSONColumnType<Record<string, unknown>>;
  created_at: ColumnType<Date, Date | string, never>;
  read_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
};

export type MatchingVersionsTable = {
  scope: 'challenges' | 'workers' | 'places';
  version: number;
};

export type RoundsTable = {
  id: string;
  name: string;
  status: RoundStatus;
  worker_capacity: number;
  min_per_municipality: number;
  candidates_per_worker: number;
  pairs_count: number;
  total_score: number;
  shortfalls: JSONColumnType<MunicipalityShortfall[]>;
  scoring_ms: number;
  solve_ms: number;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string, never>;
  updated_at: ColumnType<Date, Date | string, Date | string>;
  published_by: string | null;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
};

export type RoundParticipantsTable = {
  id: Generated<number>;
  round_id: string;
  kind: 'worker' | 'challenge';
  worker_user_id: string | null;
  challenge_id: string | null;
  /** A worker's k, or a challenge's free places when the round was run. */
  capacity: number;
  /** The local government offering a challenge (the municipality guarantee); null for workers. */
  municipality_code: string | null;
  position: number;
};

export type RoundAssignmentsTable = {
  round_id: string;
  worker_user_id: string;
  challenge_id: string;
  position: number;
  score: number;
  summary_ja: string;
  summary_en: string;
  source: RoundAssignmentSource;
  /** The application the pair became when the round was published. */
  application_id: string | null;
  created_at: ColumnType<Date, Date | string, never>;
};

export type RoundEventType = 'created' | 'edited' | 'published';

export type RoundEventsTable = {
  id: Generated<number>;
  round_id: string;
  event: RoundEventType;
  actor_user_id: string | null;
  details: JSONColumnType<Record<string, unknown>>;
  occurred_at: ColumnType<Date, Date | string, never>;
};

export type FlowDatasetStatus = 'published' | 'retracted';

/** A published people-flow dataset (decision 9): metadata of one `flow analyze --publish`. */
export type FlowDatasetsTable = {
  id: string;
  source_label: string;
  /** 'YYYY-MM'. */
  period_first: string;
  period_last: string;
  profile: 'trackintel' | 'production';
  k: number;
  min_origin_devices: number;
  panel_devices: number;
  devices: number;
  cells: number;
  suppressed_cells: number;
  metadata: JSONColumnType<Record<string, unknown>>;
  /** The analysis (input, flags, k) it came from: published once while it stands. */
  fingerprint: string;
  status: Generated<FlowDatasetStatus>;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string, never>;
  retracted_by: string | null;
  retracted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
};

/** A protected figure; `value` null exactly when suppressed. */
export type FlowCellsTable = {
  dataset_id: string;
  municipality_code: string;
  /** 'YYYY-MM' or 'period'. */
  scope: string;
  metric: string;
  value: number | null;
  suppressed: boolean;
};

/** A published origin figure (hidden origins are not stored). */
export type FlowOriginCellsTable = {
  dataset_id: string;
  municipality_code: string;
  scope: string;
  /** A municipality, a prefecture ("the rest of it") or 'unknown'. */
  origin_code: string;
  value: number;
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
  employments: EmploymentsTable;
  timesheet_weeks: TimesheetWeeksTable;
  work_segments: WorkSegmentsTable;
  timesheet_events: TimesheetEventsTable;
  challenges: ChallengesTable;
  challenge_events: ChallengeEventsTable;
  programmes: ProgrammesTable;
  programme_members: ProgrammeMembersTable;
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  notifications: NotificationsTable;
  matching_versions: MatchingVersionsTable;
  rounds: RoundsTable;
  round_participants: RoundParticipantsTable;
  round_assignments: RoundAssignmentsTable;
  round_events: RoundEventsTable;
  flow_datasets: FlowDatasetsTable;
  flow_cells: FlowCellsTable;
  flow_origin_cells: FlowOriginCellsTable;
};
