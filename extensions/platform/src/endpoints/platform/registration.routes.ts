import { postRegistration } from './handlers/registrations.post';
import type { RouteKit } from './routes';

/** 实名制登记: registering a worker or manager on the caller's project. */
export function registrationRoutes({ router, json }: RouteKit): void {
  router.post('/registrations', json(postRegistration, 201));
}
