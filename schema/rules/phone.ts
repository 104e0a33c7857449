/**
 * Phone numbers: mainland mobiles (1[3-9] + 9 digits) and landlines with area code
 * (0xx-xxxxxxxx or 0xxx-xxxxxxx, optional extension).
 */

export type PhoneKind = 'mobile' | 'landline';

export type PhoneResult =
  | { ok: true; value: string; kind: PhoneKind }
  | { ok: false; code: 'PHONE_FORMAT'; message: string };

const MOBILE = /^1[3-9]\d{9}$/;
// Area codes are 010, 02x (3 digits) or 0xxx (4 digits); local numbers 7–8 digits.
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))-?(\d{7,8})(?:-(\d{1,6}))?$/;

/** Canonical form: mobile as 11 digits (without +86), landline as 'area-number[-ext]'. */
export function normalizePhone(phone: string): string {
  const compact = phone.replace(/[\s()（）]/g, '');
  const mobile = compact.replace(/^(?:\+86|0086)-?/, '').replaceAll('-', '');
  if (MOBILE.test(mobile)) return mobile;
  const landline = LANDLINE.exec(compact);
  if (landline) return [landline[1], landline[2], landline[3]].filter(Boolean).join('-');
  return compact;
}

/** Whether `phone` is a mainland mobile number (spaces, dashes and +86 tolerated). */
export function isMobile(phone: string): boolean {
  return MOBILE.test(normalizePhone(phone));
}

/** Validate a phone number; `accept` narrows it to mobiles or landlines. */
export function validatePhone(phone: string, accept: PhoneKind | 'any' = 'any'): PhoneResult {
  const value = normalizePhone(phone);
  const kind: PhoneKind | null = MOBILE.test(value) ? 'mobile' : LANDLINE.test(value) ? 'landline' : null;
  if (kind !== null && (accept === 'any' || accept === kind)) return { ok: true, value, kind };
  const message =
    accept === 'mobile'
      ? '请输入11位手机号码'
      : accept === 'landline'
        ? '固定电话格式应为“区号-号码”，如 0839-3261234'
        : '请输入11位手机号码或“区号-号码”格式的固定电话';
  return { ok: false, code: 'PHONE_FORMAT', message };
}

/** Mask the middle of a phone number: '13812345678' → '138****5678', '0839-3261234' → '0839-***1234'. */
export function maskPhone(phone: string): string {
  const value = normalizePhone(phone);
  if (MOBILE.test(value)) return `${value.slice(0, 3)}****${value.slice(7)}`;
  const landline = LANDLINE.exec(value);
  if (landline) {
    const [, area = '', local = '', ext] = landline;
    const masked = `${area}-${'*'.repeat(local.length - 4)}${local.slice(-4)}`;
    return ext ? `${masked}-${ext}` : masked;
  }
  if (value.length <= 7) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}
