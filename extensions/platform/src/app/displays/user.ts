import { defineDisplay } from '@directus/extensions-sdk';
import { UI } from '../../../../../schema/model/studio-ui';
import UserName from '../components/UserName.vue';

/** A user id stored as text (audit log actor, handled_by, …) as the person's name. */
export default defineDisplay({
  id: UI.user,
  name: '用户姓名',
  icon: 'person',
  description: '把用户编号显示为姓名',
  component: UserName,
  options: null,
  types: ['string', 'uuid', 'text'],
});
