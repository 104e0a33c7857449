import type { InvestmentType, MainUnitRole, ProjectCategory, WageDepositMethod } from '@/shared/schema';
import { call } from './client';

/** One of the five main units (五方主体) of a declaration. */
export interface DeclarationUnit {
  role: MainUnitRole;
  name: string;
  uscc: string;
  contact_name: string;
  contact_phone: string;
}

/** Body of `POST /platform/declarations` and `PUT /platform/declarations/:no`. Optional fields are omitted when empty. */
export interface DeclarationPayload {
  name: string;
  category: ProjectCategory;
  investment_nature: InvestmentType;
  contact_name: string;
  contact_phone: string;
  region_code: string;
  latitude?: number;
  longitude?: number;
  address?: string;
  start_date?: string;
  planned_completion_date?: string;
  permit_no: string;
  permit_issued_on?: string;
  floor_area?: number;
  height?: number;
  structure_levels?: string;
  cost?: number;
  units: DeclarationUnit[];
  payroll_bank: string;
  payroll_account_name: string;
  payroll_account_no: string;
  deposit_method: WageDepositMethod;
  deposit_amount?: number;
}

export type DeclarationStatus = 'submitted' | 'approved' | 'rejected' | 'completed';

export interface DeclarationReceipt {
  application_no: string;
  status: 'submitted';
}

/** What `GET /platform/declarations/:no?phone=` answers. */
export interface DeclarationProgress {
  application_no: string;
  name: string;
  status: DeclarationStatus;
  submitted_at: string;
  reviewed_at: string | null;
  review_reason: string | null;
  account: string | null;
  /** Present exactly once, on the first read after approval. */
  initial_password: string | null;
  /** The submitted fields, so a rejected declaration can be corrected and sent again. */
  form?: Partial<DeclarationPayload>;
}

const path = (applicationNo: string): string =>
  `/platform/declarations/${encodeURIComponent(applicationNo)}`;

export function submitDeclaration(payload: DeclarationPayload): Promise<DeclarationReceipt> {
  return call<DeclarationReceipt>('/platform/declarations', { method: 'POST', body: payload, public: true });
}

export function fetchDeclaration(applicationNo: string, phone: string): Promise<DeclarationProgress> {
  return call<DeclarationProgress>(path(applicationNo), { params: { phone }, public: true });
}

export function resubmitDeclaration(
  applicationNo: string,
  phone: string,
  payload: DeclarationPayload,
): Promise<DeclarationReceipt> {
  return call<DeclarationReceipt>(path(applicationNo), {
    method: 'PUT',
    params: { phone },
    body: payload,
    public: true,
  });
}
