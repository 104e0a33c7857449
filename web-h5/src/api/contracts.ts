import type { ContractDetail, ContractFilter, ContractPage, ContractPhotosReceipt, ContractReceipt } from '../../../schema/api';
import type { ContractTermType } from '@/shared/schema';
import { call, callForm } from './client';

export type { ContractDetail, ContractFilter, ContractListItem, ContractPage, ContractPhotosReceipt, ContractReceipt } from '../../../schema/api';

export function fetchContracts(params: { status: ContractFilter; q: string; page: number }): Promise<ContractPage> {
  return call<ContractPage>('/platform/contracts', { params: { status: params.status, q: params.q, page: String(params.page) } });
}

export function fetchContract(id: number): Promise<ContractDetail> {
  return call<ContractDetail>(`/platform/contracts/${id}`);
}

/** 签订合同: `employment`, `signed_on`, `type` and one `photos` part per photo. */
export function signContract(fields: { employment: number; signed_on: string; type: ContractTermType }, photos: readonly File[]): Promise<ContractReceipt> {
  const form = new FormData();
  form.append('employment', String(fields.employment));
  form.append('signed_on', fields.signed_on);
  form.append('type', fields.type);
  for (const photo of photos) form.append('photos', photo, photo.name);
  return callForm('/platform/contracts', form);
}

export function addContractPhotos(id: number, photos: readonly File[]): Promise<ContractPhotosReceipt> {
  const form = new FormData();
  for (const photo of photos) form.append('photos', photo, photo.name);
  return callForm(`/platform/contracts/${id}/photos`, form);
}

export function deleteContractPhoto(id: number, fileId: string): Promise<null> {
  return call<null>(`/platform/contracts/${id}/photos/${encodeURIComponent(fileId)}`, { method: 'DELETE' });
}
