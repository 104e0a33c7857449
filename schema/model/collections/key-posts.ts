import { KEY_POST_HOLDING_STATUSES, KEY_POST_STATUSES, MANAGEMENT_POSTS, PARTICIPATION_TYPES } from '../../codes';
import type { CollectionDef } from '../types';

/** A key post (关键岗位) holder; entry and exit are approved by the bureau. */
export const keyPosts: CollectionDef = {
  collection: 'key_posts',
  label: '关键岗位',
  note: '关键岗位人员入场与退场，由住建局审核',
  icon: 'workspace_premium',
  displayTemplate: '{{post}} · {{person.name}} · {{project.name}}',
  group: 'platform_people',
  // Lists (bookmarks) show related rows by name: without a display template the studio shows only their ids.
  fields: [
    { field: 'project', type: 'integer', label: '项目', required: true, m2o: { collection: 'projects', onDelete: 'CASCADE' }, width: 'half', displayOptions: { template: '{{name}}' } },
    { field: 'unit_role', type: 'string', label: '单位类型', required: true, choices: PARTICIPATION_TYPES, width: 'half' },
    { field: 'unit', type: 'integer', label: '所属企业', m2o: { collection: 'units', onDelete: 'NO ACTION' }, width: 'half', displayOptions: { template: '{{name}}' } },
    { field: 'post', type: 'string', label: '岗位', required: true, choices: MANAGEMENT_POSTS, width: 'half' },
    { field: 'person', type: 'integer', label: '人员', required: true, m2o: { collection: 'people', onDelete: 'NO ACTION' }, width: 'half', displayOptions: { template: '{{name}}' } },
    { field: 'employment', type: 'integer', label: '项目人员记录', m2o: { collection: 'employments', onDelete: 'SET NULL' }, width: 'half' },
    { field: 'certificate', type: 'string', label: '资质证书', m2o: { collection: 'directus_files', onDelete: 'SET NULL' }, width: 'half' },
    { field: 'status', type: 'string', label: '状态', required: true, default: 'pending', choices: KEY_POST_STATUSES, width: 'half' },
    { field: 'entry_date', type: 'date', label: '进场日期', width: 'half' },
    { field: 'exit_date', type: 'date', label: '退场日期', width: 'half' },
    { field: 'exit_reason', type: 'text', label: '退场说明', width: 'full' },
    { field: 'review_reason', type: 'text', label: '审核意见', readonly: true, width: 'full' },
    { field: 'reviewed_at', type: 'timestamp', label: '审核时间', readonly: true, width: 'half' },
    { field: 'date_created', type: 'timestamp', label: '申请时间', special: ['date-created'], readonly: true, width: 'half' },
  ],
  // One holder (or applicant) per post; a rejected or exited row frees the post.
  aliases: [
    { field: 'decision', label: '审核', kind: 'review', note: '待审核的入场登记、退场申请在此审核；其他状态显示审核结果' },
    { field: 'history', label: '操作记录', kind: 'history', note: '登记、审核、退场等操作（审计日志）' },
  ],
  uniques: [{ columns: ['project', 'unit_role', 'post'], where: `status in (${KEY_POST_HOLDING_STATUSES.map((s) => `'${s}'`).join(', ')})` }],
  indexes: [['status']],
};
