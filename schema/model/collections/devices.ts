import { COMMAND_STATUSES, DEVICE_DIRECTIONS, DEVICE_EVENT_KINDS, DEVICE_PROTOCOLS, DEVICE_STATUSES } from '../../codes';
import type { CollectionDef } from '../types';

/** An attendance terminal at a site gate, identified by its serial number. */
export const devices: CollectionDef = {
  collection: 'devices',
  label: '考勤设备',
  note: '考勤设备；未登记的序列号首次连接时记为待绑定',
  icon: 'fingerprint',
  displayTemplate: '{{name}} · {{sn}}',
  group: 'platform_attendance',
  fields: [
    { field: 'sn', type: 'string', label: '设备序列号', required: true, unique: true, maxLength: 64, width: 'half' },
    { field: 'project', type: 'integer', label: '项目', m2o: { collection: 'projects', onDelete: 'SET NULL' }, width: 'half' },
    { field: 'name', type: 'string', label: '设备名称', maxLength: 100, width: 'half' },
    { field: 'protocol', type: 'string', label: '协议', required: true, choices: DEVICE_PROTOCOLS, width: 'half' },
    { field: 'direction', type: 'string', label: '进出方向', required: true, default: 'both', choices: DEVICE_DIRECTIONS, width: 'half' },
    { field: 'status', type: 'string', label: '状态', required: true, default: 'pending', choices: DEVICE_STATUSES, width: 'half' },
    {
      field: 'auth_secret',
      type: 'text',
      label: '设备密钥',
      secret: true,
      width: 'half',
      note: '与设备上设置的一致，保存后不可读回（显示为 **********）。中控：通讯密钥 PushCommKey；宇泛：回调地址末段；海康：HTTP 监听地址末段或认证密码。8–32 位字母、数字或 . _ ~ -',
    },
    {
      field: 'allowed_ips',
      type: 'text',
      label: '允许的来源地址',
      interface: 'input-multiline',
      width: 'half',
      note: '工地出口的公网 IP 或网段，每行一个（如 223.85.10.4 或 223.85.10.0/24）；留空不限制。启用设备须设置密钥或来源地址',
    },
    { field: 'last_seen_at', type: 'timestamp', label: '最后在线', readonly: true, width: 'half' },
    { field: 'last_ip', type: 'string', label: '最后IP', maxLength: 64, readonly: true, width: 'half' },
    { field: 'firmware', type: 'string', label: '固件版本', maxLength: 64, readonly: true, width: 'half' },
    { field: 'attlog_stamp', type: 'string', label: 'ATTLOG 戳', maxLength: 32, readonly: true, hidden: true },
    { field: 'operlog_stamp', type: 'string', label: 'OPERLOG 戳', maxLength: 32, readonly: true, hidden: true },
    { field: 'last_error', type: 'string', label: '最近错误', maxLength: 500, readonly: true, width: 'full', note: '设备上传中无法识别、未保存的记录' },
    { field: 'last_error_at', type: 'timestamp', label: '最近错误时间', readonly: true, width: 'half' },
    {
      field: 'clock_error_at',
      type: 'timestamp',
      label: '设备时间异常',
      readonly: true,
      width: 'half',
      note: '最近一次收到时间不合理（超前或早于绑定）的打卡；这些打卡不计考勤，见设备事件。之后收到正常打卡即清除',
    },
    { field: 'clock_error', type: 'string', label: '时间异常说明', maxLength: 200, readonly: true, width: 'half' },
    { field: 'bound_at', type: 'timestamp', label: '绑定时间', readonly: true, width: 'half', note: '启用并绑定到当前项目的时间；早于它减去补传窗口的打卡不计考勤' },
    { field: 'auth_ip', type: 'string', label: '认证来源地址', maxLength: 64, readonly: true, width: 'half', note: '中控设备最近一次用通讯密钥握手的地址；之后的上传须来自该地址' },
    { field: 'auth_at', type: 'timestamp', label: '认证时间', readonly: true, width: 'half' },
    {
      field: 'synced_project',
      type: 'integer',
      label: '已下发人员的项目',
      readonly: true,
      hidden: true,
      note: '启用并绑定项目后，该项目在场人员已排队下发到本设备',
    },
    { field: 'date_created', type: 'timestamp', label: '登记时间', special: ['date-created'], readonly: true, width: 'half' },
  ],
  indexes: [['project']],
};

/** A command queued for a device (enrol a person, a face, or remove one). */
export const deviceCommands: CollectionDef = {
  collection: 'device_commands',
  label: '设备指令',
  note: '下发到考勤设备的人员、人脸同步指令',
  icon: 'sync_alt',
  displayTemplate: '{{kind}} · {{device.sn}}',
  group: 'platform_attendance',
  fields: [
    { field: 'device', type: 'integer', label: '设备', required: true, m2o: { collection: 'devices', onDelete: 'CASCADE' }, width: 'half' },
    { field: 'employment', type: 'integer', label: '项目人员', m2o: { collection: 'employments', onDelete: 'SET NULL' }, width: 'half' },
    { field: 'kind', type: 'string', label: '类型', required: true, maxLength: 32, width: 'half', note: 'user_update / face_update / user_delete' },
    { field: 'payload', type: 'json', label: '内容', special: ['cast-json'], width: 'full' },
    { field: 'status', type: 'string', label: '状态', required: true, default: 'pending', choices: COMMAND_STATUSES, width: 'half' },
    { field: 'attempts', type: 'integer', label: '下发次数', default: 0, width: 'half' },
    { field: 'return_code', type: 'string', label: '返回码', maxLength: 16, width: 'half' },
    { field: 'sent_at', type: 'timestamp', label: '下发时间', width: 'half' },
    { field: 'done_at', type: 'timestamp', label: '完成时间', width: 'half' },
    { field: 'date_created', type: 'timestamp', label: '创建时间', special: ['date-created'], readonly: true, width: 'half' },
  ],
  indexes: [['device', 'status']],
};

/**
 * What terminals sent that is not attendance, and what the platform refused: punches with an
 * impossible time (for review, with the raw line), refused verifications, alarms, remote
 * operations, and counted routine events and failed authentications. Written by the device
 * endpoints only; `dedup_key` makes a resend a no-op and folds counted events into one row.
 */
export const deviceEvents: CollectionDef = {
  collection: 'device_events',
  label: '设备事件',
  note: '设备上报的非考勤事件、时间异常的打卡和被拒绝的访问（只读）',
  icon: 'event_note',
  displayTemplate: '{{kind}} · {{sn}}',
  group: 'platform_attendance',
  appendOnly: true,
  fields: [
    { field: 'kind', type: 'string', label: '类型', required: true, choices: DEVICE_EVENT_KINDS, readonly: true, width: 'half' },
    { field: 'device', type: 'integer', label: '设备', m2o: { collection: 'devices', onDelete: 'SET NULL' }, readonly: true, width: 'half' },
    { field: 'sn', type: 'string', label: '设备序列号', required: true, maxLength: 64, readonly: true, width: 'half' },
    { field: 'project', type: 'integer', label: '项目', m2o: { collection: 'projects', onDelete: 'SET NULL' }, readonly: true, width: 'half' },
    { field: 'occurred_at', type: 'timestamp', label: '发生时间', readonly: true, width: 'half', note: '设备报告的时间；计数的事件为首次时间' },
    { field: 'last_at', type: 'timestamp', label: '最后一次', readonly: true, width: 'half' },
    { field: 'count', type: 'integer', label: '次数', required: true, default: 1, readonly: true, width: 'half' },
    { field: 'pin', type: 'string', label: '设备工号', maxLength: 24, readonly: true, width: 'half' },
    { field: 'detail', type: 'string', label: '说明', maxLength: 200, readonly: true, width: 'full' },
    { field: 'raw', type: 'text', label: '原始数据', readonly: true, width: 'full' },
    { field: 'source_ip', type: 'string', label: '来源地址', maxLength: 64, readonly: true, width: 'half' },
    { field: 'received_at', type: 'timestamp', label: '接收时间', required: true, readonly: true, width: 'half' },
    { field: 'dedup_key', type: 'string', label: '去重键', required: true, unique: true, maxLength: 200, hidden: true, readonly: true },
  ],
  indexes: [['device', 'received_at'], ['kind', 'received_at'], ['project', 'kind']],
};
