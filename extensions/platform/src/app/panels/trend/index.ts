import { definePanel } from '@directus/extensions-sdk';
import type { PanelQuery } from '@directus/types';
import { UI } from '../../../../../../schema/model/studio-ui';
import { trendQuery } from '../../../../../../schema/insights-query';
import Trend from './Trend.vue';

/** A daily figure over the last days: Chinese dates, rates as percentages (schema/insights.ts uses it). */
export default definePanel({
  id: UI.trend,
  name: '日趋势（中文）',
  icon: 'show_chart',
  description: '按日折线图：中文日期，比率显示为百分比',
  component: Trend,
  minWidth: 12,
  minHeight: 8,
  // The query's filter is a Directus filter (`{ _and: [...] }`), built from the panel's own filter.
  query: (options: Record<string, any>) => trendQuery(options) as unknown as PanelQuery,
  options: [
    { field: 'collection', name: '数据集', type: 'string', meta: { interface: 'system-collection', width: 'half' } },
    { field: 'dateField', name: '日期字段', type: 'string', meta: { interface: 'input', width: 'half' } },
    { field: 'valueField', name: '数值字段', type: 'string', meta: { interface: 'input', width: 'half' } },
    { field: 'function', name: '汇总方式', type: 'string', meta: { interface: 'input', width: 'half' }, schema: { default_value: 'max' } },
    { field: 'range', name: '时间范围', type: 'string', meta: { interface: 'input', width: 'half' }, schema: { default_value: '30 days' } },
    { field: 'format', name: '数值格式', type: 'string', meta: { interface: 'select-dropdown', width: 'half', options: { choices: [{ text: '百分比', value: 'percent' }, { text: '数量', value: 'count' }] } } },
    { field: 'color', name: '颜色', type: 'string', meta: { interface: 'select-color', width: 'half' } },
    { field: 'filter', name: '筛选', type: 'json', meta: { interface: 'input-code', options: { language: 'JSON' } } },
  ],
});
