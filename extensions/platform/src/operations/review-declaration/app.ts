import { defineOperationApp } from '@directus/extensions-sdk';

export default defineOperationApp({
  id: 'platform-review-declaration',
  name: '审核项目申报',
  icon: 'fact_check',
  description: '通过或驳回项目申报（通过时生成项目编码、五方主体与项目账号）',
  overview: () => [{ label: '操作', text: '审核项目申报' }],
  options: [],
});
