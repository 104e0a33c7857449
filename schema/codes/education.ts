/**
 * 文化程度: education levels with GB/T 4658-2006 codes, coarse enough for a worker form.
 * `platformCode` is the national worker platform's own 文化程度 code (cultureLevelType),
 * which the upload to that platform needs.
 */
import type { CodeListWith, CodeValue } from './code-list';

export const EDUCATION_LEVELS = [
  { value: '80', label: '小学', platformCode: '01' },
  { value: '70', label: '初中', platformCode: '02' },
  { value: '60', label: '普通高中', platformCode: '03' },
  { value: '40', label: '中等职业教育（中专、职高、技校）', platformCode: '04' },
  { value: '30', label: '大学专科', platformCode: '05' },
  { value: '20', label: '大学本科', platformCode: '06' },
  { value: '14', label: '硕士研究生', platformCode: '07' },
  { value: '11', label: '博士研究生', platformCode: '08' },
  { value: '90', label: '其他（含未上过学）', platformCode: '99' },
] as const satisfies CodeListWith<{ platformCode: string }>;

export type EducationLevel = CodeValue<typeof EDUCATION_LEVELS>;

/** The national worker platform's 文化程度 code for a GB/T 4658 value. */
export function educationPlatformCode(value: string | null | undefined): string | undefined {
  return EDUCATION_LEVELS.find((item) => item.value === value)?.platformCode;
}
