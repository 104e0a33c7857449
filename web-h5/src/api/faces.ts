import { call, callForm } from './client';

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

export interface FacePage {
  total: number;
  /** On-site people of the project still without a face photo (whatever the search). */
  missing_total: number;
  page: number;
  page_size: number;
  items: FaceListItem[];
}

export interface FacePerson extends FaceListItem {
  has_id_front: boolean;
}

export type FaceRule =
  | 'FACE_MISSING'
  | 'FACE_MULTIPLE'
  | 'SPOOF'
  | 'FACE_TOO_SMALL'
  | 'NOT_FRONTAL'
  | 'HEADROOM'
  | 'SHOULDERS'
  | 'DARK'
  | 'BLURRED'
  | 'OCCLUDED'
  | 'GLASSES'
  | 'HAT'
  | 'ID_MISMATCH';

export interface FaceCheck {
  rule: FaceRule;
  result: 'pass' | 'fail' | 'skipped';
  measured: Record<string, number | boolean | null>;
  limits: Record<string, number>;
  message: string | null;
}

/** The verdict of 核验: on pass the photo is saved (`face_photo` set), on fail nothing is. */
export interface FaceVerdict {
  passed: boolean;
  reasons: string[];
  checks: FaceCheck[];
  face_photo: string | null;
  face_device_photo: string | null;
}

export function fetchFaces(params: { q?: string; team?: number; missing?: boolean; page: number }): Promise<FacePage> {
  const query: Record<string, string> = { page: String(params.page) };
  if (params.q) query['q'] = params.q;
  if (params.team) query['team'] = String(params.team);
  if (params.missing) query['missing'] = '1';
  return call<FacePage>('/platform/faces', { params: query });
}

export function fetchFacePerson(employmentId: number): Promise<FacePerson> {
  return call<FacePerson>(`/platform/faces/${employmentId}`);
}

/** 核验: one photo (multipart `file`). */
export function checkFace(employmentId: number, photo: File): Promise<FaceVerdict> {
  const form = new FormData();
  form.append('file', photo, photo.name || 'face.jpg');
  return callForm<FaceVerdict>(`/platform/faces/${employmentId}/check`, form);
}
