import { getKeyPost, listKeyPosts } from './handlers/key-posts.get';
import { applyExit, registerEntry } from './handlers/key-posts.post';
import type { RouteKit } from './routes';

/** 关键岗位: the board, 入场登记 (bureau approves), 退场解锁 (bureau approves). */
export function keyPostRoutes({ router, json }: RouteKit): void {
  router.get('/key-posts', json(listKeyPosts));
  router.post('/key-posts', json(registerEntry, 201));
  router.get('/key-posts/:id', json(getKeyPost));
  router.post('/key-posts/:id/exit', json(applyExit));
}
