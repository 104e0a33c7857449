import { defineInterface } from '@directus/extensions-sdk';
import { UI } from '../../../../../../schema/model/studio-ui';
import PrivateFile from './PrivateFile.vue';

/** A private image, opened through the audited viewer (a reason first for ID and face photos). */
export default defineInterface({
  id: UI.privateFile,
  name: '证件/人脸照片（审计查看）',
  icon: 'badge',
  description: '不经文件库，逐次查看并记入审计日志',
  component: PrivateFile,
  types: ['uuid', 'string'],
  localTypes: ['file'],
  relational: true,
  group: 'relational',
  options: null,
});
