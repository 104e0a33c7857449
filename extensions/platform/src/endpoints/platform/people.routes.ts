import { streamFile } from './handlers/file.get';
import { getPerson, listPeople } from './handlers/people.get';
import { listTeams } from './handlers/teams.get';
import type { RouteKit } from './routes';

/** Teams, people and their private files, scoped to the caller's project. */
export function peopleRoutes({ router, json, raw }: RouteKit): void {
  router.get('/teams', json(listTeams));
  router.get('/people', json(listPeople));
  router.get('/people/:id', json(getPerson));
  router.get('/files/:id', raw(streamFile));
}
