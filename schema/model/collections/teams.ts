import { TEAM_KINDS, TEAM_STATUSES, TRADES } from '../../codes';
import type { CollectionDef } from '../types';

export const teams: CollectionDef = {
  collection: 'teams',
  label: '班组',
  note: '项目班组：管理人员班组或务工人员班组',
  icon: 'groups',
  displayTemplate: '{{name}} · {{project.name}}',
  group: 'platform_people',
  fields: [
    { field: 'project', type: 'integer', label: '项目', required: true, m2o: { collection: 'projects', onDelete: 'CASCADE' }, width: 'half' },
    { field: 'unit', type: 'integer', label: '所属企业', required: true, m2o: { collection: 'units', onDelete: 'NO ACTION' }, width: 'half' },
    { field: 'name', type: 'string', label: '班组名称', required: true, maxLength: 100, width: 'half' },
    { field: 'kind', type: 'string', label: '班组类型', required: true, choices: TEAM_KINDS, width: 'half' },
    { field: 'trade', type: 'string', label: '工种', choices: TRADES, width: 'half' },
    { field: 'leader_name', type: 'string', label: '班组长', maxLength: 50, width: 'half' },
    { field: 'leader_phone', type: 'string', label: '班组长电话', maxLength: 20, width: 'half', sensitive: true },
    { field: 'status', type: 'string', label: '状态', required: true, default: 'active', choices: TEAM_STATUSES, width: 'half' },
    { field: 'date_created', type: 'timestamp', label: '创建时间', special: ['date-created'], readonly: true, width: 'half' },
  ],
  uniques: [['project', 'name']],
};
