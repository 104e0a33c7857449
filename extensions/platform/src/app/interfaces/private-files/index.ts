import { defineInterface } from '@directus/extensions-sdk';
import { UI } from '../../../../../../schema/model/studio-ui';
import PrivateFiles from './PrivateFiles.vue';

/** A record's photos (a files alias such as a contract's pages), each opened through the audited viewer. */
export default defineInterface({
  id: UI.privateFiles,
  name: '附件照片（审计查看）',
  icon: 'photo_library',
  description: '逐张查看附件照片并记入审计日志',
  component: PrivateFiles,
  types: ['alias'],
  localTypes: ['files'],
  relational: true,
  group: 'relational',
  options: null,
});
