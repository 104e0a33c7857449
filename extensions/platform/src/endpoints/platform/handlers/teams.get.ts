import type { Knex } from 'knex';
import type { Team } from '../../../../../../schema/api/teams';
import { fromDbRow, readText } from '../../../db/values';
import { notYours } from '../../../http/errors';
import { projectScope } from '../../../http/scope';
import type { HandlerContext } from '../context';

interface TeamRow {
  id: number;
  on_site: number | string;
  [column: string]: unknown;
}

function teamsQuery(database: Knex, projectId: number) {
  const onSite = database('employments').count('*').where('employments.team', database.ref('teams.id')).andWhere('employments.status', 'on_site').as('on_site');
  return database('teams')
    .leftJoin('units', 'units.id', 'teams.unit')
    .select(
      'teams.id',
      'teams.name',
      'teams.kind',
      'teams.trade',
      'teams.status',
      'teams.unit',
      'teams.leader_name',
      'teams.leader_phone',
      'teams.date_created',
      'units.name as unit_name',
      onSite,
    )
    .where('teams.project', projectId);
}

const toTeam = (row: TeamRow): Team => {
  const team = fromDbRow('teams', row);
  return {
    id: Number(team['id']),
    name: String(team['name']),
    kind: String(team['kind']),
    trade: (team['trade'] as Team['trade']) ?? null,
    status: team['status'] as Team['status'],
    unit: Number(team['unit']),
    unit_name: readText(team['unit_name']),
    leader_name: readText(team['leader_name']),
    leader_phone: readText(team['leader_phone']),
    date_created: readText(team['date_created']),
    on_site: Number(row.on_site),
  };
};

/**
 * GET /platform/teams?q=&kind=management|worker&status=active|exited — the project's teams with
 * their unit and on-site headcount; `q` matches the team, unit or leader name.
 */
export async function listTeams({ req, database }: HandlerContext): Promise<Team[]> {
  const scope = await projectScope(req, database);
  const q = typeof req.query['q'] === 'string' ? req.query['q'].trim() : '';
  const kind = req.query['kind'];
  const status = req.query['status'];
  const rows: TeamRow[] = await teamsQuery(database, scope.projectId)
    .modify((query) => {
      if (q) query.andWhere((w) => w.where('teams.name', 'like', `%${q}%`).orWhere('units.name', 'like', `%${q}%`).orWhere('teams.leader_name', 'like', `%${q}%`));
      // Every team that is not a management team takes workers.
      if (kind === 'management') query.andWhere('teams.kind', 'management');
      if (kind === 'worker') query.andWhereNot('teams.kind', 'management');
      if (status === 'active' || status === 'exited') query.andWhere('teams.status', status);
    })
    .orderBy('teams.id');
  return rows.map(toTeam);
}

/** One team of the project with its headcount; 403 when absent or another project's. */
export async function findTeam(database: Knex, projectId: number, id: number) {
  const row: TeamRow | undefined = await teamsQuery(database, projectId).andWhere('teams.id', id).first();
  if (!row) throw notYours();
  return toTeam(row);
}

/** GET /platform/teams/:id — one team of the project (for 编辑). */
export async function getTeam({ req, database }: HandlerContext): Promise<Team> {
  const scope = await projectScope(req, database);
  return findTeam(database, scope.projectId, Number.parseInt(String(req.params['id'] ?? ''), 10) || 0);
}
