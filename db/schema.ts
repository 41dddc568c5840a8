// The one Database interface for Kysely: a table per entry, columns as PostgreSQL returns them.
// `date` columns are returned as 'YYYY-MM-DD' strings (see db/client.ts), timestamps as Date.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { LicenceStatus, OrgKind, Role } from "~/domain/org";

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

export interface Database {
  organisations: OrganisationsTable;
  licence_events: LicenceEventsTable;
  users: UsersTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  api_keys: ApiKeysTable;
  login_attempts: LoginAttemptsTable;
  audit_events: AuditEventsTable;
}

export type Organisation = Selectable<OrganisationsTable>;
export type NewOrganisation = Insertable<OrganisationsTable>;
export type OrganisationUpdate = Updateable<OrganisationsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Invitation = Selectable<InvitationsTable>;
export type ApiKey = Selectable<ApiKeysTable>;
export type LicenceEvent = Selectable<LicenceEventsTable>;
