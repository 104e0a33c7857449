import { defineInterface } from '@directus/extensions-sdk';
import { UI } from '../../../../../../schema/model/studio-ui';
import NumberInterface from './NumberInterface.vue';

/** A number entered plainly, shown formatted when read-only: money, percent, or a warning's figure. */
export default defineInterface({
  id: UI.number,
  name: '数字格式（金额/比率）',
  icon: 'payments',
  description: '只读时金额分组并保留两位小数、比率显示为百分比',
  component: NumberInterface,
  types: ['decimal', 'float', 'integer', 'bigInteger'],
  group: 'standard',
  options: [
    { field: 'format', name: '格式', type: 'string', meta: { interface: 'select-dropdown', options: { choices: [{ text: '金额', value: 'money' }, { text: '百分比', value: 'percent' }, { text: '预警数值', value: 'warning-figure' }] } } },
    { field: 'unit', name: '单位', type: 'string', meta: { interface: 'input' } },
  ],
});
