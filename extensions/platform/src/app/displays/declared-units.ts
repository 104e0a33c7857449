import { defineDisplay } from '@directus/extensions-sdk';
import { UI } from '../../../../../schema/model/studio-ui';
import DeclaredUnitsSummary from '../components/DeclaredUnitsSummary.vue';

/** In lists: how many main units a declaration names, and the general contractor. */
export default defineDisplay({
  id: UI.declaredUnits,
  name: '五方主体',
  icon: 'handshake',
  description: '列表中显示五方主体单位数与施工总承包单位',
  component: DeclaredUnitsSummary,
  options: null,
  types: ['json'],
});
