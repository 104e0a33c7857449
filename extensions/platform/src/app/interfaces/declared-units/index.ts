import { defineInterface } from '@directus/extensions-sdk';
import { UI } from '../../../../../../schema/model/studio-ui';
import DeclaredUnits from '../../components/DeclaredUnits.vue';

/** 申报的五方主体 as a table of unit type, name and credit code (read-only). */
export default defineInterface({
  id: UI.declaredUnits,
  name: '五方主体',
  icon: 'handshake',
  description: '申报的五方主体：单位类型、名称、统一社会信用代码',
  component: DeclaredUnits,
  types: ['json'],
  group: 'other',
  options: null,
});
