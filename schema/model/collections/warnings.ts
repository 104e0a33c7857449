import { WARNING_KINDS, WARNING_STATUSES } from '../../codes';
import { UI, userRef } from '../studio-ui';
import type { CollectionDef } from '../types';

/**
 * A warning (预警) raised by the attendance roll-up and resolved by it when the cause recovers
 * (extensions/platform/src/attendance/warning-decisions.ts). At most one row per project + kind +
 * subject is active (status open or handled) at a time; while the cause lasts the scheduler
 * keeps its value and message current, and when it is gone sets status resolved and resolved_at.
 * - attendance_rate (subject null): yesterday's project_days.attendance_rate below
 *   PLATFORM_ATTENDANCE_WARN_RATE (default 0.6); value = the rate, raised_on = that day;
 * - key_post_presence (subject null): yesterday's key_post_rate below PLATFORM_KEYPOST_WARN_RATE
 *   (default 0.8);
 * - long_absence (subject = employment id): on site with no punch for PLATFORM_NO_PUNCH_WARN_DAYS
 *   (default 7) full days; value = days missed. The fix is to exit the person (or they come back).
 * Bureau staff mark an open warning handled with a note (warnings/handle-warning.ts: note required,
 * handled_by/handled_at set by the server, audited); it is still resolved when the cause ends.
 */
export const warnings: CollectionDef = {
  collection: 'warnings',
  label: '预警',
  note: '定时任务按昨日出勤率、关键岗位在岗率和连续未打卡天数生成，原因消除后自动解除；同一项目同一类型同一对象只保留一条未解除预警',
  icon: 'warning',
  displayTemplate: '{{kind}} · {{project.name}}',
  group: 'platform_attendance',
  fields: [
    { field: 'project', type: 'integer', label: '项目', required: true, m2o: { collection: 'projects', onDelete: 'CASCADE' }, readonly: true, width: 'half' },
    { field: 'kind', type: 'string', label: '预警类型', required: true, choices: WARNING_KINDS, readonly: true, width: 'half' },
    { field: 'subject', type: 'string', label: '预警人员', maxLength: 64, readonly: true, width: 'half', interface: UI.employment, display: UI.employment, note: '长期未打卡的人员；项目级预警为空' },
    { field: 'status', type: 'string', label: '状态', required: true, default: 'open', choices: WARNING_STATUSES, width: 'half', note: '处理时改为“已处理”并填写处理说明；“已解除”由系统在原因消除后设置' },
    { field: 'value', type: 'decimal', precision: 8, scale: 4, label: '实际值', readonly: true, width: 'half', interface: UI.number, options: { format: 'warning-figure' } },
    { field: 'threshold', type: 'decimal', precision: 8, scale: 4, label: '阈值', readonly: true, width: 'half', interface: UI.number, options: { format: 'warning-figure' } },
    { field: 'message', type: 'string', label: '说明', maxLength: 255, readonly: true, width: 'full' },
    { field: 'raised_on', type: 'date', label: '预警日期', readonly: true, width: 'half' },
    { field: 'resolved_at', type: 'timestamp', label: '解除时间', readonly: true, width: 'half' },
    { field: 'handled_note', type: 'text', label: '处理说明', width: 'full', note: '标记为已处理时必填，如“已电话督促项目办理退场”' },
    { field: 'handled_by', type: 'string', label: '处理人', maxLength: 64, readonly: true, width: 'half', ...userRef },
    { field: 'handled_at', type: 'timestamp', label: '处理时间', readonly: true, width: 'half' },
  ],
  indexes: [['project', 'status'], ['status', 'kind']],
};
