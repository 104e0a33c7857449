import { defineEndpoint } from '@directus/extensions-sdk';
import type { Request, Response } from 'express';
import { route } from '../../http/route';
import type { HandlerContext } from './context';
import { checkDeclaration, resubmitDeclaration, submitDeclaration } from './handlers/declarations';
import { listDevices } from './handlers/devices.get';
import { streamFile } from './handlers/file.get';
import { getMe } from './handlers/me.get';
import { changePassword } from './handlers/me-password.post';
import { getPerson, listPeople } from './handlers/people.get';
import { listPunches } from './handlers/punches.get';
import { listTeams } from './handlers/teams.get';

type Handler = (ctx: HandlerContext) => Promise<unknown>;

/** `/platform/*`: the H5's API. Wiring only; each handler lives in its own file. */
export default defineEndpoint({
  id: 'platform',
  handler: (router, { database, services, getSchema, env }) => {
    const ctx = (req: Request): HandlerContext => ({ req, database, services, getSchema, env });
    const json = (handler: Handler, status = 200) =>
      route(async (req: Request, res: Response) => {
        const data = await handler(ctx(req));
        if (data === null) res.status(204).end();
        else res.status(status).json({ data });
      });

    // Public: project declaration (项目申报) and its progress (申报进度).
    router.post('/declarations', json(submitDeclaration, 201));
    router.get('/declarations/:applicationNo', json(checkDeclaration));
    router.put('/declarations/:applicationNo', json(resubmitDeclaration));

    // Project staff: the project always comes from the logged-in account.
    router.get('/me', json(getMe));
    router.post('/me/password', json(changePassword));
    router.get('/teams', json(listTeams));
    router.get('/people', json(listPeople));
    router.get('/people/:id', json(getPerson));
    router.get('/devices', json(listDevices));
    router.get('/punches', json(listPunches));
    router.get('/files/:id', route((req, res) => streamFile(ctx(req), res)));
  },
});
