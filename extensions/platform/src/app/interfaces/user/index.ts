import { defineInterface } from '@directus/extensions-sdk';
import { UI } from '../../../../../../schema/model/studio-ui';
import UserInterface from './UserInterface.vue';

/** A user id stored as text, shown as the person's name (read-only: the platform writes it). */
export default defineInterface({
  id: UI.user,
  name: '用户姓名',
  icon: 'person',
  description: '把用户编号显示为姓名（只读）',
  component: UserInterface,
  types: ['string', 'uuid', 'text'],
  group: 'other',
  options: null,
});
