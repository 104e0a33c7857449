import { defineInterface } from '@directus/extensions-sdk';
import { UI } from '../../../../../../schema/model/studio-ui';
import ChangesInterface from './ChangesInterface.vue';

/** A JSON object of fields (audit before/after, a device command) as a labelled, readable table (read-only). */
export default defineInterface({
  id: UI.changes,
  name: '字段变更表',
  icon: 'table_rows',
  description: '把 JSON 字段显示为中文字段名与值的表格',
  component: ChangesInterface,
  types: ['json'],
  group: 'other',
  options: [
    { field: 'collectionField', name: '字段所属数据集取自', type: 'string', meta: { interface: 'input' } },
    { field: 'labels', name: '键名称', type: 'json', meta: { interface: 'input-code', options: { language: 'JSON' } } },
  ],
});
