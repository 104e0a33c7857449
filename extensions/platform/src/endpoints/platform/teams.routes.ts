import { getTeam, listTeams } from './handlers/teams.get';
import { postTeam } from './handlers/teams.post';
import { putTeam } from './handlers/teams.put';
import { listUnits, postUnit } from './handlers/units';
import type { RouteKit } from './routes';

/** 项目班组 and 参建单位 of the caller's project. */
export function teamRoutes({ router, json }: RouteKit): void {
  router.get('/teams', json(listTeams));
  router.post('/teams', json(postTeam, 201));
  router.get('/teams/:id', json(getTeam));
  router.put('/teams/:id', json(putTeam));
  router.get('/units', json(listUnits));
  router.post('/units', json(postUnit, 201));
}
