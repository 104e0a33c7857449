import type { BloodType, EmploymentRole, Ethnicity, Gender, WageSettlementMode } from '@/shared/schema';
import { call } from './client';

export type EmploymentStatus = 'on_site' | 'exited';

/** A page of the list (`GET /platform/people`, `GET /platform/contracts`). */
export interface Page<T> {
  total: number;
  page: number;
  page_size: number;
  items: T[];
}

/** One card of 施工人员: phone and ID number masked. */
export interface PersonListItem {
  id: number;
  name: string;
  gender: Gender;
  role: EmploymentRole;
  trade: string;
  status: EmploymentStatus;
  phone: string | null;
  id_number: string;
  card_no: string | null;
  entry_date: string | null;
  exit_date: string | null;
  days_on_site: number | null;
  team: number;
  team_name: string | null;
}

/** 查看: the employment with the person's full record (`GET /platform/people/:id`). */
export interface PersonDetail {
  id: number;
  project: number;
  role: EmploymentRole;
  trade: string;
  status: EmploymentStatus;
  card_no: string | null;
  device_pin: string;
  entry_date: string | null;
  exit_date: string | null;
  exit_reason: string | null;
  days_on_site: number | null;
  wage_method: WageSettlementMode | null;
  wage_amount: number | null;
  wage_unit: string | null;
  person: {
    id: number;
    name: string;
    id_number: string;
    temporary_id: boolean;
    gender: Gender;
    ethnicity: Ethnicity | null;
    birth_date: string | null;
    address: string | null;
    issuing_authority: string | null;
    id_valid_from: string | null;
    id_valid_to: string | null;
    phone: string | null;
    blood_type: BloodType | null;
    id_front: string | null;
    id_back: string | null;
    face_photo: string | null;
    photo?: string | null;
    /** 工资卡号, masked ('6228***********1234'). */
    bank_card_no: string | null;
    bank_name: string | null;
  };
  team: { id: number; name: string; kind: string; status: string } | null;
  unit: { id: number; name: string } | null;
  contract: { id: number; contract_no: string } | null;
}

/** The 人员编辑 form as `PATCH /platform/people/:id` takes it. */
export interface PersonEditPayload {
  name: string;
  gender: Gender;
  ethnicity: Ethnicity;
  id_number: string;
  address: string;
  phone: string;
  team: number;
  trade: string;
  unit: number;
  entry_date: string;
  blood_type: BloodType | null;
  wage_method: WageSettlementMode;
  wage_amount: number | null;
  wage_unit: string | null;
  /** Sent only when retyped (the form shows the stored number masked). */
  bank_card_no: string | null;
  bank_name: string | null;
}

export function fetchPeople(params: { status: EmploymentStatus; q?: string; team?: number; page: number }): Promise<Page<PersonListItem>> {
  return call<Page<PersonListItem>>('/platform/people', {
    params: { status: params.status, q: params.q ?? '', page: String(params.page), ...(params.team ? { team: String(params.team) } : {}) },
  });
}

export function fetchPerson(id: number): Promise<PersonDetail> {
  return call<PersonDetail>(`/platform/people/${id}`);
}

export function updatePerson(id: number, payload: Partial<PersonEditPayload>): Promise<{ changed: string[] }> {
  return call<{ changed: string[] }>(`/platform/people/${id}`, { method: 'PATCH', body: payload });
}

/** 发卡; an empty card number takes the card back. */
export function assignCard(id: number, cardNo: string): Promise<{ card_no: string | null }> {
  return call<{ card_no: string | null }>(`/platform/people/${id}/card`, { method: 'PUT', body: { card_no: cardNo } });
}
