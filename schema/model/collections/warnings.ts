import { WARNING_KINDS, WARNING_STATUSES } from '../../codes';
import type { CollectionDef } from '../types';

/** A warning (预警) raised by the scheduler, cleared when the cause recovers. */
export const warnings: CollectionDef = {
  collection: 'warnings',
  label: '预警',
  note: '出勤率、关键岗位在岗率、长期未打卡等预警',
  icon: 'warning',
  displayTemplate: '{{kind}} · {{project.name}}',
  group: 'platform_attendance',
  fields: [
    { field: 'project', type: 'integer', label: '项目', required: true, m2o: { collection: 'projects', onDelete: 'CASCADE' }, width: 'half' },
    { field: 'kind', type: 'string', label: '预警类型', required: true, choices: WARNING_KINDS, width: 'half' },
    { field: 'subject', type: 'string', label: '对象', maxLength: 64, width: 'half', note: '如项目人员编号' },
    { field: 'status', type: 'string', label: '状态', required: true, default: 'open', choices: WARNING_STATUSES, width: 'half' },
    { field: 'value', type: 'decimal', precision: 8, scale: 4, label: '实际值', width: 'half' },
    { field: 'threshold', type: 'decimal', precision: 8, scale: 4, label: '阈值', width: 'half' },
    { field: 'message', type: 'string', label: '说明', maxLength: 255, width: 'full' },
    { field: 'raised_on', type: 'date', label: '预警日期', width: 'half' },
    { field: 'resolved_at', type: 'timestamp', label: '解除时间', width: 'half' },
    { field: 'handled_note', type: 'text', label: '处理说明', width: 'full' },
    { field: 'handled_by', type: 'string', label: '处理人', maxLength: 64, width: 'half' },
  ],
  indexes: [['project', 'status'], ['status', 'kind']],
};
