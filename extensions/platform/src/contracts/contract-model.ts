/**
 * 签订合同 as the H5 sends it: multipart text fields next to the photos of the paper contract.
 */
import { z } from 'zod';
import { CONTRACT_TERM_TYPES, valuesOf } from '../../../../schema/codes';
import { isIsoDate } from '../../../../schema/rules';

/** Photos one contract may hold, and one request may add. */
export const MAX_CONTRACT_PHOTOS = 20;
export const MAX_PHOTOS_PER_UPLOAD = 9;

export const ContractSigning = z.object({
  employment: z.coerce.number({ error: '请选择签订合同的人员' }).int('请选择签订合同的人员').positive('请选择签订合同的人员'),
  signed_on: z.string({ error: '请选择签订日期' }).refine(isIsoDate, '签订日期格式不正确，应为 YYYY-MM-DD'),
  type: z.enum(valuesOf(CONTRACT_TERM_TYPES), { error: '请选择合同类型' }).default('0'),
});
export type ContractSigning = z.infer<typeof ContractSigning>;

export const CONTRACT_LABELS = { employment: '人员', signed_on: '签订日期', type: '合同类型', photos: '合同照片' } as const;
