import { ETHNICITIES, GENDERS, ID_TYPES } from '../../codes';
import type { CollectionDef } from '../types';

/**
 * The identity: one row per real person, city-wide, keyed by the ID number, holding only what the
 * ID card says (and its photos). Established by the first registration; afterwards changed only by
 * an ID renewal (a newer card, audited) or a bureau correction in the studio (audited). Everything
 * a project records about the person (phone, wage card, photos, face) lives on `employments`.
 */
export const people: CollectionDef = {
  collection: 'people',
  label: '人员',
  note: '全市实名人员身份库（按证件号码唯一；仅身份证上的信息，项目登记的其他信息见项目人员）',
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
    { field: 'id_front', type: 'string', label: '身份证人像面', note: '确立或最近换证时的证件照片；各项目看到的是本项目登记时拍摄的（项目人员记录）', m2o: { collection: 'directus_files', onDelete: 'SET NULL' }, width: 'half', sensitive: true },
    { field: 'id_back', type: 'string', label: '身份证国徽面', m2o: { collection: 'directus_files', onDelete: 'SET NULL' }, width: 'half', sensitive: true },
    { field: 'date_created', type: 'timestamp', label: '创建时间', special: ['date-created'], readonly: true, width: 'half' },
    { field: 'date_updated', type: 'timestamp', label: '更新时间', special: ['date-updated'], readonly: true, width: 'half' },
  ],
  aliases: [{ field: 'history', label: '操作记录', kind: 'history', note: '登记、编辑、查看完整信息与照片等操作（审计日志）' }],
};
