import type { Knex } from 'knex';
import { loginRequired, notYours } from './errors';

/** The logged-in project-staff user and the one project their account belongs to. */
export interface ProjectScope {
  userId: string;
  projectId: number;
  /** Who `userId` is in audit rows: a user (default), or the system (provisioning's data migrations). */
  actorKind?: 'user' | 'system';
}

interface WithAccountability {
  accountability?: { user?: string | null } | null;
}

/**
 * The project comes from the logged-in user, never from the request: every project-staff endpoint
 * starts here, and every query it makes is filtered by `projectId`.
 */
export async function projectScope(req: WithAccountability, database: Knex): Promise<ProjectScope> {
  const userId = req.accountability?.user;
  if (!userId) throw loginRequired();
  const user = await database('directus_users').select('project', 'status').where({ id: userId }).first();
  if (!user || user.status !== 'active' || user.project == null) throw notYours();
  const project = await database('projects').select('id', 'status').where({ id: user.project }).first();
  if (!project || (project.status !== 'approved' && project.status !== 'completed')) throw notYours();
  return { userId, projectId: Number(project.id) };
}

/** Throws 403 unless `row` exists and belongs to the caller's project. */
export function assertOwned<T extends { project?: unknown }>(row: T | undefined, scope: ProjectScope): T {
  if (!row || Number(row.project) !== scope.projectId) throw notYours();
  return row;
}
