import { defineDisplay } from '@directus/extensions-sdk';
import { UI } from '../../../../../schema/model/studio-ui';
import NumberText from '../components/NumberText.vue';
import { formatNumber } from '../shared/format';

/** Money with grouping and two decimals, rates as percentages (options: format, unit). */
export default defineDisplay({
  id: UI.number,
  name: '数字格式（金额/比率）',
  icon: 'payments',
  description: '金额保留两位小数并分组，比率显示为百分比',
  component: NumberText,
  handler: (value: unknown, options: Record<string, unknown> | null) => formatNumber(value, options?.['format'] as never, { unit: String(options?.['unit'] ?? '元') }),
  options: [
    { field: 'format', name: '格式', type: 'string', meta: { interface: 'select-dropdown', options: { choices: [{ text: '金额', value: 'money' }, { text: '百分比', value: 'percent' }] } } },
    { field: 'unit', name: '单位', type: 'string', meta: { interface: 'input' } },
  ],
  types: ['decimal', 'float', 'integer', 'bigInteger'],
});
