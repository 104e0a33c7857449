import type { FaceCaptureResult, FacePage, FacePerson } from '../../../schema/api';
import { call, callForm } from './client';

export type { FaceCaptureResult as FaceVerdict, FaceCheck, FaceListItem, FacePage, FacePerson, FaceRule } from '../../../schema/api';

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
export function checkFace(employmentId: number, photo: File): Promise<FaceCaptureResult> {
  const form = new FormData();
  form.append('file', photo, photo.name || 'face.jpg');
  return callForm<FaceCaptureResult>(`/platform/faces/${employmentId}/check`, form);
}
