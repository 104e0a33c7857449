import type { KeyPostDetail, KeyPostEntryReceipt, KeyPostExitPayload, KeyPostExitReceipt, KeyPostSlot } from '../../../schema/api';
import { call, callForm } from './client';

export type { KeyPostDetail, KeyPostEntryReceipt, KeyPostExitPayload, KeyPostExitReceipt, KeyPostHolder, KeyPostSlot, KeyPostStatus } from '../../../schema/api';

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
export function registerKeyPost(form: FormData): Promise<KeyPostEntryReceipt> {
  return callForm('/platform/key-posts', form);
}

/** 退场解锁: asks the bureau to let the holder leave; the post stays taken until it approves. */
export function applyKeyPostExit(id: number, payload: KeyPostExitPayload): Promise<KeyPostExitReceipt> {
  return call(`/platform/key-posts/${id}/exit`, { method: 'POST', body: payload });
}
