/**
 * The Chinese name of every collection the audit log can name (`audit_log.collection`), as a code
 * list. It cannot be derived from COLLECTIONS here (audit-log.ts is one of them), so
 * collection-labels.test.ts checks that it names each of them with its own label.
 */
import type { CodeList } from '../codes/code-list';

export const COLLECTION_LABELS = [
  { value: 'projects', label: '项目' },
  { value: 'units', label: '企业' },
  { value: 'project_units', label: '参建单位' },
  { value: 'teams', label: '班组' },
  { value: 'people', label: '人员' },
  { value: 'employments', label: '项目人员' },
  { value: 'key_posts', label: '关键岗位' },
  { value: 'contracts', label: '劳动合同' },
  { value: 'contracts_files', label: '合同附件' },
  { value: 'devices', label: '考勤设备' },
  { value: 'device_commands', label: '设备指令' },
  { value: 'punches', label: '打卡记录' },
  { value: 'device_events', label: '设备事件' },
  { value: 'credentials', label: '接入凭证' },
  { value: 'attendance_days', label: '每日出勤' },
  { value: 'project_days', label: '项目日统计' },
  { value: 'city_days', label: '全市日统计' },
  { value: 'warnings', label: '预警' },
  { value: 'payrolls', label: '工资表' },
  { value: 'payroll_lines', label: '工资明细' },
  { value: 'audit_log', label: '审计日志' },
  { value: 'directus_users', label: '用户账号' },
] as const satisfies CodeList;
