/**
 * 劳动合同 (`/platform/contracts`): the list of people on site with their contract, 合同信息, and
 * 签订合同 as the H5 sends it (multipart text fields next to the photos of the paper contract).
 */
import { z } from 'zod';
import { CONTRACT_TERM_TYPES, valuesOf, type ContractTermType, type EmploymentRole, type Gender } from '../codes';
import { isIsoDate } from '../rules';
import type { Page } from './common';

/** Photos one contract may hold, and one request may add. */
export const MAX_CONTRACT_PHOTOS = 20;
export const MAX_PHOTOS_PER_UPLOAD = 9;

export const ContractSigning = z.object({
  employment: z.coerce.number({ error: '请选择签订合同的人员' }).int('请选择签订合同的人员').positive('请选择签订合同的人员'),
  signed_on: z.string({ error: '请选择签订日期' }).refine(isIsoDate, '签订日期格式不正确，应为 YYYY-MM-DD'),
  type: z.enum(valuesOf(CONTRACT_TERM_TYPES), { error: '请选择合同类型' }).default('0'),
});
export type ContractSigning = z.infer<typeof ContractSigning>;

export const CONTRACT_LABELS = { employment: '人员', signed_on: '签订日期', type: '合同类型', photos: '合同照片' } as const;

/** `GET /platform/contracts?status=&q=&page=`. */
export type ContractFilter = 'all' | 'signed' | 'unsigned';

/** One person on site in 劳动合同 (ID number masked), with their contract or null (未签订). */
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

/** 签订合同's answer (201). */
export interface ContractReceipt {
  id: number;
  contract_no: string;
  photos: string[];
}

/** 上传照片's answer: every photo of the contract now. */
export interface ContractPhotosReceipt {
  added: string[];
}
