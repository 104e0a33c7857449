/**
 * A participating unit (参建单位) created on the spot from the H5: a company (city-wide, keyed by
 * its 统一社会信用代码) and its participation type in this project.
 */
import { z } from 'zod';
import { isMainUnitRole, PARTICIPATION_TYPES, valuesOf } from '../../../../schema/codes';
import { normalizeUscc, validatePhone } from '../../../../schema/rules';

export const UnitInput = z.object({
  name: z.string({ error: '请填写企业名称' }).trim().min(2, '请填写企业名称').max(200, '企业名称不能超过200个字'),
  // The check digit is verified after parsing, so the refusal carries validateUscc's own rule code.
  uscc: z.string({ error: '请填写统一社会信用代码' }).transform(normalizeUscc).refine((value) => value.length > 0, '请填写统一社会信用代码'),
  participation: z
    .enum(valuesOf(PARTICIPATION_TYPES), { error: '请选择参建类型' })
    // The five main units come from the approved declaration; the H5 adds subcontractors and others.
    .refine((value) => !isMainUnitRole(value), '五方主体单位以项目申报为准，这里只能新增分包、劳务等参建单位'),
  contact_name: z.string().trim().max(50, '联系人不能超过50个字').nullish().transform((value) => value || null),
  contact_phone: z
    .string()
    .trim()
    .nullish()
    .transform((value) => value || null)
    .refine((value) => value === null || validatePhone(value).ok, '联系电话格式不正确'),
});

export type UnitInput = z.infer<typeof UnitInput>;

export const UNIT_LABELS = { name: '企业名称', uscc: '统一社会信用代码', participation: '参建类型', contact_name: '联系人', contact_phone: '联系电话' } as const;
