/** Studio settings and shared bookmarks for bureau staff. */
import { ROLE_IDS } from './access/roles';

export const SETTINGS = {
  project_name: '建筑工人实名制管理平台',
  project_descriptor: '广元市住房和城乡建设局',
  default_language: 'zh-CN',
  project_color: '#1989FA',
  // Locks an account after this many wrong passwords (Directus suspends the user).
  auth_login_attempts: 5,
} as const;

export interface BookmarkDef {
  name: string;
  collection: string;
  icon: string;
  role: string | null;
  fields: string[];
  sort: string[];
  filter: Record<string, unknown>;
}

export const BOOKMARKS: readonly BookmarkDef[] = [
  {
    name: '待审核项目申报',
    collection: 'projects',
    icon: 'pending_actions',
    role: null,
    fields: ['application_no', 'name', 'category', 'contact_name', 'contact_phone', 'region_code', 'submitted_at'],
    sort: ['submitted_at'],
    filter: { _and: [{ status: { _eq: 'submitted' } }] },
  },
  {
    name: '待审核关键岗位',
    collection: 'key_posts',
    icon: 'how_to_reg',
    role: null,
    fields: ['project', 'unit_role', 'post', 'person', 'unit', 'entry_date', 'date_created'],
    sort: ['date_created'],
    filter: { _and: [{ status: { _eq: 'pending' } }] },
  },
  {
    name: '退场解锁申请',
    collection: 'key_posts',
    icon: 'lock_open',
    role: null,
    fields: ['project', 'unit_role', 'post', 'person', 'unit', 'entry_date', 'exit_date', 'exit_reason'],
    sort: ['exit_date'],
    filter: { _and: [{ status: { _eq: 'exit_pending' } }] },
  },
  {
    name: '未处理预警',
    collection: 'warnings',
    icon: 'warning',
    role: ROLE_IDS.bureau,
    fields: ['raised_on', 'project', 'kind', 'message'],
    sort: ['-raised_on'],
    filter: { _and: [{ status: { _eq: 'open' } }] },
  },
];

/** Default table layouts (columns and sort) every studio user starts from, per collection. */
export const LIST_LAYOUTS: Readonly<Record<string, { fields: string[]; sort: string[] }>> = {
  projects: { fields: ['name', 'code', 'status', 'category', 'region_code', 'contact_name', 'submitted_at'], sort: ['-submitted_at'] },
  units: { fields: ['name', 'uscc', 'legal_person', 'contact_name'], sort: ['name'] },
  project_units: { fields: ['project', 'unit', 'participation', 'is_main'], sort: ['project'] },
  teams: { fields: ['name', 'project', 'unit', 'kind', 'trade', 'status'], sort: ['project', 'name'] },
  people: { fields: ['name', 'gender', 'ethnicity', 'birth_date', 'id_number', 'id_valid_to'], sort: ['name'] },
  employments: { fields: ['person', 'project', 'team', 'role', 'trade', 'phone', 'entry_date', 'status'], sort: ['-entry_date'] },
  key_posts: { fields: ['project', 'unit_role', 'post', 'person', 'status', 'entry_date'], sort: ['project'] },
  contracts: { fields: ['contract_no', 'employment', 'type', 'signed_on'], sort: ['-signed_on'] },
  devices: { fields: ['sn', 'name', 'project', 'protocol', 'direction', 'status', 'last_seen_at', 'clock_error_at', 'agent'], sort: ['project'] },
  device_commands: { fields: ['device', 'kind', 'status', 'attempts', 'error_message', 'date_created'], sort: ['-date_created'] },
  credentials: { fields: ['name', 'kind', 'project', 'status', 'token_hint', 'last_used_at'], sort: ['project'] },
  punches: { fields: ['punched_at', 'person', 'project', 'device', 'direction', 'source'], sort: ['-punched_at'] },
  device_events: { fields: ['received_at', 'kind', 'sn', 'project', 'pin', 'occurred_at', 'count', 'detail'], sort: ['-received_at'] },
  attendance_days: { fields: ['day', 'employment', 'project', 'first_in', 'last_out', 'hours', 'valid'], sort: ['-day'] },
  project_days: { fields: ['day', 'project', 'on_site', 'present', 'attendance_rate', 'key_post_rate'], sort: ['-day'] },
  warnings: { fields: ['raised_on', 'project', 'kind', 'message', 'status', 'handled_by'], sort: ['-raised_on'] },
  payrolls: { fields: ['month', 'project', 'status', 'line_count', 'total_due', 'total_paid', 'confirmed_at'], sort: ['-month', 'project'] },
  payroll_lines: { fields: ['payroll', 'name', 'team_name', 'wage_method', 'days', 'hours', 'units', 'amount_due', 'amount_paid', 'payment_status'], sort: ['payroll', 'team_name', 'name'] },
  audit_log: { fields: ['at', 'action', 'actor', 'project', 'collection', 'note'], sort: ['-at'] },
};
