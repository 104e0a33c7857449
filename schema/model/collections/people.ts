import { BLOOD_TYPES, ETHNICITIES, EDUCATION_LEVELS, GENDERS, ID_TYPES, POLITICAL_STATUSES } from '../../codes';
import { UI } from '../studio-ui';
import type { CollectionDef } from '../types';

/** One row per real person, city-wide, keyed by the ID number. */
export const people: CollectionDef = {
  collection: 'people',
  label: '人员',
  note: '全市实名人员库（按证件号码唯一）',
  icon: 'badge',
  displayTemplate: '{{name}} · {{id_number}}',
  group: 'platform_people',
  fields: [
    { field: 'name', type: 'string', label: '姓名', required: true, maxLength: 50, width: 'half' },
    { field: 'id_type', type: 'string', label: '证件类型', required: true, default: '01', choices: ID_TYPES, width: 'half' },
    { field: 'id_number', type: 'string', label: '证件号码', required: true, unique: true, maxLength: 32, width: 'half', sensitive: true, note: 'GB 11643 校验' },
    { field: 'temporary_id', type: 'boolean', label: '临时身份证', default: false, width: 'half' },
    { field: 'gender', type: 'string', label: '性别', required: true, choices: GENDERS, width: 'half' },
    { field: 'ethnicity', type: 'string', label: '民族', choices: ETHNICITIES, width: 'half' },
    { field: 'birth_date', type: 'date', label: '出生日期', required: true, width: 'half' },
    { field: 'address', type: 'string', label: '住址', maxLength: 200, width: 'full', sensitive: true },
    { field: 'issuing_authority', type: 'string', label: '签发机关', maxLength: 100, width: 'half' },
    { field: 'id_valid_from', type: 'date', label: '有效期起', width: 'half' },
    { field: 'id_valid_to', type: 'string', label: '有效期止', maxLength: 10, width: 'half', note: 'YYYY-MM-DD 或 长期' },
    { field: 'phone', type: 'string', label: '联系电话', maxLength: 20, width: 'half', sensitive: true },
    { field: 'education', type: 'string', label: '文化程度', choices: EDUCATION_LEVELS, width: 'half' },
    { field: 'political_status', type: 'string', label: '政治面貌', choices: POLITICAL_STATUSES, width: 'half' },
    { field: 'blood_type', type: 'string', label: '血型', maxLength: 4, choices: BLOOD_TYPES, width: 'half' },
    { field: 'bank_card_no', type: 'string', label: '工资卡号', maxLength: 30, width: 'half', sensitive: true, note: '本人银行卡（工资代发），12–30位数字' },
    { field: 'bank_name', type: 'string', label: '开户银行', maxLength: 100, width: 'half', note: '如 中国农业银行广元分行' },
    { field: 'id_front', type: 'string', label: '身份证人像面', m2o: { collection: 'directus_files', onDelete: 'SET NULL' }, width: 'half', sensitive: true },
    { field: 'id_back', type: 'string', label: '身份证国徽面', m2o: { collection: 'directus_files', onDelete: 'SET NULL' }, width: 'half', sensitive: true },
    { field: 'face_photo', type: 'string', label: '人脸照片', m2o: { collection: 'directus_files', onDelete: 'SET NULL' }, width: 'half', sensitive: true },
    { field: 'face_device_photo', type: 'string', label: '设备人脸照片', note: '人脸核验通过后生成的下发考勤设备用照片（JPEG ≤ 50 KB）', m2o: { collection: 'directus_files', onDelete: 'SET NULL' }, hidden: true, readonly: true, width: 'half', sensitive: true },
    { field: 'photo', type: 'string', label: '本人照片', note: '实名制登记时上传；考勤设备用的人脸照片另经人脸采集核验', m2o: { collection: 'directus_files', onDelete: 'SET NULL' }, width: 'half', sensitive: true },
    { field: 'face_check', type: 'json', label: '人脸核验结果', special: ['cast-json'], readonly: true, width: 'half', interface: UI.faceCheck, display: UI.faceCheck },
    { field: 'date_created', type: 'timestamp', label: '创建时间', special: ['date-created'], readonly: true, width: 'half' },
    { field: 'date_updated', type: 'timestamp', label: '更新时间', special: ['date-updated'], readonly: true, width: 'half' },
  ],
  aliases: [{ field: 'history', label: '操作记录', kind: 'history', note: '登记、编辑、查看完整信息与照片等操作（审计日志）' }],
};
