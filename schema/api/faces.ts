/**
 * 人脸采集 (`/platform/faces`): the list of people on site with their face status, one person, and
 * 核验 (`POST /platform/faces/:employmentId/check`, multipart `file`): the verdict with every rule's
 * measured values; on pass the photo is saved (on the employment: the face is what this project
 * verified) and queued for the site's devices, on fail nothing is saved.
 */
import { z } from 'zod';
import type { Page } from './common';

/** Each rule's stable code and the reason people read when a photo breaks it. */
export const FACE_RULES = {
  FACE_MISSING: '未检测到人脸',
  FACE_MULTIPLE: '检测到多张人脸',
  SPOOF: '请拍摄本人，不要翻拍证件或屏幕',
  FACE_TOO_SMALL: '人脸太小，请靠近一些拍摄',
  NOT_FRONTAL: '请正对镜头',
  HEADROOM: '头顶需留空白',
  SHOULDERS: '请拍到肩膀',
  DARK: '照片太暗',
  BLURRED: '照片太模糊',
  OCCLUDED: '面部有遮挡',
  GLASSES: '请摘下眼镜',
  HAT: '请摘下帽子',
  ID_MISMATCH: '与身份证照片不是同一人',
} as const;

export type FaceRule = keyof typeof FACE_RULES;

/** GET /platform/faces query: 姓名/班组 search, one team, only those without a face photo, page. */
export const FaceListQuery = z.object({
  q: z.string().trim().max(50, '搜索内容不能超过50个字').optional(),
  team: z.coerce.number().int().positive('班组不正确').optional(),
  missing: z.enum(['0', '1'], { message: '筛选条件不正确' }).optional(),
  page: z.coerce.number().int().min(1, '页码不正确').max(10_000, '页码不正确').default(1),
});
export type FaceListQuery = z.infer<typeof FaceListQuery>;

export const FACE_LIST_LABELS = { q: '搜索内容', team: '班组', missing: '筛选条件', page: '页码' } as const;

export const FACE_LIST_PAGE_SIZE = 20;

/** One on-site person of 人脸采集 (`GET /platform/faces`): ID number masked. */
export interface FaceListItem {
  /** The employment id (what 采集 and 核验 address). */
  id: number;
  name: string;
  id_number: string;
  role: string;
  trade: string;
  team: { id: number; name: string | null };
  face_photo: string | null;
  /** The ≤ 50 KB portrait sent to gate devices: small enough for a thumbnail. */
  face_device_photo: string | null;
  has_face: boolean;
  face_checked_at: string | null;
}

export interface FacePage extends Page<FaceListItem> {
  /** On-site people of the project still without a face photo (whatever the search). */
  missing_total: number;
}

/** One person for the 采集 page (`GET /platform/faces/:employmentId`). */
export interface FacePerson extends FaceListItem {
  /** Whether an ID card portrait is on file to compare the face with. */
  has_id_front: boolean;
}

/** One rule's outcome: what was measured, the limits it was held to, and the reason. */
export interface FaceCheck {
  rule: FaceRule;
  /** `skipped`: the rule could not be judged on this photo (`message` says why). */
  result: 'pass' | 'fail' | 'skipped';
  measured: Record<string, number | boolean | null>;
  limits: Record<string, number>;
  /** The reason (fail) or the note (skipped), in Chinese; null on pass. */
  message: string | null;
}

/** 核验's answer: on pass the saved original and device photo. */
export interface FaceCaptureResult {
  passed: boolean;
  /** Chinese reasons of the failed rules, in rule order, each once. */
  reasons: string[];
  checks: FaceCheck[];
  face_photo: string | null;
  face_device_photo: string | null;
  /** Time the model took on this photo (and the ID card), in ms. */
  engine_ms: number;
}
