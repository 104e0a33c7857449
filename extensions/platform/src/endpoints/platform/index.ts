import { defineEndpoint } from '@directus/extensions-sdk';
import { accountRoutes } from './account.routes';
import { declarationRoutes } from './declarations.routes';
import { peopleRoutes } from './people.routes';
import { routeKit } from './routes';
import { siteRoutes } from './site.routes';

/**
 * `/platform/*`: the H5's API. Wiring only: each concern registers its routes in its own
 * `*.routes.ts`, and each handler is a plain function in `handlers/`.
 */
export default defineEndpoint({
  id: 'platform',
  handler: (router, { database, services, getSchema, env }) => {
    const kit = routeKit(router, { database, services, getSchema }, env);
    declarationRoutes(kit);
    accountRoutes(kit);
    peopleRoutes(kit);
    siteRoutes(kit);
  },
});
