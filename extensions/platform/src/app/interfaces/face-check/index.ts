import { defineInterface } from '@directus/extensions-sdk';
import { UI } from '../../../../../../schema/model/studio-ui';
import FaceCheck from '../../components/FaceCheck.vue';

/** 人脸核验结果 as the list of checks with Chinese names, passed or failed (read-only). */
export default defineInterface({
  id: UI.faceCheck,
  name: '人脸核验结果',
  icon: 'face',
  description: '逐项显示人脸核验的检查项及是否通过',
  component: FaceCheck,
  types: ['json'],
  group: 'other',
  options: null,
});
