/**
 * Row shapes of the demo city, one interface per table, with exactly the column names of
 * schema/model. Ids are explicit integers so rows can refer to each other before insertion;
 * timestamps are UTC ISO strings, dates 'YYYY-MM-DD', json columns plain values (the loader
 * serialises them for the database at hand).
 */
import type { MainUnitRole } from '../schema/codes/participation';

// The state types come from the shared code lists, so the demo city cannot drift from the model.
import type {
  AttendanceDirection as PunchDirection,
  CommandStatus,
  DeviceDirection,
  DeviceProtocol,
  DeviceStatus,
  EmploymentRole,
  EmploymentStatus,
  KeyPostStatus,
  ProjectStatus,
  TeamKind,
  TeamStatus,
} from '../schema/codes';

export type { PunchDirection, CommandStatus, DeviceDirection, DeviceProtocol, DeviceStatus, EmploymentRole, EmploymentStatus, KeyPostStatus, ProjectStatus, TeamKind, TeamStatus };

/** One of the five main units as the declaration form sends it (`projects.declared_units`). */
export interface DeclaredUnit {
  role: MainUnitRole;
  name: string;
  uscc: string;
  contact_name: string;
  contact_phone: string;
}

export interface ProjectRow {
  id: number;
  application_no: string;
  code: string | null;
  status: ProjectStatus;
  review_reason: string | null;
  name: string;
  category: string;
  investment_nature: string;
  contact_name: string;
  contact_phone: string;
  region_code: string;
  address: string;
  latitude: number;
  longitude: number;
  start_date: string;
  planned_completion_date: string;
  permit_no: string;
  permit_issued_on: string;
  floor_area: number;
  height: number;
  structure_levels: string;
  cost: number;
  payroll_bank: string;
  payroll_account_name: string;
  payroll_account_no: string;
  deposit_method: string;
  deposit_amount: number | null;
  declared_units: DeclaredUnit[];
  submitted_at: string;
  reviewed_at: string | null;
  reviewed_by: string | null;
  initial_password_issued_at: string | null;
}

export interface UnitRow {
  id: number;
  name: string;
  uscc: string;
  legal_person: string;
  contact_name: string;
  contact_phone: string;
}

export interface ProjectUnitRow {
  id: number;
  project: number;
  unit: number;
  participation: string;
  is_main: boolean;
  contact_name: string;
  contact_phone: string;
}

export interface TeamRow {
  id: number;
  project: number;
  unit: number;
  name: string;
  kind: TeamKind;
  trade: string | null;
  leader_name: string | null;
  leader_phone: string | null;
  status: TeamStatus;
  date_created: string;
}

export interface PersonRow {
  id: number;
  name: string;
  id_type: string;
  id_number: string;
  temporary_id: boolean;
  gender: string;
  ethnicity: string;
  birth_date: string;
  address: string;
  issuing_authority: string;
  id_valid_from: string;
  id_valid_to: string;
  date_created: string;
  date_updated: string | null;
}

/** What a project recorded about a person at registration (copied onto each of their employments). */
export interface RecordedFacts {
  phone: string;
  education: string | null;
  political_status: string | null;
  /** 工资卡 (seeds/wage-cards.ts). */
  bank_card_no: string | null;
  bank_name: string | null;
  /** The card as the project read it: the identity's address, issuing authority and validity. */
  id_card: { address: string; issuing_authority: string; id_valid_from: string; id_valid_to: string };
}

interface EmploymentCore {
  id: number;
  project: number;
  person: number;
  team: number;
  unit: number;
  role: EmploymentRole;
  trade: string;
  card_no: string | null;
  device_pin: string;
  entry_date: string;
  exit_date: string | null;
  status: EmploymentStatus;
  exit_reason: string | null;
  wage_method: string;
  wage_amount: number;
  wage_unit: string;
  contract_template: string | null;
  date_created: string;
}

/** An employment with what its project recorded about the person. */
export type EmploymentRow = EmploymentCore & RecordedFacts;

export interface KeyPostRow {
  id: number;
  project: number;
  unit_role: string;
  unit: number;
  post: string;
  person: number;
  employment: number;
  status: KeyPostStatus;
  entry_date: string;
  exit_date: string | null;
  exit_reason: string | null;
  review_reason: string | null;
  reviewed_at: string | null;
  date_created: string;
}

export interface ContractRow {
  id: number;
  employment: number;
  contract_no: string;
  type: string;
  signed_on: string;
  date_created: string;
}

export interface DeviceRow {
  id: number;
  sn: string;
  project: number | null;
  name: string | null;
  protocol: DeviceProtocol;
  direction: DeviceDirection;
  status: DeviceStatus;
  synced_project: number | null;
  /** When it was bound to its project (its punches before that, less the backlog window, are not paid). */
  bound_at: string | null;
  last_seen_at: string;
  last_ip: string;
  firmware: string;
  date_created: string;
}

export interface DeviceCommandRow {
  id: number;
  device: number;
  employment: number;
  kind: 'user_update' | 'face_update' | 'user_delete';
  payload: Record<string, string>;
  status: CommandStatus;
  attempts: number;
  return_code: string | null;
  sent_at: string | null;
  done_at: string | null;
  date_created: string;
}

export interface PunchRow {
  id: number;
  project: number;
  device: number;
  employment: number;
  person: number;
  device_pin: string;
  punched_at: string;
  direction: PunchDirection;
  verify_mode: string;
  source: 'device' | 'manual';
  raw: string;
  dedup_key: string;
  received_at: string;
}

export interface AuditLogRow {
  id: number;
  at: string;
  /** A Directus user id; the seeder replaces DEMO_BUREAU_ACTOR by the bureau user's id. */
  actor: string | null;
  actor_kind: 'user' | 'device' | 'system' | 'public';
  project: number;
  action: string;
  collection: string;
  item: string;
  after: Record<string, string> | null;
  note: string | null;
}

/** Placeholder actor of the bureau's decisions, until the bureau user exists. */
export const DEMO_BUREAU_ACTOR = 'demo:bureau';

/** The demo city: rows per table, keyed by collection name, ready for bulk insert. */
export interface DemoCity {
  projects: ProjectRow[];
  units: UnitRow[];
  project_units: ProjectUnitRow[];
  teams: TeamRow[];
  people: PersonRow[];
  employments: EmploymentRow[];
  key_posts: KeyPostRow[];
  contracts: ContractRow[];
  devices: DeviceRow[];
  device_commands: DeviceCommandRow[];
  punches: PunchRow[];
  audit_log: AuditLogRow[];
}

/** The tables of a demo city in foreign-key order (a table after those it points to). */
export const DEMO_TABLES = [
  'projects',
  'units',
  'project_units',
  'teams',
  'people',
  'employments',
  'key_posts',
  'contracts',
  'devices',
  'device_commands',
  'punches',
  'audit_log',
] as const satisfies readonly (keyof DemoCity)[];
