import { exitOnePerson, exitWholeTeam } from './handlers/exits.post';
import type { RouteKit } from './routes';

/** 退场 and 班组退场, scoped to the caller's project. */
export function exitRoutes({ router, json }: RouteKit): void {
  router.post('/people/:id/exit', json(exitOnePerson));
  router.post('/teams/:id/exit', json(exitWholeTeam));
}
