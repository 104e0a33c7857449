/**
 * 统一社会信用代码 (GB 32100-2015): format, registry and kind codes, and the final check
 * character. The organisation-code check digit embedded at position 17 is not enforced,
 * because older codes re-issued from legacy registrations do not always satisfy it.
 */
import { REGION_TREE } from '../codes/regions';

export type UsccErrorCode = 'USCC_FORMAT' | 'USCC_CHECKSUM';

export type UsccResult =
  | { ok: true; value: string; registry: string; kind: string; regionCode: string; registryLabel: string; kindLabel: string | null }
  | { ok: false; code: UsccErrorCode; message: string };

/** The 31 characters a credit code may use (no I, O, Z, S, V), in check-value order. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

interface Registry {
  readonly label: string;
  /** Kind codes with labels; `open` registries accept any digit 1–9 as the kind. */
  readonly kinds: Readonly<Record<string, string>>;
  readonly open?: boolean;
}

/** 登记管理部门代码 (position 1) and their 机构类别代码 (position 2). */
export const USCC_REGISTRIES: Readonly<Record<string, Registry>> = {
  '1': { label: '机构编制', kinds: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { label: '外交', kinds: { '1': '外国常驻新闻机构', '9': '其他' }, open: true },
  '3': { label: '司法行政', kinds: { '1': '律师执业机构', '2': '外国律师事务所驻华代表机构', '9': '其他' }, open: true },
  '4': { label: '文化', kinds: { '1': '外国在华文化中心', '9': '其他' }, open: true },
  '5': { label: '民政', kinds: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': { label: '旅游', kinds: { '1': '外国旅游部门常驻代表机构', '9': '其他' }, open: true },
  '7': { label: '宗教', kinds: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' }, open: true },
  '8': { label: '工会', kinds: { '1': '基层工会', '9': '其他' }, open: true },
  '9': { label: '工商', kinds: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { label: '中央军委改革和编制办公室', kinds: { '1': '军队事业单位', '9': '其他' }, open: true },
  N: { label: '农业', kinds: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' }, open: true },
  Y: { label: '其他', kinds: { '1': '其他' } },
};

// Registrations made by a national authority carry the pseudo-region 100000.
const REGION_PREFIXES: ReadonlySet<string> = new Set(['10', ...REGION_TREE.map((node) => node.value.slice(0, 2))]);

const fail = (code: UsccErrorCode, message: string): UsccResult => ({ ok: false, code, message });

/** Drop spaces and upper-case a credit code as typed. */
export function normalizeUscc(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/** The check character (position 18) for the first 17 characters. */
export function usccCheckChar(body17: string): string {
  if (body17.length !== 17) throw new RangeError('usccCheckChar needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = USCC_ALPHABET.indexOf(body17.charAt(i));
    if (value < 0) throw new RangeError(`Not a credit-code character: ${body17.charAt(i)}`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Validate a 统一社会信用代码 and say which registry and kind of body issued it. */
export function validateUscc(code: string): UsccResult {
  const value = normalizeUscc(code);
  if (value.length !== 18) return fail('USCC_FORMAT', '统一社会信用代码应为18位');
  if (![...value].every((char) => USCC_ALPHABET.includes(char))) {
    return fail('USCC_FORMAT', '统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）');
  }
  const registry = value.charAt(0);
  const kind = value.charAt(1);
  const entry = USCC_REGISTRIES[registry];
  if (!entry) return fail('USCC_FORMAT', '统一社会信用代码第1位（登记管理部门代码）无效');
  const kindLabel = entry.kinds[kind] ?? null;
  if (kindLabel === null && !(entry.open && /^[1-9]$/.test(kind))) {
    return fail('USCC_FORMAT', '统一社会信用代码第2位（机构类别代码）无效');
  }
  const regionCode = value.slice(2, 8);
  if (!/^\d{6}$/.test(regionCode) || !REGION_PREFIXES.has(regionCode.slice(0, 2))) {
    return fail('USCC_FORMAT', '统一社会信用代码第3至8位应为登记管理机关的行政区划代码');
  }
  if (usccCheckChar(value.slice(0, 17)) !== value.charAt(17)) {
    return fail('USCC_CHECKSUM', '统一社会信用代码校验位不正确，请核对是否输错');
  }
  return { ok: true, value, registry, kind, regionCode, registryLabel: entry.label, kindLabel };
}

/** Options for makeUscc; the defaults make an enterprise (91) registered in 利州区. */
export interface MakeUsccOptions {
  regionCode?: string;
  registry?: string;
  kind?: string;
}

const GB11714_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const GB11714_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += GB11714_CHARS.indexOf(body8.charAt(i)) * (GB11714_WEIGHTS[i] ?? 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * A valid credit code for demo data: `seq` (0 ≤ seq < 31^6) picks the organisation code
 * 'MA' + six characters, the way codes issued since 2015 look; both check characters are valid.
 */
export function makeUscc(seq: number, options: MakeUsccOptions = {}): string {
  const { regionCode = '510802', registry = '9', kind = '1' } = options;
  if (!Number.isInteger(seq) || seq < 0 || seq >= 31 ** 6) throw new RangeError(`seq out of range: ${seq}`);
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`Region code must be 6 digits: ${regionCode}`);
  let rest = seq;
  let tail = '';
  for (let i = 0; i < 6; i += 1) {
    tail = USCC_ALPHABET.charAt(rest % 31) + tail;
    rest = Math.floor(rest / 31);
  }
  const orgBody = `MA${tail}`;
  const body = `${registry}${kind}${regionCode}${orgBody}${orgCodeCheckChar(orgBody)}`;
  return body + usccCheckChar(body);
}
