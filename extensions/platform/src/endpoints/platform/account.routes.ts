import { getMe } from './handlers/me.get';
import { changePassword } from './handlers/me-password.post';
import type { RouteKit } from './routes';

/** The logged-in project account. */
export function accountRoutes({ router, json }: RouteKit): void {
  router.get('/me', json(getMe));
  router.post('/me/password', json(changePassword));
}
