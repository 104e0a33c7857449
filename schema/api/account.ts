/** The project account (`/platform/me`): who is logged in, and 修改密码. */
import { z } from 'zod';

/** What `GET /platform/me` answers for a project account. */
export interface Me {
  id: string;
  /** The login account as the authority issued it (the project code, e.g. GY5108020001). */
  account: string;
  must_change_password: boolean;
  project: { id: number; name: string; code: string; status: string; region_code: string | null; address: string | null };
}

/** `POST /platform/me/password` (answers 204; the server clears `must_change_password`). */
export const ChangePassword = z.object({
  current_password: z.string({ error: '请输入当前密码' }).min(1, '请输入当前密码'),
  new_password: z
    .string({ error: '请输入新密码' })
    .min(8, '新密码至少 8 位')
    .max(64, '新密码不能超过 64 位')
    .regex(/[A-Za-z]/, '新密码须包含字母')
    .regex(/\d/, '新密码须包含数字'),
});
export type ChangePassword = z.infer<typeof ChangePassword>;
