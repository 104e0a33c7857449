import { defineInterface } from '@directus/extensions-sdk';
import { UI } from '../../../../../../schema/model/studio-ui';
import Review from './Review.vue';

/** The bureau's decision on a project declaration or key post, offered only in the state it applies to. */
export default defineInterface({
  id: UI.review,
  name: '审核',
  icon: 'fact_check',
  description: '待审核时显示审核表单，审核后显示结果（项目：编码与项目账号）',
  component: Review,
  types: ['alias'],
  localTypes: ['presentation'],
  group: 'presentation',
  options: null,
});
