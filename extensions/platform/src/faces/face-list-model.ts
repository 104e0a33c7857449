import { z } from 'zod';

/** GET /platform/faces query: 姓名/班组 search, one team, only those without a face photo, page. */
export const FaceListQuery = z.object({
  q: z.string().trim().max(50, '搜索内容不能超过50个字').optional(),
  team: z.coerce.number().int().positive('班组不正确').optional(),
  missing: z.enum(['0', '1'], { message: '筛选条件不正确' }).optional(),
  page: z.coerce.number().int().min(1, '页码不正确').max(10_000, '页码不正确').default(1),
});
export type FaceListQuery = z.infer<typeof FaceListQuery>;

export const FACE_LIST_LABELS = { q: '搜索内容', team: '班组', missing: '筛选条件', page: '页码' } as const;

export const FACE_LIST_PAGE_SIZE = 20;
