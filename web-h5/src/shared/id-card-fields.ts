/**
 * The OCR engine's answer for the two faces of an ID card, mapped onto the registration form's
 * values (gender code, ethnicity code, ISO dates). Pure, so it is unit-tested without a browser.
 */
import { ETHNICITIES, normalizeIdNumber, type Gender } from './schema';

export type FrontFieldName = 'name' | 'gender' | 'ethnicity' | 'birth_date' | 'address' | 'id_number';
export type BackFieldName = 'issuing_authority' | 'valid_from' | 'valid_to';

/** One face as the engine reads it: each field's text (and confidence), absent or null when not read. */
export interface RecognisedFace {
  /** As `POST /platform/ocr/id-card` answers them: a field not read has a null value. */
  fields: Partial<Record<FrontFieldName | BackFieldName, { value: string | null; confidence: number } | null>>;
}

/** The card's fields as our forms hold them; absent when not recognised. */
export interface IdCardFields {
  name: string;
  gender: Gender;
  /** GB/T 3304 code, e.g. '01' for 汉. */
  ethnicity: string;
  birth_date: string;
  address: string;
  id_number: string;
  issuing_authority: string;
  id_valid_from: string;
  /** ISO date or 长期. */
  id_valid_to: string;
}

const pad = (value: string) => value.padStart(2, '0');

/** '1990年3月7日', '1990.03.07', '19900307' or '1990-03-07' → '1990-03-07'; '' when unreadable. */
export function toIsoDate(text: string): string {
  const match = /(\d{4})\D{0,2}(\d{1,2})\D{0,2}(\d{1,2})/.exec(text.replace(/\s+/g, ''));
  return match ? `${match[1]}-${pad(match[2] ?? '')}-${pad(match[3] ?? '')}` : '';
}

function toGender(text: string): Gender | undefined {
  if (text === 'male' || text === '男') return 'male';
  if (text === 'female' || text === '女') return 'female';
  return undefined;
}

/** '01', '汉' or '汉族' → '01'. */
function toEthnicity(text: string): string | undefined {
  const wanted = text.trim();
  return ETHNICITIES.find((item) => item.value === wanted || item.label === wanted || item.fullName === wanted)?.value;
}

const compact = (text: string) => text.replace(/\s+/g, '');

/**
 * Maps the engine's answers for both faces onto form fields, leaving out what was not read (so the
 * form keeps what the user typed). Nothing here decides validity; the form's rules do.
 */
export function toIdCardFields(...faces: (RecognisedFace | null | undefined)[]): Partial<IdCardFields> {
  const raw: Partial<Record<FrontFieldName | BackFieldName, string>> = {};
  for (const face of faces) {
    for (const [key, field] of Object.entries(face?.fields ?? {})) {
      const value = field?.value?.trim();
      if (value) raw[key as FrontFieldName | BackFieldName] = value;
    }
  }
  const out: Partial<IdCardFields> = {};
  if (raw.name) out.name = compact(raw.name);
  const gender = raw.gender ? toGender(raw.gender) : undefined;
  if (gender) out.gender = gender;
  const ethnicity = raw.ethnicity ? toEthnicity(raw.ethnicity) : undefined;
  if (ethnicity) out.ethnicity = ethnicity;
  const birth = raw.birth_date ? toIsoDate(raw.birth_date) : '';
  if (birth) out.birth_date = birth;
  if (raw.address) out.address = compact(raw.address);
  if (raw.id_number) out.id_number = normalizeIdNumber(raw.id_number);
  if (raw.issuing_authority) out.issuing_authority = compact(raw.issuing_authority);
  const from = raw.valid_from ? toIsoDate(raw.valid_from) : '';
  if (from) out.id_valid_from = from;
  if (raw.valid_to) {
    const to = raw.valid_to.includes('长期') ? '长期' : toIsoDate(raw.valid_to);
    if (to) out.id_valid_to = to;
  }
  return out;
}
