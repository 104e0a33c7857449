import { ChangePassword } from '../../../../../../schema/api/account';
import { invalid } from '../../../http/errors';
import { projectScope } from '../../../http/scope';
import { parseInput } from '../../../http/validate';
import { createService } from '../../../directus';
import type { HandlerContext } from '../context';

/** POST /platform/me/password — change the password (required after the first login). */
export async function changePassword(ctx: HandlerContext): Promise<null> {
  const { req, database } = ctx;
  const scope = await projectScope(req, database);
  const input = parseInput(ChangePassword, req.body);
  if (input.current_password === input.new_password) throw invalid('PASSWORD_UNCHANGED', '新密码不能与当前密码相同', 'new_password');
  const auth = await createService(ctx, 'AuthenticationService');
  try {
    await auth.verifyPassword(scope.userId, input.current_password);
  } catch {
    throw invalid('PASSWORD_WRONG', '当前密码不正确', 'current_password');
  }
  const users = await createService(ctx, 'UsersService');
  await users.updateOne(scope.userId, { password: input.new_password, must_change_password: false });
  return null;
}
