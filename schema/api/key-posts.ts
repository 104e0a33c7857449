/**
 * 关键岗位 (`/platform/key-posts`): the board, the entry registration (入场登记: the ID card's fields
 * as `PersonIdentity` plus the post, as multipart text fields next to the three photos) and the exit
 * application (退场解锁). Messages are Chinese and name the field.
 */
import { z } from 'zod';
import { KEY_POST_MATRIX, labelOf, MANAGEMENT_POSTS, PARTICIPATION_TYPES, requiredKeyPosts, valuesOf, type Gender, type KeyPostStatus } from '../codes';
import { validatePhone } from '../rules';
import { isoDate } from './common';
import { IDENTITY_LABELS, PersonIdentity } from './identity';

export type { KeyPostStatus } from '../codes';

/** Unit types that have required posts: the board's rows, and the only ones an entry may name. */
export const KEY_POST_UNIT_ROLES = Object.keys(KEY_POST_MATRIX) as [string, ...string[]];

/** The three photos of an entry registration, by multipart field. */
export const ENTRY_IMAGE_LABELS = { id_front: '身份证人像面', id_back: '身份证国徽面', certificate: '资质证书' } as const;

export const KEY_POST_ENTRY_LABELS: Readonly<Record<string, string>> = {
  ...IDENTITY_LABELS,
  unit_role: '单位类型',
  post: '岗位',
  unit: '所属企业',
  phone: '联系电话',
  entry_date: '进场日期',
};

export const KeyPostEntry = PersonIdentity.extend({
  unit_role: z.enum(KEY_POST_UNIT_ROLES, { error: '请选择单位类型' }),
  post: z.enum(valuesOf(MANAGEMENT_POSTS), { error: '请选择岗位' }),
  /** A unit of the project in that role; the main unit when omitted. */
  unit: z.coerce.number({ error: '所属企业不正确' }).int('所属企业不正确').positive('所属企业不正确').optional(),
  phone: z
    .string()
    .trim()
    .max(20, '联系电话不能超过20个字')
    .optional()
    .refine((value) => !value || validatePhone(value).ok, '联系电话格式不正确'),
  entry_date: isoDate('进场日期'),
}).superRefine((entry, ctx) => {
  if (!requiredKeyPosts(entry.unit_role).some((item) => item.post === entry.post)) {
    const role = labelOf(PARTICIPATION_TYPES, entry.unit_role) ?? entry.unit_role;
    const post = labelOf(MANAGEMENT_POSTS, entry.post) ?? entry.post;
    ctx.addIssue({ code: 'custom', path: ['post'], message: `${post}不是${role}的关键岗位` });
  }
});

export type KeyPostEntry = z.infer<typeof KeyPostEntry>;

/** The three photos of an entry, by multipart field. */
export type KeyPostEntryImages<T> = Record<keyof typeof ENTRY_IMAGE_LABELS, T>;

/** 入场登记's answer (201): the pending application, the person and their employment on the project. */
export interface KeyPostEntryReceipt {
  id: number;
  status: 'pending';
  person: number;
  /** The holder's employment here (created now, or the one they were on site with): enrolled, punching, exited like anyone. */
  employment: number;
}

/**
 * Multipart text fields as the model expects them: empty fields are absent and the 临时身份证
 * switch is a boolean.
 */
export function entryFromFields(fields: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value.trim() !== '') out[key] = value;
  if ('temporary_id' in out) out['temporary_id'] = out['temporary_id'] === 'true' || out['temporary_id'] === '1';
  return out;
}

export const KeyPostExit = z.object({
  exit_date: isoDate('退场日期'),
  exit_reason: z
    .string({ error: '请填写退场说明' })
    .trim()
    .min(1, '请填写退场说明')
    .max(200, '退场说明不能超过200个字'),
});

export type KeyPostExit = z.infer<typeof KeyPostExit>;
export type KeyPostExitPayload = z.input<typeof KeyPostExit>;

export const KEY_POST_EXIT_LABELS: Readonly<Record<string, string>> = { exit_date: '退场日期', exit_reason: '退场说明' };

/** 退场解锁's answer: the post stays taken until the bureau approves. */
export interface KeyPostExitReceipt {
  id: number;
  status: 'exit_pending';
}

/** The person holding (or applying for) a post, as the board shows them: ID number masked. */
export interface KeyPostHolder {
  /** The key_posts id (for the exit application). */
  id: number;
  status: KeyPostStatus;
  status_label: string;
  name: string;
  gender: Gender | null;
  /** Masked: the board is a list. */
  id_number: string;
  unit_name: string | null;
  entry_date: string | null;
  exit_date: string | null;
  exit_reason: string | null;
  review_reason: string | null;
}

/** One required post of one unit type of the project (`GET /platform/key-posts`). */
export interface KeyPostSlot {
  unit_role: string;
  unit_role_label: string;
  post: string;
  post_label: string;
  /** The project's unit in this role, which an entry registers under. */
  unit: { id: number; name: string } | null;
  holder: KeyPostHolder | null;
  /** When the post is empty because the last application was rejected: who and why. */
  last_rejection: { name: string; review_reason: string | null; reviewed_at: string | null } | null;
}

/** One key post with its unit type and post (`GET /platform/key-posts/:id`), for the exit form. */
export interface KeyPostDetail extends KeyPostHolder {
  unit_role: string;
  unit_role_label: string;
  post: string;
  post_label: string;
}
