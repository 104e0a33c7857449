import { CONTRACT_TERM_TYPES } from '../../codes';
import type { CollectionDef } from '../types';

/** A labour contract (劳动合同) of one employment, with photos of the paper contract. */
export const contracts: CollectionDef = {
  collection: 'contracts',
  label: '劳动合同',
  note: '劳动合同及纸质合同照片',
  icon: 'contract',
  displayTemplate: '{{contract_no}} · {{employment.person.name}}',
  group: 'platform_people',
  fields: [
    { field: 'employment', type: 'integer', label: '项目人员', required: true, m2o: { collection: 'employments', onDelete: 'CASCADE' }, width: 'half' },
    { field: 'contract_no', type: 'string', label: '合同编号', required: true, unique: true, maxLength: 40, width: 'half' },
    { field: 'type', type: 'string', label: '合同类型', required: true, choices: CONTRACT_TERM_TYPES, width: 'half' },
    { field: 'signed_on', type: 'date', label: '签订日期', required: true, width: 'half' },
    { field: 'date_created', type: 'timestamp', label: '上传时间', special: ['date-created'], readonly: true, width: 'half' },
  ],
  aliases: [{ field: 'photos', label: '合同附件', kind: 'files', related: 'contracts_files', foreignKey: 'contracts_id' }],
  // One contract per stay on a project; more pages of it are more photos.
  uniques: [['employment']],
};

/** Junction of contracts and their photos (Directus `files` many-to-many). */
export const contractsFiles: CollectionDef = {
  collection: 'contracts_files',
  label: '合同附件',
  note: '合同与照片的关联',
  icon: 'attach_file',
  hidden: true,
  group: 'platform_people',
  fields: [
    { field: 'contracts_id', type: 'integer', label: '合同', m2o: { collection: 'contracts', onDelete: 'CASCADE' }, hidden: true },
    { field: 'directus_files_id', type: 'string', label: '文件', m2o: { collection: 'directus_files', onDelete: 'CASCADE' }, hidden: true },
    { field: 'sort', type: 'integer', label: '排序', hidden: true },
  ],
};
