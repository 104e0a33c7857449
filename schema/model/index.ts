/**
 * The platform's data model, in provisioning order (a collection comes after those it points to).
 * Fits the Directus Core tier: 20 of the 25 active user collections.
 */
import { auditLog } from './collections/audit-log';
import { attendanceDays, cityDays, projectDays } from './collections/attendance';
import { contracts, contractsFiles } from './collections/contracts';
import { deviceCommands, deviceEvents, devices } from './collections/devices';
import { employments } from './collections/employments';
import { keyPosts } from './collections/key-posts';
import { payrollLines, payrolls } from './collections/payrolls';
import { people } from './collections/people';
import { projects } from './collections/projects';
import { punches } from './collections/punches';
import { teams } from './collections/teams';
import { projectUnits, units } from './collections/units';
import { warnings } from './collections/warnings';
import type { CollectionDef, FieldDef } from './types';

export * from './types';

export const COLLECTIONS: readonly CollectionDef[] = [
  projects,
  units,
  projectUnits,
  teams,
  people,
  employments,
  keyPosts,
  contracts,
  contractsFiles,
  devices,
  deviceCommands,
  punches,
  deviceEvents,
  attendanceDays,
  projectDays,
  cityDays,
  warnings,
  payrolls,
  payrollLines,
  auditLog,
];

/** Studio navigation folders (folders do not count against the Core tier's collection limit). */
export const FOLDERS = [
  { collection: 'platform_projects', label: '项目管理', icon: 'apartment', sort: 1 },
  { collection: 'platform_people', label: '实名制人员', icon: 'badge', sort: 2 },
  { collection: 'platform_attendance', label: '考勤管理', icon: 'punch_clock', sort: 3 },
  { collection: 'platform_payroll', label: '工资管理', icon: 'payments', sort: 4 },
  { collection: 'platform_system', label: '系统记录', icon: 'history', sort: 5 },
] as const;

/** Fields our platform adds to `directus_users`: a project-staff account belongs to one project. */
export const USER_FIELDS: readonly FieldDef[] = [
  { field: 'project', type: 'integer', label: '所属项目', m2o: { collection: 'projects', onDelete: 'SET NULL' }, width: 'half', note: '项目账号所属项目；住建局账号为空' },
  { field: 'must_change_password', type: 'boolean', label: '需修改初始密码', default: false, width: 'half' },
];
