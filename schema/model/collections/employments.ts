import { BLOOD_TYPES, EDUCATION_LEVELS, EMPLOYMENT_ROLES, EMPLOYMENT_STATUSES, MANAGEMENT_POSTS, POLITICAL_STATUSES, TRADES, WAGE_SETTLEMENT_MODES } from '../../codes';
import { money, UI } from '../studio-ui';
import type { CollectionDef } from '../types';

const file = { collection: 'directus_files', onDelete: 'SET NULL' } as const;

/**
 * A person on a project: entry to exit. A person returning after an exit gets a new row. Besides
 * team, trade and wages, the employment holds everything the project recorded about the person
 * (contact phone, wage card, the photos it took, the verified face, self-reported details), so a
 * project sees what it recorded and never what another project recorded later. The identity itself
 * (what the ID card says) is the shared `people` row.
 */
export const employments: CollectionDef = {
  collection: 'employments',
  label: '项目人员',
  note: '人员在项目中的一次进场（退场后再次进场为新记录）',
  icon: 'engineering',
  displayTemplate: '{{person.name}} · {{project.name}}',
  group: 'platform_people',
  fields: [
    { field: 'project', type: 'integer', label: '项目', required: true, m2o: { collection: 'projects', onDelete: 'CASCADE' }, width: 'half' },
    { field: 'person', type: 'integer', label: '人员', required: true, m2o: { collection: 'people', onDelete: 'NO ACTION' }, width: 'half' },
    { field: 'team', type: 'integer', label: '班组', required: true, m2o: { collection: 'teams', onDelete: 'NO ACTION' }, width: 'half' },
    { field: 'unit', type: 'integer', label: '参建单位', required: true, m2o: { collection: 'units', onDelete: 'NO ACTION' }, width: 'half' },
    { field: 'role', type: 'string', label: '人员类型', required: true, choices: EMPLOYMENT_ROLES, width: 'half' },
    { field: 'trade', type: 'string', label: '工种/岗位', required: true, maxLength: 32, width: 'half', choices: [...TRADES, ...MANAGEMENT_POSTS], note: '务工人员为工种，管理人员为岗位' },
    { field: 'card_no', type: 'string', label: '考勤卡号', maxLength: 32, width: 'half' },
    { field: 'device_pin', type: 'string', label: '设备工号', required: true, maxLength: 24, width: 'half', note: '下发到考勤设备的人员编号（项目内唯一）' },
    { field: 'entry_date', type: 'date', label: '进场日期', required: true, width: 'half' },
    { field: 'exit_date', type: 'date', label: '退场日期', width: 'half' },
    { field: 'status', type: 'string', label: '状态', required: true, default: 'on_site', choices: EMPLOYMENT_STATUSES, width: 'half' },
    { field: 'exit_reason', type: 'string', label: '退场说明', maxLength: 200, width: 'half' },
    { field: 'wage_method', type: 'string', label: '工资结算方式', choices: WAGE_SETTLEMENT_MODES, width: 'half' },
    { field: 'wage_amount', type: 'decimal', precision: 12, scale: 2, label: '工资标准', width: 'half', ...money() },
    { field: 'wage_unit', type: 'string', label: '计量单位', maxLength: 16, width: 'half' },
    { field: 'contract_template', type: 'string', label: '合同模板', maxLength: 64, width: 'half' },
    // What the project recorded about the person (moved from `people` by migration 2026-12-employment-facts).
    { field: 'phone', type: 'string', label: '联系电话', maxLength: 20, width: 'half', sensitive: true },
    { field: 'education', type: 'string', label: '文化程度', choices: EDUCATION_LEVELS, width: 'half' },
    { field: 'political_status', type: 'string', label: '政治面貌', choices: POLITICAL_STATUSES, width: 'half' },
    { field: 'blood_type', type: 'string', label: '血型', maxLength: 4, choices: BLOOD_TYPES, width: 'half' },
    { field: 'bank_card_no', type: 'string', label: '工资卡号', maxLength: 30, width: 'half', sensitive: true, note: '本人银行卡（工资代发），12–30位数字' },
    { field: 'bank_name', type: 'string', label: '开户银行', maxLength: 100, width: 'half', note: '如 中国农业银行广元分行' },
    { field: 'id_front', type: 'string', label: '身份证人像面', note: '本项目登记时拍摄', m2o: file, width: 'half', sensitive: true },
    { field: 'id_back', type: 'string', label: '身份证国徽面', note: '本项目登记时拍摄', m2o: file, width: 'half', sensitive: true },
    {
      field: 'id_card',
      type: 'json',
      label: '身份证记录',
      note: '本项目登记（或换证、更正）时身份证上的住址、签发机关和有效期限；退场后本项目看到的是这份记录',
      special: ['cast-json'],
      readonly: true,
      width: 'full',
      sensitive: true,
      fieldsOf: 'people',
    },
    { field: 'photo', type: 'string', label: '本人照片', note: '实名制登记时上传；考勤设备用的人脸照片另经人脸采集核验', m2o: file, width: 'half', sensitive: true },
    { field: 'face_photo', type: 'string', label: '人脸照片', m2o: file, width: 'half', sensitive: true },
    { field: 'face_device_photo', type: 'string', label: '设备人脸照片', note: '人脸核验通过后生成的下发考勤设备用照片（JPEG ≤ 50 KB）', m2o: file, hidden: true, readonly: true, width: 'half', sensitive: true },
    { field: 'face_check', type: 'json', label: '人脸核验结果', special: ['cast-json'], readonly: true, width: 'half', interface: UI.faceCheck, display: UI.faceCheck },
    { field: 'date_created', type: 'timestamp', label: '登记时间', special: ['date-created'], readonly: true, width: 'half' },
  ],
  aliases: [{ field: 'history', label: '操作记录', kind: 'history', note: '进场登记、编辑、发卡、退场等操作（审计日志）' }],
  uniques: [
    ['project', 'device_pin'],
    // A person is on site at one project at a time; a card belongs to one on-site person per project.
    { columns: ['person'], where: "status = 'on_site'" },
    { columns: ['project', 'card_no'], where: "status = 'on_site' and card_no is not null" },
  ],
  indexes: [['project', 'status'], ['person', 'status'], ['team', 'status']],
};
