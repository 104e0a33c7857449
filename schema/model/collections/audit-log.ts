import { AUDIT_ACTIONS, AUDIT_ACTOR_KINDS } from '../../codes';
import { COLLECTION_LABELS } from '../collection-labels';
import { UI, userRef } from '../studio-ui';
import type { CollectionDef } from '../types';

const changes = { interface: UI.changes, options: { collectionField: 'collection' } };

/** Append-only record of every decision and change (Directus's own history is hidden after 30 days on Core). */
export const auditLog: CollectionDef = {
  collection: 'audit_log',
  label: '审计日志',
  note: '只增不改的操作记录',
  icon: 'history',
  displayTemplate: '{{at}} · {{action}} · {{collection}}',
  group: 'platform_system',
  appendOnly: true,
  fields: [
    { field: 'at', type: 'timestamp', label: '时间', required: true, width: 'half' },
    { field: 'actor', type: 'string', label: '操作人', maxLength: 64, width: 'half', ...userRef },
    { field: 'actor_kind', type: 'string', label: '操作人类型', maxLength: 16, width: 'half', choices: AUDIT_ACTOR_KINDS },
    { field: 'project', type: 'integer', label: '项目', m2o: { collection: 'projects', onDelete: 'NO ACTION' }, width: 'half' },
    { field: 'action', type: 'string', label: '操作', required: true, maxLength: 64, width: 'half', choices: AUDIT_ACTIONS },
    { field: 'collection', type: 'string', label: '数据类别', maxLength: 64, width: 'half', choices: COLLECTION_LABELS },
    { field: 'item', type: 'string', label: '记录编号', maxLength: 64, width: 'half' },
    { field: 'before', type: 'json', label: '变更前', special: ['cast-json'], width: 'half', ...changes },
    { field: 'after', type: 'json', label: '变更后', special: ['cast-json'], width: 'half', ...changes },
    { field: 'note', type: 'text', label: '说明', width: 'full' },
  ],
  indexes: [['project', 'at']],
};
