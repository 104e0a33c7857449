/**
 * The 入场登记 form of a key post: its model, the client-side rules (the server checks the same
 * through the registration rules), and the multipart body the API takes.
 */
import type { FieldRule } from 'vant';
import { compareIsoDates, isIsoDate, parseIdNumber, todayInShanghai, validatePhone, type Ethnicity, type Gender } from '@/shared/schema';

export const LONG_TERM = '长期';

/** The ID card's fields as OCR fills them and the user corrects them. */
export interface IdentityForm {
  name: string;
  gender: Gender | '';
  ethnicity: Ethnicity | '';
  birth_date: string;
  address: string;
  id_number: string;
  issuing_authority: string;
  id_valid_from: string;
  /** 'YYYY-MM-DD', or '' while 长期 is switched on. */
  id_valid_to: string;
  long_term: boolean;
  temporary_id: boolean;
}

export interface EntryForm extends IdentityForm {
  phone: string;
  entry_date: string;
}

export interface EntryPhotos {
  id_front: File | null;
  id_back: File | null;
  certificate: File | null;
}

export function emptyEntryForm(today: string): EntryForm {
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
    phone: '',
    entry_date: today,
  };
}

const required = (message: string): FieldRule => ({ required: true, message });

/** The fields with rules (the switches have none). */
export type RuledField = Exclude<keyof EntryForm, 'long_term' | 'temporary_id'>;

export function entryRules(form: EntryForm): Record<RuledField, FieldRule[]> {
  const today = todayInShanghai(new Date());
  return {
    name: [required('请填写姓名')],
    gender: [required('请选择性别')],
    ethnicity: [required('请选择民族')],
    birth_date: [required('请选择出生日期')],
    address: [required('请填写住址')],
    id_number: [
      required('请填写公民身份号码'),
      {
        validator: (value: string) => {
          const parsed = parseIdNumber(value, { today });
          return parsed.ok || parsed.message;
        },
      },
    ],
    issuing_authority: [required('请填写签发机关')],
    id_valid_from: [required('请选择有效期限起始日期')],
    id_valid_to: [
      {
        validator: (value: string) => form.long_term || isIsoDate(value) || '请选择有效期限截止日期或选择长期',
      },
    ],
    phone: [{ validator: (value: string) => !value || validatePhone(value).ok || '联系电话格式不正确' }],
    entry_date: [
      required('请选择进场日期'),
      { validator: (value: string) => compareIsoDates(value, today) <= 0 || '进场日期不能晚于今天' },
    ],
  };
}

/** The multipart body of `POST /platform/key-posts`. */
export function toFormData(slot: { unit_role: string; post: string; unit: number }, form: EntryForm, photos: EntryPhotos): FormData {
  const data = new FormData();
  const fields: Record<string, string> = {
    unit_role: slot.unit_role,
    post: slot.post,
    unit: String(slot.unit),
    name: form.name.trim(),
    gender: form.gender,
    ethnicity: form.ethnicity,
    birth_date: form.birth_date,
    address: form.address.trim(),
    id_number: form.id_number.trim(),
    issuing_authority: form.issuing_authority.trim(),
    id_valid_from: form.id_valid_from,
    id_valid_to: form.long_term ? LONG_TERM : form.id_valid_to,
    temporary_id: String(form.temporary_id),
    phone: form.phone.trim(),
    entry_date: form.entry_date,
  };
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  for (const [key, file] of Object.entries(photos)) if (file) data.append(key, file, file.name);
  return data;
}

/** Birth date and gender follow from a valid ID number; fills them when still empty or different. */
export function deriveFromIdNumber(form: IdentityForm): void {
  const parsed = parseIdNumber(form.id_number);
  if (!parsed.ok) return;
  form.birth_date = parsed.birthDate;
  form.gender = parsed.gender;
}
