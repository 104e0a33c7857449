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
    fields: ['project', 'unit_role', 'post', 'person', 'unit', 'date_created'],
    sort: ['date_created'],
    filter: { _and: [{ status: { _eq: 'pending' } }] },
  },
  {
    name: '退场解锁申请',
    collection: 'key_posts',
    icon: 'lock_open',
    role: null,
    fields: ['project', 'unit_role', 'post', 'person', 'exit_date', 'exit_reason'],
    sort: ['exit_date'],
    filter: { _and: [{ status: { _eq: 'exit_pending' } }] },
  },
  {
    name: '未处理预警',
    collection: 'warnings',
    icon: 'warning',
    role: ROLE_IDS.bureau,
    fields: ['project', 'kind', 'message', 'value', 'threshold', 'raised_on'],
    sort: ['-raised_on'],
    filter: { _and: [{ status: { _eq: 'open' } }] },
  },
];
