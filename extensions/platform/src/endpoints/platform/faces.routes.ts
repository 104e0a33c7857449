import { getFace, listFaces } from './handlers/faces.get';
import { postFaceCheck } from './handlers/faces-check.post';
import type { RouteKit } from './routes';

/** 人脸采集: the list, one person, and the check that saves a passing photo. */
export function faceRoutes({ router, json }: RouteKit): void {
  router.get('/faces', json(listFaces));
  router.get('/faces/:employmentId', json(getFace));
  router.post('/faces/:employmentId/check', json(postFaceCheck));
}
