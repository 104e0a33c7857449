import { ATTENDANCE_DIRECTIONS, ATTENDANCE_SOURCES } from '../../codes';
import { userRef } from '../studio-ui';
import type { CollectionDef } from '../types';

/**
 * A punch (打卡). `dedup_key` is unique, so a device resending the same record is a no-op:
 * wages are paid from these rows, so a punch must be stored exactly once.
 */
export const punches: CollectionDef = {
  collection: 'punches',
  label: '打卡记录',
  note: '考勤原始记录（不可删除）',
  icon: 'punch_clock',
  displayTemplate: '{{person.name}} · {{punched_at}}',
  group: 'platform_attendance',
  appendOnly: true,
  fields: [
    { field: 'project', type: 'integer', label: '项目', m2o: { collection: 'projects', onDelete: 'NO ACTION' }, width: 'half' },
    { field: 'device', type: 'integer', label: '设备', m2o: { collection: 'devices', onDelete: 'NO ACTION' }, width: 'half' },
    { field: 'employment', type: 'integer', label: '项目人员', m2o: { collection: 'employments', onDelete: 'NO ACTION' }, width: 'half', note: '为空表示设备工号未匹配到人员，待核查' },
    { field: 'person', type: 'integer', label: '人员', m2o: { collection: 'people', onDelete: 'NO ACTION' }, width: 'half' },
    { field: 'device_pin', type: 'string', label: '设备工号', maxLength: 24, width: 'half' },
    { field: 'punched_at', type: 'timestamp', label: '打卡时间', required: true, width: 'half' },
    { field: 'direction', type: 'string', label: '方向', choices: ATTENDANCE_DIRECTIONS, width: 'half' },
    { field: 'verify_mode', type: 'string', label: '验证方式', maxLength: 16, width: 'half' },
    { field: 'source', type: 'string', label: '来源', required: true, default: 'device', choices: ATTENDANCE_SOURCES, width: 'half' },
    { field: 'reason', type: 'string', label: '补录原因', maxLength: 200, width: 'half' },
    { field: 'created_by', type: 'string', label: '补录人', maxLength: 64, width: 'half', ...userRef },
    { field: 'dedup_key', type: 'string', label: '去重键', required: true, unique: true, maxLength: 160, hidden: true },
    { field: 'raw', type: 'text', label: '原始数据', width: 'full' },
    { field: 'received_at', type: 'timestamp', label: '接收时间', readonly: true, width: 'half' },
  ],
  // received_at: the attendance roll-up finds late-arriving punches (an offline device's backlog) by it.
  indexes: [['project', 'punched_at'], ['employment', 'punched_at'], ['device', 'punched_at'], ['received_at']],
};
