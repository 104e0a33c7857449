/**
 * 民族: the 56 ethnic groups with their GB/T 3304 codes. `label` is the short name printed on
 * the ID card (汉, 维吾尔); `fullName` is the formal one (汉族, 维吾尔族).
 */
import type { CodeListWith, CodeValue } from './code-list';

export const ETHNICITIES = [
  { value: '01', label: '汉', fullName: '汉族' },
  { value: '02', label: '蒙古', fullName: '蒙古族' },
  { value: '03', label: '回', fullName: '回族' },
  { value: '04', label: '藏', fullName: '藏族' },
  { value: '05', label: '维吾尔', fullName: '维吾尔族' },
  { value: '06', label: '苗', fullName: '苗族' },
  { value: '07', label: '彝', fullName: '彝族' },
  { value: '08', label: '壮', fullName: '壮族' },
  { value: '09', label: '布依', fullName: '布依族' },
  { value: '10', label: '朝鲜', fullName: '朝鲜族' },
  { value: '11', label: '满', fullName: '满族' },
  { value: '12', label: '侗', fullName: '侗族' },
  { value: '13', label: '瑶', fullName: '瑶族' },
  { value: '14', label: '白', fullName: '白族' },
  { value: '15', label: '土家', fullName: '土家族' },
  { value: '16', label: '哈尼', fullName: '哈尼族' },
  { value: '17', label: '哈萨克', fullName: '哈萨克族' },
  { value: '18', label: '傣', fullName: '傣族' },
  { value: '19', label: '黎', fullName: '黎族' },
  { value: '20', label: '傈僳', fullName: '傈僳族' },
  { value: '21', label: '佤', fullName: '佤族' },
  { value: '22', label: '畲', fullName: '畲族' },
  { value: '23', label: '高山', fullName: '高山族' },
  { value: '24', label: '拉祜', fullName: '拉祜族' },
  { value: '25', label: '水', fullName: '水族' },
  { value: '26', label: '东乡', fullName: '东乡族' },
  { value: '27', label: '纳西', fullName: '纳西族' },
  { value: '28', label: '景颇', fullName: '景颇族' },
  { value: '29', label: '柯尔克孜', fullName: '柯尔克孜族' },
  { value: '30', label: '土', fullName: '土族' },
  { value: '31', label: '达斡尔', fullName: '达斡尔族' },
  { value: '32', label: '仫佬', fullName: '仫佬族' },
  { value: '33', label: '羌', fullName: '羌族' },
  { value: '34', label: '布朗', fullName: '布朗族' },
  { value: '35', label: '撒拉', fullName: '撒拉族' },
  { value: '36', label: '毛南', fullName: '毛南族' },
  { value: '37', label: '仡佬', fullName: '仡佬族' },
  { value: '38', label: '锡伯', fullName: '锡伯族' },
  { value: '39', label: '阿昌', fullName: '阿昌族' },
  { value: '40', label: '普米', fullName: '普米族' },
  { value: '41', label: '塔吉克', fullName: '塔吉克族' },
  { value: '42', label: '怒', fullName: '怒族' },
  { value: '43', label: '乌孜别克', fullName: '乌孜别克族' },
  { value: '44', label: '俄罗斯', fullName: '俄罗斯族' },
  { value: '45', label: '鄂温克', fullName: '鄂温克族' },
  { value: '46', label: '德昂', fullName: '德昂族' },
  { value: '47', label: '保安', fullName: '保安族' },
  { value: '48', label: '裕固', fullName: '裕固族' },
  { value: '49', label: '京', fullName: '京族' },
  { value: '50', label: '塔塔尔', fullName: '塔塔尔族' },
  { value: '51', label: '独龙', fullName: '独龙族' },
  { value: '52', label: '鄂伦春', fullName: '鄂伦春族' },
  { value: '53', label: '赫哲', fullName: '赫哲族' },
  { value: '54', label: '门巴', fullName: '门巴族' },
  { value: '55', label: '珞巴', fullName: '珞巴族' },
  { value: '56', label: '基诺', fullName: '基诺族' },
] as const satisfies CodeListWith<{ fullName: string }>;

export type Ethnicity = CodeValue<typeof ETHNICITIES>;

/** The ethnicity for a code, ID-card short name or full name ('01', '汉', '汉族'). */
export function resolveEthnicity(text: string | null | undefined): Ethnicity | undefined {
  const wanted = text?.trim();
  if (!wanted) return undefined;
  return ETHNICITIES.find(
    (item) => item.value === wanted || item.label === wanted || item.fullName === wanted,
  )?.value;
}

/** The formal name (汉族) for a code, or undefined when the code is unknown. */
export function ethnicityFullName(value: string | null | undefined): string | undefined {
  return ETHNICITIES.find((item) => item.value === value)?.fullName;
}
