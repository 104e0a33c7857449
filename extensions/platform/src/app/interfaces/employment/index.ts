import { defineInterface } from '@directus/extensions-sdk';
import { UI } from '../../../../../../schema/model/studio-ui';
import EmploymentInterface from './EmploymentInterface.vue';

/** A warning's subject (an employment id), shown as the person with a link to their record (read-only). */
export default defineInterface({
  id: UI.employment,
  name: '项目人员姓名',
  icon: 'engineering',
  description: '把项目人员编号显示为姓名、班组和项目（只读）',
  component: EmploymentInterface,
  types: ['string', 'integer'],
  group: 'other',
  options: null,
});
