import type { Knex } from 'knex';
import { ROLE_IDS } from '../../../../schema/access/roles';
import { invalid, loginRequired, notYours } from '../http/errors';
import { projectScope } from '../http/scope';
import type { ExportProject, ExportViewer } from './export-kind';

/**
 * Who `userId` is for exports, checked against the database every time (a link outlives nothing:
 * a user disabled or moved since it was made is refused): project staff of an approved or
 * completed project, or bureau staff / an administrator. Anyone else gets 403.
 */
export async function exportViewer(database: Knex, userId: string | null | undefined): Promise<ExportViewer & { ownProject: number | null }> {
  if (!userId) throw loginRequired();
  const user = await database('directus_users').select('id', 'role', 'status', 'project').where({ id: userId }).first();
  if (!user || user.status !== 'active') throw notYours();
  if (user.role === ROLE_IDS.bureau || (await hasAdminAccess(database, userId, user.role))) {
    return { userId, role: 'bureau', ownProject: null };
  }
  if (user.role !== ROLE_IDS.projectStaff) throw notYours();
  const scope = await projectScope({ accountability: { user: userId } }, database);
  return { userId, role: 'project', ownProject: scope.projectId };
}

/**
 * The project an export is for: project staff always their own (asking for another is 403),
 * bureau staff the one they name (required).
 */
export async function exportProject(database: Knex, viewer: { role: ExportViewer['role']; ownProject: number | null }, requested: unknown): Promise<ExportProject> {
  const asked = requested === undefined || requested === null || requested === '' ? null : Number(requested);
  if (asked !== null && !(Number.isInteger(asked) && asked > 0)) throw invalid('INVALID_TYPE', '项目格式不正确', 'project');
  let id: number;
  if (viewer.role === 'project') {
    if (asked !== null && asked !== viewer.ownProject) throw notYours();
    id = viewer.ownProject ?? 0;
  } else {
    if (asked === null) throw invalid('REQUIRED', '请选择项目', 'project');
    id = asked;
  }
  const project = await database('projects').select('id', 'name', 'code').where({ id }).first();
  if (!project) throw notYours();
  return { id: Number(project.id), name: String(project.name), code: project.code ?? null };
}

async function hasAdminAccess(database: Knex, userId: string, roleId: string | null): Promise<boolean> {
  const row = await database('directus_access')
    .join('directus_policies', 'directus_policies.id', 'directus_access.policy')
    .where('directus_policies.admin_access', true)
    .andWhere((w) => {
      w.where('directus_access.user', userId);
      if (roleId) w.orWhere('directus_access.role', roleId);
    })
    .first('directus_policies.id');
  return Boolean(row);
}
