import { defineDisplay } from '@directus/extensions-sdk';
import { UI } from '../../../../../schema/model/studio-ui';
import PhotoState from '../components/PhotoState.vue';

/** In lists: whether a private image is there (never a thumbnail, which would bypass the audited viewer). */
export default defineDisplay({
  id: UI.privateFile,
  name: '照片状态',
  icon: 'image',
  description: '列表中显示是否已上传（不显示缩略图）',
  component: PhotoState,
  options: null,
  types: ['uuid', 'string'],
  localTypes: ['file'],
});
