import { PARTICIPATION_TYPES } from '../../codes';
import type { CollectionDef } from '../types';

/** A company, city-wide, keyed by its unified social credit code. */
export const units: CollectionDef = {
  collection: 'units',
  label: '企业',
  note: '参建企业（全市唯一，以统一社会信用代码区分）',
  icon: 'domain',
  displayTemplate: '{{name}}',
  group: 'platform_projects',
  fields: [
    { field: 'name', type: 'string', label: '企业名称', required: true, maxLength: 200 },
    { field: 'uscc', type: 'string', label: '统一社会信用代码', required: true, unique: true, maxLength: 18, width: 'half', note: 'GB 32100 校验' },
    { field: 'legal_person', type: 'string', label: '法定代表人', maxLength: 50, width: 'half' },
    { field: 'contact_name', type: 'string', label: '联系人', maxLength: 50, width: 'half' },
    { field: 'contact_phone', type: 'string', label: '联系电话', maxLength: 20, width: 'half', sensitive: true },
  ],
};

/** A unit's role in one project (national participation codes). */
export const projectUnits: CollectionDef = {
  collection: 'project_units',
  label: '参建单位',
  note: '企业在项目中的参建类型；五方主体为其中的五条',
  icon: 'handshake',
  displayTemplate: '{{unit.name}} · {{participation}}',
  group: 'platform_projects',
  fields: [
    { field: 'project', type: 'integer', label: '项目', required: true, m2o: { collection: 'projects', onDelete: 'CASCADE' }, width: 'half' },
    { field: 'unit', type: 'integer', label: '企业', required: true, m2o: { collection: 'units', onDelete: 'NO ACTION' }, width: 'half' },
    { field: 'participation', type: 'string', label: '参建类型', required: true, choices: PARTICIPATION_TYPES, width: 'half' },
    { field: 'is_main', type: 'boolean', label: '五方主体', default: false, width: 'half' },
    { field: 'contact_name', type: 'string', label: '项目联系人', maxLength: 50, width: 'half' },
    { field: 'contact_phone', type: 'string', label: '联系电话', maxLength: 20, width: 'half', sensitive: true },
  ],
  uniques: [['project', 'unit', 'participation']],
};
