import { defineDisplay } from '@directus/extensions-sdk';
import { UI } from '../../../../../schema/model/studio-ui';
import FaceCheckSummary from '../components/FaceCheckSummary.vue';

/** In lists: whether the face check passed, or how many checks failed. */
export default defineDisplay({
  id: UI.faceCheck,
  name: '人脸核验结果',
  icon: 'face',
  description: '列表中显示人脸核验是否通过',
  component: FaceCheckSummary,
  options: null,
  types: ['json'],
});
