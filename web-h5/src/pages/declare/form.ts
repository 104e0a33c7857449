import type { DeclarationPayload, DeclarationUnit } from '@/api/declarations';
import {
  DEFAULT_REGION_CODE,
  INVESTMENT_TYPES,
  MAIN_UNIT_ROLES,
  PROJECT_CATEGORIES,
  WAGE_DEPOSIT_METHODS,
  isCodeValue,
  normalizeBankAccount,
  normalizePhone,
  normalizeUscc,
  type InvestmentType,
  type MainUnitRole,
  type ProjectCategory,
  type WageDepositMethod,
} from '@/shared/schema';

/** 依规免缴: the one deposit method without an amount. */
export const DEPOSIT_EXEMPT: WageDepositMethod = 'exempt';

export interface UnitDraft {
  role: MainUnitRole;
  name: string;
  uscc: string;
  contact_name: string;
  contact_phone: string;
}

/** The form as edited: text inputs stay strings until the payload is built. */
export interface DeclarationDraft {
  name: string;
  category: ProjectCategory | '';
  investment_nature: InvestmentType | '';
  contact_name: string;
  contact_phone: string;
  region_code: string;
  latitude: number | null;
  longitude: number | null;
  address: string;
  start_date: string;
  planned_completion_date: string;
  permit_no: string;
  permit_issued_on: string;
  floor_area: string;
  height: string;
  structure_levels: string;
  cost: string;
  units: UnitDraft[];
  payroll_bank: string;
  payroll_account_name: string;
  payroll_account_no: string;
  deposit_method: WageDepositMethod | '';
  deposit_amount: string;
}

export function emptyUnit(role: MainUnitRole): UnitDraft {
  return { role, name: '', uscc: '', contact_name: '', contact_phone: '' };
}

export function emptyDraft(): DeclarationDraft {
  return {
    name: '',
    category: '',
    investment_nature: '',
    contact_name: '',
    contact_phone: '',
    region_code: DEFAULT_REGION_CODE,
    latitude: null,
    longitude: null,
    address: '',
    start_date: '',
    planned_completion_date: '',
    permit_no: '',
    permit_issued_on: '',
    floor_area: '',
    height: '',
    structure_levels: '',
    cost: '',
    units: MAIN_UNIT_ROLES.map(emptyUnit),
    payroll_bank: '',
    payroll_account_name: '',
    payroll_account_no: '',
    deposit_method: '',
    deposit_amount: '',
  };
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
const coordinate = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/**
 * A draft from data of unknown trust (a stored draft, the `form` of a rejected declaration):
 * unknown codes are dropped and the five units always come back in the fixed order.
 */
export function draftFrom(source: Partial<Record<keyof DeclarationPayload, unknown>>): DeclarationDraft {
  const draft = emptyDraft();
  const units = Array.isArray(source.units) ? (source.units as Partial<Record<keyof DeclarationUnit, unknown>>[]) : [];
  return {
    ...draft,
    name: text(source.name),
    category: isCodeValue(PROJECT_CATEGORIES, source.category) ? source.category : '',
    investment_nature: isCodeValue(INVESTMENT_TYPES, source.investment_nature) ? source.investment_nature : '',
    contact_name: text(source.contact_name),
    contact_phone: text(source.contact_phone),
    region_code: text(source.region_code) || draft.region_code,
    latitude: coordinate(source.latitude),
    longitude: coordinate(source.longitude),
    address: text(source.address),
    start_date: text(source.start_date),
    planned_completion_date: text(source.planned_completion_date),
    permit_no: text(source.permit_no),
    permit_issued_on: text(source.permit_issued_on),
    floor_area: text(source.floor_area),
    height: text(source.height),
    structure_levels: text(source.structure_levels),
    cost: text(source.cost),
    units: draft.units.map((empty) => {
      const found = units.find((unit) => unit.role === empty.role);
      if (!found) return empty;
      return {
        role: empty.role,
        name: text(found.name),
        uscc: text(found.uscc),
        contact_name: text(found.contact_name),
        contact_phone: text(found.contact_phone),
      };
    }),
    payroll_bank: text(source.payroll_bank),
    payroll_account_name: text(source.payroll_account_name),
    payroll_account_no: text(source.payroll_account_no),
    deposit_method: isCodeValue(WAGE_DEPOSIT_METHODS, source.deposit_method) ? source.deposit_method : '',
    deposit_amount: text(source.deposit_amount),
  };
}

function required<T extends string>(value: T | '', field: string): T {
  // The form's rules make this unreachable; the check keeps the payload type honest.
  if (value === '') throw new Error(`declaration field ${field} is empty after validation`);
  return value;
}

/** The request body: trimmed strings, numbers as numbers, empty optional fields left out. */
export function toPayload(draft: DeclarationDraft): DeclarationPayload {
  const payload: DeclarationPayload = {
    name: draft.name.trim(),
    category: required(draft.category, 'category'),
    investment_nature: required(draft.investment_nature, 'investment_nature'),
    contact_name: draft.contact_name.trim(),
    contact_phone: normalizePhone(draft.contact_phone),
    region_code: draft.region_code,
    start_date: draft.start_date.trim(),
    planned_completion_date: draft.planned_completion_date.trim(),
    permit_no: draft.permit_no.trim(),
    permit_issued_on: draft.permit_issued_on.trim(),
    units: draft.units.map((unit) => ({
      role: unit.role,
      name: unit.name.trim(),
      uscc: normalizeUscc(unit.uscc),
      contact_name: unit.contact_name.trim(),
      contact_phone: normalizePhone(unit.contact_phone),
    })),
    payroll_bank: draft.payroll_bank.trim(),
    payroll_account_name: draft.payroll_account_name.trim(),
    payroll_account_no: normalizeBankAccount(draft.payroll_account_no),
    deposit_method: required(draft.deposit_method, 'deposit_method'),
  };
  if (draft.latitude !== null && draft.longitude !== null) {
    payload.latitude = draft.latitude;
    payload.longitude = draft.longitude;
  }
  const optionalText = ['address', 'structure_levels'] as const;
  for (const key of optionalText) {
    const value = draft[key].trim();
    if (value) payload[key] = value;
  }
  const optionalNumbers = ['floor_area', 'height', 'cost'] as const;
  for (const key of optionalNumbers) {
    const value = draft[key].trim();
    if (value) payload[key] = Number(value);
  }
  if (draft.deposit_method !== DEPOSIT_EXEMPT && draft.deposit_amount.trim()) {
    payload.deposit_amount = Number(draft.deposit_amount.trim());
  }
  return payload;
}
