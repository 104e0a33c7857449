import { defineDisplay } from '@directus/extensions-sdk';
import { UI } from '../../../../../schema/model/studio-ui';
import EmploymentName from '../components/EmploymentName.vue';

/** A warning's subject (an employment id) as the person's name, team and project. */
export default defineDisplay({
  id: UI.employment,
  name: '项目人员姓名',
  icon: 'engineering',
  description: '把项目人员编号显示为姓名、班组和项目',
  component: EmploymentName,
  options: null,
  types: ['string', 'integer'],
});
