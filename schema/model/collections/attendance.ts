import type { CollectionDef } from '../types';

/** Daily roll-up per employment, recomputed from punches by the scheduler. */
export const attendanceDays: CollectionDef = {
  collection: 'attendance_days',
  label: '每日出勤',
  note: '按人按日汇总的出勤（由定时任务从打卡记录生成）',
  icon: 'event_available',
  displayTemplate: '{{day}} · {{employment.person.name}}',
  group: 'platform_attendance',
  fields: [
    { field: 'project', type: 'integer', label: '项目', required: true, m2o: { collection: 'projects', onDelete: 'CASCADE' }, width: 'half' },
    { field: 'employment', type: 'integer', label: '项目人员', required: true, m2o: { collection: 'employments', onDelete: 'CASCADE' }, width: 'half' },
    { field: 'team', type: 'integer', label: '班组', m2o: { collection: 'teams', onDelete: 'SET NULL' }, width: 'half' },
    { field: 'day', type: 'date', label: '日期', required: true, width: 'half' },
    { field: 'first_in', type: 'timestamp', label: '首次打卡', width: 'half' },
    { field: 'last_out', type: 'timestamp', label: '末次打卡', width: 'half' },
    { field: 'punch_count', type: 'integer', label: '打卡次数', default: 0, width: 'half' },
    { field: 'hours', type: 'decimal', precision: 6, scale: 2, label: '工时', width: 'half' },
    { field: 'valid', type: 'boolean', label: '有效出勤', default: false, width: 'half' },
  ],
  uniques: [['employment', 'day']],
  indexes: [['project', 'day']],
};

/** Daily roll-up per project: the numbers behind attendance rates, warnings and dashboards. */
export const projectDays: CollectionDef = {
  collection: 'project_days',
  label: '项目日统计',
  note: '按项目按日汇总的在场人数、出勤率、关键岗位在岗率',
  icon: 'monitoring',
  displayTemplate: '{{day}} · {{project.name}}',
  group: 'platform_attendance',
  fields: [
    { field: 'project', type: 'integer', label: '项目', required: true, m2o: { collection: 'projects', onDelete: 'CASCADE' }, width: 'half' },
    { field: 'day', type: 'date', label: '日期', required: true, width: 'half' },
    { field: 'on_site', type: 'integer', label: '在场人数', default: 0, width: 'half' },
    { field: 'present', type: 'integer', label: '出勤人数', default: 0, width: 'half' },
    { field: 'attendance_rate', type: 'decimal', precision: 5, scale: 4, label: '出勤率', width: 'half' },
    { field: 'key_posts_required', type: 'integer', label: '关键岗位数', default: 0, width: 'half' },
    { field: 'key_posts_present', type: 'integer', label: '关键岗位到岗数', default: 0, width: 'half' },
    { field: 'key_post_rate', type: 'decimal', precision: 5, scale: 4, label: '关键岗位在岗率', width: 'half' },
  ],
  uniques: [['project', 'day']],
  indexes: [['day']],
};
