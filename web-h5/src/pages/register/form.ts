import type { RegistrationPayload } from '@/api/registrations';
import { emptyIdentity, validToOf, type IdentityForm } from '@/shared/identity-form';
import { CONTRACT_TERM_TYPES, isCodeValue, normalizeIdNumber, normalizePhone, todayInShanghai, WAGE_SETTLEMENT_MODES, type EmploymentRole, type Ethnicity, type Gender } from '@/shared/schema';

/** The 实名制登记 form as typed: the ID card's fields (shared/identity-form.ts) and the site's; every input a string ('' when empty). */
export interface RegistrationDraft extends IdentityForm {
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
    ...emptyIdentity(),
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
    id_valid_to: validToOf(draft),
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
