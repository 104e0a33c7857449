import { defineOperationApp } from '@directus/extensions-sdk';

export default defineOperationApp({
  id: 'platform-review-key-post',
  name: '审核关键岗位',
  icon: 'how_to_reg',
  description: '通过或驳回关键岗位人员的入场登记（驳回须填写原因）',
  overview: () => [{ label: '操作', text: '审核关键岗位' }],
  options: [],
});
