import { call, callForm } from './client';

/** 待审核 / 在岗 / 退场待审核 / 退场已批准 (leaves on the exit date) hold the post; 已驳回 / 已退场 free it. */
export type KeyPostStatus = 'pending' | 'approved' | 'rejected' | 'exit_pending' | 'exit_approved' | 'exited';

/** The person holding (or applying for) a post, as the board shows them: ID number masked. */
export interface KeyPostHolder {
  id: number;
  status: KeyPostStatus;
  status_label: string;
  name: string;
  gender: 'male' | 'female' | null;
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
  unit: { id: number; name: string } | null;
  holder: KeyPostHolder | null;
  last_rejection: { name: string; review_reason: string | null; reviewed_at: string | null } | null;
}

/** One key post with its unit type and post (`GET /platform/key-posts/:id`), for the exit form. */
export interface KeyPostDetail extends KeyPostHolder {
  unit_role: string;
  unit_role_label: string;
  post: string;
  post_label: string;
}

export interface KeyPostExitPayload {
  exit_date: string;
  exit_reason: string;
}

export function fetchKeyPostBoard(): Promise<KeyPostSlot[]> {
  return call<KeyPostSlot[]>('/platform/key-posts');
}

export function fetchKeyPost(id: number): Promise<KeyPostDetail> {
  return call<KeyPostDetail>(`/platform/key-posts/${id}`);
}

/**
 * 入场登记: the photos `id_front`, `id_back`, `certificate` and the text fields in one multipart form;
 * the bureau then approves or rejects it.
 */
export function registerKeyPost(form: FormData): Promise<{ id: number; status: 'pending'; person: number }> {
  return callForm('/platform/key-posts', form);
}

/** 退场解锁: asks the bureau to let the holder leave; the post stays taken until it approves. */
export function applyKeyPostExit(id: number, payload: KeyPostExitPayload): Promise<{ id: number; status: 'exit_pending' }> {
  return call(`/platform/key-posts/${id}/exit`, { method: 'POST', body: payload });
}
