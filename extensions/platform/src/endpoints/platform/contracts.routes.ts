import { getContract, listContracts } from './handlers/contracts.get';
import { deleteContractPhotoHandler, postContract, postContractPhotos } from './handlers/contracts.post';
import type { RouteKit } from './routes';

/** 劳动合同: the list, 签订合同, 查看合同 and its photos, scoped to the caller's project. */
export function contractRoutes({ router, json }: RouteKit): void {
  router.get('/contracts', json(listContracts));
  router.post('/contracts', json(postContract, 201));
  router.get('/contracts/:id', json(getContract));
  router.post('/contracts/:id/photos', json(postContractPhotos, 201));
  router.delete('/contracts/:id/photos/:fileId', json(deleteContractPhotoHandler));
}
