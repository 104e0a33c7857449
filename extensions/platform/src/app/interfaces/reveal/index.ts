import { defineInterface } from '@directus/extensions-sdk';
import { UI } from '../../../../../../schema/model/studio-ui';
import Reveal from './Reveal.vue';

/** 查看完整信息 on records with masked personal data: a reason, then the values; audited. */
export default defineInterface({
  id: UI.reveal,
  name: '查看完整信息',
  icon: 'visibility',
  description: '填写事由后查看已隐藏的个人信息，并记入审计日志',
  component: Reveal,
  types: ['alias'],
  localTypes: ['presentation'],
  group: 'presentation',
  options: null,
});
