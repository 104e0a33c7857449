/** 血型 (ABO) as the 人员编辑 form offers it; stored in `people.blood_type` (≤ 4 characters). */
import type { CodeList, CodeValue } from './code-list';

export const BLOOD_TYPES = [
  { value: 'a', label: 'A型' },
  { value: 'b', label: 'B型' },
  { value: 'ab', label: 'AB型' },
  { value: 'o', label: 'O型' },
  { value: 'na', label: '不详' },
] as const satisfies CodeList;

export type BloodType = CodeValue<typeof BLOOD_TYPES>;
