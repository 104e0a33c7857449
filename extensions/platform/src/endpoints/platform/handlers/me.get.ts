import type { Me } from '../../../../../../schema/api/account';
import { projectScope } from '../../../http/scope';
import type { HandlerContext } from '../context';

/** GET /platform/me — the logged-in account and its project. */
export async function getMe({ req, database }: HandlerContext): Promise<Me> {
  const scope = await projectScope(req, database);
  const user = await database('directus_users').select('id', 'email', 'first_name', 'must_change_password').where({ id: scope.userId }).first();
  const project = await database('projects').select('id', 'name', 'code', 'status', 'region_code', 'address').where({ id: scope.projectId }).first();
  return {
    id: String(user.id),
    account: String(project.code),
    must_change_password: Boolean(user.must_change_password),
    project: { id: Number(project.id), name: String(project.name), code: String(project.code), status: String(project.status), region_code: project.region_code ?? null, address: project.address ?? null },
  };
}
