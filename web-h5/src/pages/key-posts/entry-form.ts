/**
 * The 入场登记 form of a key post: its model, the client-side rules (the server checks the same
 * through the registration rules), and the multipart body the API takes.
 */
import type { FieldRule } from 'vant';
import { need } from '@/shared/field-rules';
import { emptyIdentity, identityRules, validToOf, type IdentityField, type IdentityForm } from '@/shared/identity-form';
import { compareIsoDates, todayInShanghai, validatePhone } from '@/shared/schema';

/** The ID card's fields (shared with 实名制登记) and the entry's own. */
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
  return { ...emptyIdentity(), phone: '', entry_date: today };
}

/** The fields with rules (the switches have none). */
export type RuledField = IdentityField | 'phone' | 'entry_date';

export function entryRules(form: EntryForm): Record<RuledField, FieldRule[]> {
  const today = todayInShanghai(new Date());
  return {
    ...identityRules(form),
    phone: [{ validator: (value: string) => !value || validatePhone(value).ok || '联系电话格式不正确' }],
    entry_date: [need('进场日期', '请选择'), { validator: (value: string) => compareIsoDates(value, today) <= 0 || '进场日期不能晚于今天' }],
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
    id_valid_to: validToOf(form),
    temporary_id: String(form.temporary_id),
    phone: form.phone.trim(),
    entry_date: form.entry_date,
  };
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  for (const [key, file] of Object.entries(photos)) if (file) data.append(key, file, file.name);
  return data;
}
