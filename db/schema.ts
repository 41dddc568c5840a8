// The one Database interface for Kysely: a table per entry, columns as PostgreSQL returns them.
// `date` columns are returned as 'YYYY-MM-DD' strings (see db/client.ts), timestamps as Date.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { CheckFinding } from "~/domain/job-orders/checks";
import type { JobOrderInput } from "~/domain/job-orders/schema";
import type { JobOrderState } from "~/domain/job-orders/state-machine";
import type { Stage } from "~/domain/shortlists/stages";
import type { LicenceStatus, OrgKind, Role } from "~/domain/org";
import type { WorkerProfileInput, WorkerStatus } from "~/domain/workers/profile-schema";

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Json = ColumnType<Record<string, unknown>, string, string>;

export interface OrganisationsTable {
  id: Generated<string>;
  kind: OrgKind;
  slug: string;
  name: string;
  /** employer: where the company is registered */
  country: string | null;
  /** mission: the destination countries it verifies job orders for */
  countries: ColumnType<string[], string[] | undefined, string[]>;
  licence_number: string | null;
  licence_status: LicenceStatus | null;
  licence_suspended_until: string | null;
  licence_valid_until: string | null;
  registration_number: string | null;
  address: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  created_at: CreatedAt;
}

export interface LicenceEventsTable {
  id: Generated<string>;
  org_id: string;
  status: LicenceStatus;
  scope: string | null;
  reason: string;
  suspended_until: string | null;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  org_id: string;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  locale: string | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  /** sha256(token): the cookie holds the token, the database only its hash */
  id: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Date;
}

export interface InvitationsTable {
  id: Generated<string>;
  org_id: string;
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

export interface ApiKeysTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  /** the first characters of the key, safe to show ("jmb_3fa9c1d2…") */
  key_prefix: string;
  key_hash: string;
  created_by: string | null;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface LoginAttemptsTable {
  id: Generated<string>;
  email: string;
  ip: string;
  succeeded: boolean;
  created_at: CreatedAt;
}

/** rate-limiter-flexible's table (db/rate-limits.ts); `expire` in epoch ms */
export interface RateLimitsTable {
  key: string;
  points: number;
  expire: string | null;
}

export interface LoginThrottlesTable {
  key: string;
  attempts: number;
  next_at: Date;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface AuditEventsTable {
  id: Generated<string>;
  org_id: string | null;
  actor_user_id: string | null;
  /** who acted when there is no user: "cli", "api-key:<id>", "system" */
  actor_label: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  details: Json;
  created_at: CreatedAt;
}

export interface JobOrdersTable {
  id: Generated<string>;
  reference: Generated<string>;
  employer_org_id: string;
  status: ColumnType<JobOrderState, JobOrderState | undefined, JobOrderState>;
  version: ColumnType<number, number | undefined, number>;
  title: string;
  isco_code: string;
  sector: string;
  country: string;
  positions: number;
  positions_filled: ColumnType<number, number | undefined, number>;
  start_date: string;
  contract_months: number;
  content: ColumnType<JobOrderInput, string, string>;
  submitted_at: Date | null;
  verification_code: string | null;
  verified_by_org_id: string | null;
  verified_at: Date | null;
  valid_until: string | null;
  status_changed_at: ColumnType<Date, Date | undefined, Date>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface JobOrderVersionsTable {
  id: Generated<string>;
  job_order_id: string;
  version: number;
  content: ColumnType<JobOrderInput, string, string>;
  employer: ColumnType<EmployerSnapshot, string, string>;
  findings: ColumnType<CheckFinding[], string, string>;
  submitted_at: CreatedAt;
  submitted_by: string | null;
  decision: "approve" | "return" | "reject" | null;
  reason: string | null;
  note: string | null;
  decided_by_user: string | null;
  decided_by_org: string | null;
  decided_at: Date | null;
}

export interface JobOrderEventsTable {
  id: Generated<string>;
  job_order_id: string;
  actor_user_id: string | null;
  actor_org_id: string | null;
  actor_label: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  changes: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: CreatedAt;
}

export interface ProblemEmployersTable {
  id: Generated<string>;
  employer_org_id: string;
  reason: string;
  listed_on: string;
  listed_by: string | null;
  lifted_at: Date | null;
  lifted_by: string | null;
  created_at: CreatedAt;
}

export interface DestinationStandardsTable {
  id: Generated<string>;
  country: string;
  isco_code: string | null;
  /** numeric: PostgreSQL returns a string; repositories convert */
  min_wage_amount: ColumnType<string | null, number | null, number | null>;
  min_wage_currency: string | null;
  min_wage_period: "hour" | "day" | "week" | "month" | "year" | null;
  max_hours_per_week: ColumnType<string | null, number | null, number | null>;
  source: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface WorkersTable {
  id: Generated<string>;
  agency_org_id: string;
  external_ref: string | null;
  full_name: string;
  date_of_birth: string;
  sex: "female" | "male";
  province_code: string;
  regency: string | null;
  phone: string | null;
  nik: string | null;
  passport_number: string | null;
  passport_expiry: string | null;
  profile: ColumnType<WorkerCompetencies, string, string>;
  available_from: string;
  status: WorkerStatus;
  consent_matching: ColumnType<boolean, boolean | undefined, boolean>;
  consent_recorded_at: Date | null;
  consent_recorded_by: string | null;
  archived_at: Date | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export type WorkerCompetencies = Pick<
  WorkerProfileInput,
  "experiences" | "languages" | "certificates" | "preferredCountries"
>;

export interface WorkerConsentEventsTable {
  id: Generated<string>;
  worker_id: string;
  consent: boolean;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

/** Per-scope counters of confirmed index changes (scope = an agency id, or "*" for all); see db/search-outbox.ts. */
export interface SearchGenerationsTable {
  scope: string;
  generation: ColumnType<string, string | number | undefined, string | number>;
}

export interface SearchOutboxTable {
  id: Generated<string>;
  entity: "worker";
  entity_id: string;
  enqueued_at: CreatedAt;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date, Date | undefined, Date>;
  last_error: string | null;
  done_at: Date | null;
}

/** The employer's legal details as copied into a job order at submission. */
export interface EmployerSnapshot {
  name: string;
  country: string | null;
  registrationNumber: string;
  address: string;
  contactEmail: string;
  contactPhone: string;
}

export interface EventsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  city: string;
  country: string;
  venue: string;
  starts_on: string;
  ends_on: string;
  kiosk_locales: ColumnType<string[], string[] | undefined, string[]>;
  lead_retention_days: number;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface EventStaffTable {
  event_id: string;
  user_id: string;
  added_by: string | null;
  added_at: CreatedAt;
}

export interface KioskDevicesTable {
  id: Generated<string>;
  event_id: string;
  label: string;
  enrol_code_hash: string | null;
  enrol_code_expires_at: Date | null;
  token_hash: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  enrolled_at: Date | null;
  last_seen_at: Date | null;
  revoked_at: Date | null;
  revoked_by: string | null;
}

export type LeadStatus = "new" | "contacted" | "invited" | "closed";

export interface LeadsTable {
  id: string;
  event_id: string;
  device_id: string | null;
  source: "kiosk" | "phone";
  captured_at: Date;
  received_at: CreatedAt;
  locale: string;
  name: string | null;
  company: string | null;
  job_title: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  website: string | null;
  consent_contact: boolean;
  consent_share: boolean;
  consent_version: string;
  vacancy: Json;
  status: ColumnType<LeadStatus, LeadStatus | undefined, LeadStatus>;
  owner_id: string | null;
  follow_up_on: string | null;
  employer_org_id: string | null;
  job_order_id: string | null;
  erased_at: Date | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface LeadEventsTable {
  id: Generated<string>;
  lead_id: string;
  actor_user_id: string | null;
  kind: string;
  detail: ColumnType<Record<string, unknown>, string | undefined, string>;
  note: string | null;
  at: ColumnType<Date, Date | undefined, never>;
}

export interface LeadInvitationsTable {
  id: Generated<string>;
  lead_id: string;
  token_hash: string;
  email: string;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  org_id: string | null;
}

export interface BoothHandoffsTable {
  id: Generated<string>;
  event_id: string;
  device_id: string | null;
  token_hash: string;
  vacancy: Json;
  created_at: CreatedAt;
  expires_at: Date;
  opened_at: Date | null;
  lead_id: string | null;
}

export interface Database {
  organisations: OrganisationsTable;
  licence_events: LicenceEventsTable;
  users: UsersTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  api_keys: ApiKeysTable;
  login_attempts: LoginAttemptsTable;
  rate_limits: RateLimitsTable;
  login_throttles: LoginThrottlesTable;
  audit_events: AuditEventsTable;
  job_orders: JobOrdersTable;
  job_order_versions: JobOrderVersionsTable;
  job_order_events: JobOrderEventsTable;
  problem_employers: ProblemEmployersTable;
  destination_standards: DestinationStandardsTable;
  workers: WorkersTable;
  worker_consent_events: WorkerConsentEventsTable;
  search_outbox: SearchOutboxTable;
  search_generations: SearchGenerationsTable;
  shortlist_entries: ShortlistEntriesTable;
  shortlist_events: ShortlistEventsTable;
  shortlist_notes: ShortlistNotesTable;
  disclosure_log: DisclosureLogTable;
  notifications: NotificationsTable;
  email_outbox: EmailOutboxTable;
  fit_notification_jobs: FitNotificationJobsTable;
  fit_notification_deliveries: FitNotificationDeliveriesTable;
  worker_imports: WorkerImportsTable;
  worker_import_failed_rows: WorkerImportFailedRowsTable;
  idempotency_keys: IdempotencyKeysTable;
  events: EventsTable;
  event_staff: EventStaffTable;
  kiosk_devices: KioskDevicesTable;
  leads: LeadsTable;
  lead_events: LeadEventsTable;
  lead_invitations: LeadInvitationsTable;
  booth_handoffs: BoothHandoffsTable;
}

export interface IdempotencyKeysTable {
  /** "org:<id>" (API keys of an organisation) or "user:<id>" (a signed-in person's forms) */
  scope: string;
  key: string;
  /** sha-256 of method, path and body: the same key with another request is refused */
  fingerprint: string;
  state: ColumnType<"running" | "done", "running" | "done" | undefined, "running" | "done">;
  locked_until: Date;
  response_status: number | null;
  response_headers: ColumnType<Record<string, string> | null, string | null, string | null>;
  response_body: string | null;
  /** reset when an expired key is claimed again */
  created_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ShortlistEntriesTable {
  id: Generated<string>;
  job_order_id: string;
  agency_org_id: string;
  /** null once the worker is erased (the entry stays as an anonymous statistic) */
  worker_id: string | null;
  stage: ColumnType<Stage, Stage | undefined, Stage>;
  reason: string | null;
  stat_sector: string;
  stat_isco_code: string | null;
  /** numeric: PostgreSQL returns a string */
  stat_years: ColumnType<string, number, number>;
  stat_province_code: string;
  stat_age_band: string;
  created_by: string | null;
  created_at: CreatedAt;
  stage_changed_at: ColumnType<Date, Date | undefined, Date>;
  disclosure_consent_at: Date | null;
  disclosure_consent_by: string | null;
}

export interface ShortlistEventsTable {
  id: Generated<string>;
  entry_id: string;
  action: string;
  from_stage: Stage | null;
  to_stage: Stage;
  reason: string | null;
  actor_org_id: string | null;
  actor_user_id: string | null;
  actor_label: string | null;
  at: CreatedAt;
}

export interface ShortlistNotesTable {
  id: Generated<string>;
  entry_id: string;
  author_user_id: string | null;
  author_label: string | null;
  body: string;
  created_at: CreatedAt;
}

export interface DisclosureLogTable {
  id: Generated<string>;
  worker_id: string;
  job_order_id: string;
  employer_org_id: string;
  viewer_user_id: string | null;
  viewer_label: string | null;
  fields: string[];
  via: "page" | "api";
  at: CreatedAt;
}

export interface NotificationsTable {
  id: Generated<string>;
  org_id: string;
  kind: string;
  job_order_id: string | null;
  entry_id: string | null;
  params: ColumnType<Record<string, string | number>, string | undefined, string>;
  created_at: CreatedAt;
  read_at: Date | null;
}

export interface EmailOutboxTable {
  id: Generated<string>;
  to_email: string;
  locale: string;
  kind: string;
  subject: string;
  body: string;
  created_at: CreatedAt;
  attempts: ColumnType<number, number | undefined, number>;
  sent_at: Date | null;
  last_error: string | null;
}

/** A verified order whose fitting workers are still to be counted and announced to agencies (decision 023). */
export interface FitNotificationJobsTable {
  id: Generated<string>;
  job_order_id: string;
  created_at: CreatedAt;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date, Date | undefined, Date>;
  last_error: string | null;
  done_at: Date | null;
}

export interface FitNotificationDeliveriesTable {
  job_id: string;
  agency_org_id: string;
  delivered_at: CreatedAt;
}

export type Organisation = Selectable<OrganisationsTable>;
export type NewOrganisation = Insertable<OrganisationsTable>;
export type OrganisationUpdate = Updateable<OrganisationsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Invitation = Selectable<InvitationsTable>;
export type ApiKey = Selectable<ApiKeysTable>;
export type LicenceEvent = Selectable<LicenceEventsTable>;
export type JobOrder = Selectable<JobOrdersTable>;
export type JobOrderVersion = Selectable<JobOrderVersionsTable>;
export type JobOrderEvent = Selectable<JobOrderEventsTable>;
export type Worker = Selectable<WorkersTable>;
export type ShortlistEntry = Selectable<ShortlistEntriesTable>;

export type ImportStatus = "running" | "completed" | "refused" | "failed" | "interrupted";

/** A bulk import of worker profiles: its record survives a crash ('running' with a stale heartbeat = interrupted). */
export interface WorkerImportsTable {
  id: Generated<string>;
  agency_org_id: string;
  created_by: string | null;
  actor_label: string | null;
  source: "api" | "page" | "cli";
  mode: "valid_only" | "all_or_nothing";
  status: ColumnType<ImportStatus, ImportStatus | undefined, ImportStatus>;
  total_rows: ColumnType<number, number | undefined, number>;
  created_count: ColumnType<number, number | undefined, number>;
  updated_count: ColumnType<number, number | undefined, number>;
  error_count: ColumnType<number, number | undefined, number>;
  batches_done: ColumnType<number, number | undefined, number>;
  failure: string | null;
  started_at: CreatedAt;
  heartbeat_at: ColumnType<Date, Date | undefined, Date>;
  finished_at: Date | null;
}
export type WorkerImport = Selectable<WorkerImportsTable>;

export interface WorkerImportFailedRowsTable {
  import_id: string;
  agency_org_id: string;
  /** the file's column names as written */
  header: ColumnType<string[], string, string>;
  /** [{row, cells, issues: [{field, message}]}] */
  rows: ColumnType<{ row: number; cells: string[]; issues: { field: string; message: string }[] }[], string, string>;
  expires_at: Date;
}
