/**
 * Chinese for what the studio would otherwise show raw: field names and coded values of any of our
 * collections (from the model's labels and code lists), the keys our audit rows use, face-check
 * rules, account states. Pure, so our interfaces and displays read the same words as the model.
 */
import { labelOf } from '../../../../../schema/codes';
import { collectionDef } from '../../../../../schema/model/field-flags';
import { formatDateTime, formatDay, formatNumber } from './format';
import type { FieldDef } from '../../../../../schema/model';

/** Keys of audit before/after objects that are not fields of the row's collection. */
const AUDIT_KEYS: Readonly<Record<string, string>> = {
  reason: '审核意见',
  code: '项目编码',
  account_user: '项目账号',
  units: '五方主体（统一社会信用代码）',
  application_no: '申报编号',
  subject: '对象',
  fields: '查看的信息',
  field: '照片',
  file: '照片文件',
  kind: '导出内容',
  params: '导出条件',
  masked: '证件号码脱敏',
  rows: '行数',
  filename: '文件名',
  viewer: '导出人身份',
  format: '格式',
  photos: '照片',
  photo: '照片',
  employment: '项目人员',
  team_exit: '班组退场',
};

/** Rules of a face check, by their code (faces/face-rules.ts), named as the check a clerk reads. */
export const FACE_CHECK_NAMES: Readonly<Record<string, string>> = {
  FACE_MISSING: '检测到人脸',
  FACE_MULTIPLE: '仅本人入镜',
  SPOOF: '本人实拍（非翻拍证件或屏幕）',
  FACE_TOO_SMALL: '人脸大小',
  NOT_FRONTAL: '正对镜头',
  HEADROOM: '头顶留白',
  SHOULDERS: '拍到肩膀',
  DARK: '光线亮度',
  BLURRED: '清晰度',
  OCCLUDED: '面部无遮挡',
  GLASSES: '未戴眼镜',
  HAT: '未戴帽子',
  ID_MISMATCH: '与身份证照片为同一人',
};

export const CHECK_RESULTS: Readonly<Record<string, string>> = { pass: '通过', fail: '未通过', skipped: '未判断' };

/** Directus account states (`directus_users.status`). */
export const ACCOUNT_STATUSES: Readonly<Record<string, string>> = {
  active: '正常',
  suspended: '已停用（密码连续输错或被停用）',
  invited: '已邀请',
  draft: '草稿',
  archived: '已归档',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): boolean {
  return typeof value === 'string' && UUID.test(value);
}

function fieldDef(collection: string | null | undefined, field: string): FieldDef | undefined {
  return collection ? collectionDef(collection)?.fields.find((def) => def.field === field) : undefined;
}

/** A field's Chinese name in `collection` (or an audit key's), else the key itself. */
export function fieldLabel(collection: string | null | undefined, field: string): string {
  if (field === 'id') return '编号';
  const def = fieldDef(collection, field);
  if (def) return def.label;
  const alias = collection ? collectionDef(collection)?.aliases?.find((a) => a.field === field) : undefined;
  return alias?.label ?? AUDIT_KEYS[field] ?? field;
}

/**
 * A stored value as a clerk reads it: a code's label, 是/否, a Chinese date, money and rates as the
 * field's display formats them. Ids of files and users are not shown (the caller renders users by name).
 */
export function valueText(collection: string | null | undefined, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const def = fieldDef(collection, field);
  if (Array.isArray(value)) return value.map((v) => (field === 'fields' && collection ? fieldLabel(collection, String(v)) : valueText(collection, field, v))).join('、');
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (isUuid(value)) return '（已记录）';
  if (def?.choices) return labelOf(def.choices, String(value)) ?? String(value);
  if (def?.type === 'date') return formatDay(value) ?? '—';
  if (def?.type === 'timestamp' || def?.type === 'dateTime') return formatDateTime(value) ?? '—';
  const format = (def?.displayOptions?.['format'] ?? def?.options?.['format']) as Parameters<typeof formatNumber>[1];
  if (format) return formatNumber(value, format, { unit: String(def?.displayOptions?.['unit'] ?? '元') }) ?? '—';
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, v]) => `${fieldLabel(null, key)}：${valueText(null, key, v)}`)
      .join('；');
  }
  return String(value);
}
