import { defineEndpoint } from '@directus/extensions-sdk';
import { accountRoutes } from './account.routes';
import { contractRoutes } from './contracts.routes';
import { declarationRoutes } from './declarations.routes';
import { exitRoutes } from './exits.routes';
import { exportRoutes } from './exports.routes';
import { faceRoutes } from './faces.routes';
import { keyPostRoutes } from './key-posts.routes';
import { ocrRoutes } from './ocr.routes';
import { payrollRoutes } from './payroll.routes';
import { peopleRoutes } from './people.routes';
import { registrationRoutes } from './registration.routes';
import { routeKit } from './routes';
import { siteRoutes } from './site.routes';
import { studioRoutes } from './studio.routes';
import { teamRoutes } from './teams.routes';

/**
 * `/platform/*`: the H5's API and the studio's audited access to personal data. Wiring only: each concern registers its routes in its own
 * `*.routes.ts`, and each handler is a plain function in `handlers/`.
 */
export default defineEndpoint({
  id: 'platform',
  handler: (router, { database, services, getSchema, env }) => {
    const kit = routeKit(router, { database, services, getSchema }, env);
    declarationRoutes(kit);
    accountRoutes(kit);
    peopleRoutes(kit);
    teamRoutes(kit);
    registrationRoutes(kit);
    siteRoutes(kit);
    keyPostRoutes(kit);
    contractRoutes(kit);
    exitRoutes(kit);
    exportRoutes(kit);
    faceRoutes(kit);
    ocrRoutes(kit);
    payrollRoutes(kit);
    studioRoutes(kit);
  },
});
