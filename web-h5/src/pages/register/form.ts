import type { IdCardFields } from '@/api/id-card-ocr';
import type { RegistrationPayload } from '@/api/registrations';
import { CONTRACT_TERM_TYPES, isCodeValue, normalizeIdNumber, normalizePhone, todayInShanghai, WAGE_SETTLEMENT_MODES, type EmploymentRole, type Ethnicity, type Gender } from '@/shared/schema';

/** The 实名制登记 form as typed: every input a string ('' when empty). */
export interface RegistrationDraft {
  name: string;
  gender: Gender | '';
  ethnicity: string;
  birth_date: string;
  address: string;
  id_number: string;
  issuing_authority: string;
  id_valid_from: string;
  id_valid_to: string;
  /** 有效期限 …-长期 */
  long_term: boolean;
  temporary_id: boolean;
  card_no: string;
  trade: string;
  phone: string;
  entry_date: string;
  wage_method: string;
  wage_amount: string;
  wage_unit: string;
  contract_template: string;
}

export function emptyDraft(): RegistrationDraft {
  return {
    name: '',
    gender: '',
    ethnicity: '',
    birth_date: '',
    address: '',
    id_number: '',
    issuing_authority: '',
    id_valid_from: '',
    id_valid_to: '',
    long_term: false,
    temporary_id: false,
    card_no: '',
    trade: '',
    phone: '',
    entry_date: todayInShanghai(new Date()),
    wage_method: '',
    wage_amount: '',
    wage_unit: '',
    contract_template: '',
  };
}

/** Copies what the OCR read into the draft (fields it did not read keep what was typed). */
export function applyRecognised(draft: RegistrationDraft, fields: Partial<IdCardFields>): void {
  const { id_valid_to: validTo, ...rest } = fields;
  Object.assign(draft, rest);
  if (validTo === '长期') {
    draft.long_term = true;
    draft.id_valid_to = '';
  } else if (validTo) {
    draft.long_term = false;
    draft.id_valid_to = validTo;
  }
}

/** Whether the settlement mode lets the user name the unit (计量/计件, 定额, 其它). */
export function hasFreeUnit(method: string): boolean {
  return WAGE_SETTLEMENT_MODES.some((mode) => mode.value === method && mode.freeUnit);
}

const orNull = (value: string): string | null => value.trim() || null;

export function toPayload(draft: RegistrationDraft, target: { role: EmploymentRole; team: number; unit: number }): RegistrationPayload {
  return {
    ...target,
    name: draft.name.trim(),
    gender: draft.gender as Gender,
    ethnicity: draft.ethnicity as Ethnicity,
    birth_date: draft.birth_date,
    address: draft.address.trim(),
    id_number: normalizeIdNumber(draft.id_number),
    issuing_authority: draft.issuing_authority.trim(),
    id_valid_from: draft.id_valid_from,
    id_valid_to: draft.long_term ? '长期' : draft.id_valid_to,
    temporary_id: draft.temporary_id,
    card_no: orNull(draft.card_no),
    trade: draft.trade,
    phone: normalizePhone(draft.phone),
    entry_date: draft.entry_date,
    wage_method: isCodeValue(WAGE_SETTLEMENT_MODES, draft.wage_method) ? draft.wage_method : null,
    wage_amount: draft.wage_amount.trim() ? Number(draft.wage_amount) : null,
    wage_unit: hasFreeUnit(draft.wage_method) ? orNull(draft.wage_unit) : null,
    contract_template: isCodeValue(CONTRACT_TERM_TYPES, draft.contract_template) ? draft.contract_template : null,
  };
}
