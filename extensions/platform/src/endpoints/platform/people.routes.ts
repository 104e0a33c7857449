import { streamFile } from './handlers/file.get';
import { getPerson, listPeople } from './handlers/people.get';
import { putPersonCard } from './handlers/person-card.put';
import { patchPerson } from './handlers/person.patch';
import type { RouteKit } from './routes';

/** 施工人员 (list, 查看, 编辑, 发卡) and their private files, scoped to the caller's project. */
export function peopleRoutes({ router, json, raw }: RouteKit): void {
  router.get('/people', json(listPeople));
  router.get('/people/:id', json(getPerson));
  router.patch('/people/:id', json(patchPerson));
  router.put('/people/:id/card', json(putPersonCard));
  router.get('/files/:id', raw(streamFile));
}
