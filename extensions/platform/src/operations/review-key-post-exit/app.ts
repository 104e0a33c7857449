import { defineOperationApp } from '@directus/extensions-sdk';

export default defineOperationApp({
  id: 'platform-review-key-post-exit',
  name: '审核退场解锁',
  icon: 'lock_open',
  description: '同意（人员退场、岗位解锁）或驳回（人员继续在岗，须填写原因）关键岗位退场申请',
  overview: () => [{ label: '操作', text: '审核退场解锁' }],
  options: [],
});
