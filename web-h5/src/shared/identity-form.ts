/**
 * The ID card's part of the two forms that register a person from their card: 实名制登记
 * (pages/register) and 关键岗位入场登记 (pages/key-posts/entry). One model, one OCR mapping and one
 * rule set, rendered by components/IdentityFields.vue, so a fix here fixes both forms. The server
 * checks the same rules (registration module).
 */
import type { FieldRule } from 'vant';
import { filled, maxLength, need } from './field-rules';
import type { IdCardFields } from './id-card-fields';
import { compareIsoDates, idCardValidity, parseIdNumber, todayInShanghai, type Gender } from './schema';

export const LONG_TERM = '长期';

/** Every input a string ('' when empty), as typed or recognised. */
export interface IdentityForm {
  name: string;
  gender: Gender | '';
  /** GB/T 3304 code. */
  ethnicity: string;
  birth_date: string;
  address: string;
  id_number: string;
  issuing_authority: string;
  id_valid_from: string;
  /** 'YYYY-MM-DD', or '' while 长期 is switched on. */
  id_valid_to: string;
  /** 有效期限 …-长期 */
  long_term: boolean;
  temporary_id: boolean;
}

export type IdentityField = Exclude<keyof IdentityForm, 'long_term' | 'temporary_id'>;

export function emptyIdentity(): IdentityForm {
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
  };
}

/** Copies what the OCR read into the form (fields it did not read keep what was typed). */
export function applyRecognised(form: IdentityForm, fields: Partial<IdCardFields>): void {
  const { id_valid_to: validTo, ...rest } = fields;
  Object.assign(form, rest);
  if (validTo === LONG_TERM) {
    form.long_term = true;
    form.id_valid_to = '';
  } else if (validTo) {
    form.long_term = false;
    form.id_valid_to = validTo;
  }
}

/** Birth date and gender follow from a valid ID number (typed by hand): fills them in. */
export function deriveFromIdNumber(form: IdentityForm): void {
  const parsed = parseIdNumber(form.id_number);
  if (!parsed.ok) return;
  form.birth_date = parsed.birthDate;
  form.gender = parsed.gender;
}

/** 有效期限 as the API takes it: an ISO date or 长期. */
export function validToOf(form: IdentityForm): string {
  return form.long_term ? LONG_TERM : form.id_valid_to;
}

/** Where a birth-date picker opens while empty: 1 January thirty-five years back, the age of a typical worker. */
export function birthDateOpenOn(today: string): string {
  return `${Number(today.slice(0, 4)) - 35}-01-01`;
}


/** The checks the server makes on the card's fields, so most mistakes show on the field before saving. */
export function identityRules(form: IdentityForm): Record<IdentityField, FieldRule[]> {
  const today = () => todayInShanghai(new Date());
  return {
    name: [need('姓名'), { validator: (value: string) => /^[^\d]{2,50}$/.test(value.trim()), message: '姓名应为2至50个字，不能包含数字' }],
    gender: [need('性别', '请选择')],
    ethnicity: [need('民族', '请选择')],
    birth_date: [need('出生日期', '请选择')],
    address: [need('住址'), maxLength('住址', 200)],
    id_number: [
      need('公民身份号码'),
      {
        validator: (value: string) => {
          const result = parseIdNumber(value, {
            today: today(),
            ...(form.birth_date ? { birthDate: form.birth_date } : {}),
            ...(form.gender ? { gender: form.gender } : {}),
          });
          return result.ok || result.message;
        },
      },
    ],
    issuing_authority: [need('签发机关'), maxLength('签发机关', 100)],
    id_valid_from: [
      need('有效期限起始日期', '请选择'),
      { validator: (value: string) => !filled(value) || compareIsoDates(value, today()) <= 0 || '有效期限起始日期不能晚于今天' },
    ],
    id_valid_to: [
      { required: true, message: '请选择有效期限截止日期，或打开“长期有效”', validator: (value: string) => form.long_term || filled(value) },
      {
        validator: () => {
          if (!form.id_valid_from || (!form.long_term && !form.id_valid_to)) return true;
          const validity = idCardValidity(`${form.id_valid_from}至${validToOf(form)}`, today());
          if (!validity.ok) return '有效期限截止日期应晚于起始日期';
          return !validity.expired || `身份证已于${validity.end ?? ''}到期，请更换新证后登记`;
        },
      },
    ],
  };
}
