import type { ContractTermType, EmploymentRole, Gender } from '@/shared/schema';
import { call, callForm } from './client';
import type { Page } from './personnel';

export type ContractFilter = 'all' | 'signed' | 'unsigned';

/** One person on site in 劳动合同, with their contract or null (未签订). */
export interface ContractListItem {
  id: number;
  name: string;
  gender: Gender;
  role: EmploymentRole;
  trade: string;
  id_number: string;
  team_name: string | null;
  entry_date: string | null;
  contract: { id: number; contract_no: string; signed_on: string | null } | null;
}

export interface ContractPage extends Page<ContractListItem> {
  signed: number;
  unsigned: number;
}

/** 合同信息 (`GET /platform/contracts/:id`): ID number masked, photos as private file ids. */
export interface ContractDetail {
  id: number;
  contract_no: string;
  type: ContractTermType;
  signed_on: string | null;
  date_created: string | null;
  employment: number;
  employment_status: string;
  name: string;
  gender: Gender;
  id_number: string;
  unit_name: string | null;
  team_name: string | null;
  photos: string[];
}

export function fetchContracts(params: { status: ContractFilter; q: string; page: number }): Promise<ContractPage> {
  return call<ContractPage>('/platform/contracts', { params: { status: params.status, q: params.q, page: String(params.page) } });
}

export function fetchContract(id: number): Promise<ContractDetail> {
  return call<ContractDetail>(`/platform/contracts/${id}`);
}

/** 签订合同: `employment`, `signed_on`, `type` and one `photos` part per photo. */
export function signContract(fields: { employment: number; signed_on: string; type: ContractTermType }, photos: readonly File[]): Promise<{ id: number; contract_no: string }> {
  const form = new FormData();
  form.append('employment', String(fields.employment));
  form.append('signed_on', fields.signed_on);
  form.append('type', fields.type);
  for (const photo of photos) form.append('photos', photo, photo.name);
  return callForm('/platform/contracts', form);
}

export function addContractPhotos(id: number, photos: readonly File[]): Promise<{ added: string[] }> {
  const form = new FormData();
  for (const photo of photos) form.append('photos', photo, photo.name);
  return callForm(`/platform/contracts/${id}/photos`, form);
}

export function deleteContractPhoto(id: number, fileId: string): Promise<null> {
  return call<null>(`/platform/contracts/${id}/photos/${encodeURIComponent(fileId)}`, { method: 'DELETE' });
}
