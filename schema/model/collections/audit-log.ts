import type { CollectionDef } from '../types';

/** Append-only record of every decision and change (Directus's own history is hidden after 30 days on Core). */
export const auditLog: CollectionDef = {
  collection: 'audit_log',
  label: '审计日志',
  note: '只增不改的操作记录',
  icon: 'history',
  displayTemplate: '{{action}} · {{collection}} · {{at}}',
  group: 'platform_system',
  appendOnly: true,
  fields: [
    { field: 'at', type: 'timestamp', label: '时间', required: true, width: 'half' },
    { field: 'actor', type: 'string', label: '操作人', maxLength: 64, width: 'half' },
    { field: 'actor_kind', type: 'string', label: '操作人类型', maxLength: 16, width: 'half', note: 'user / device / system' },
    { field: 'project', type: 'integer', label: '项目', m2o: { collection: 'projects', onDelete: 'NO ACTION' }, width: 'half' },
    { field: 'action', type: 'string', label: '操作', required: true, maxLength: 64, width: 'half' },
    { field: 'collection', type: 'string', label: '数据集', maxLength: 64, width: 'half' },
    { field: 'item', type: 'string', label: '记录', maxLength: 64, width: 'half' },
    { field: 'before', type: 'json', label: '变更前', special: ['cast-json'], width: 'half' },
    { field: 'after', type: 'json', label: '变更后', special: ['cast-json'], width: 'half' },
    { field: 'note', type: 'text', label: '说明', width: 'full' },
  ],
  indexes: [['project', 'at']],
};
