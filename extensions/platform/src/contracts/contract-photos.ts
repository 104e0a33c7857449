/**
 * Photos of a paper contract (合同附件): attach, add more, delete one. Each write runs in the caller's
 * transaction and is audited; photos are private files read through `/platform/files/:id`.
 */
import type { Knex } from 'knex';
import { writeAudit } from '../audit/write-audit';
import { createService, type DirectusApi } from '../directus';
import { savePrivateImage } from '../files/save-file';
import { conflict, invalid, notYours } from '../http/errors';
import type { ProjectScope } from '../http/scope';
import type { UploadedImage } from '../http/upload';
import { MAX_CONTRACT_PHOTOS } from '../../../../schema/api/contracts';

/** The contract `id` when it belongs to an employment of the caller's project, else 403. */
export async function ownedContract(trx: Knex, id: number, scope: ProjectScope): Promise<{ id: number; contract_no: string; employment: number }> {
  const contract = await trx('contracts')
    .join('employments', 'employments.id', 'contracts.employment')
    .select('contracts.id', 'contracts.contract_no', 'contracts.employment')
    .where({ 'contracts.id': id, 'employments.project': scope.projectId })
    .first();
  if (!contract) throw notYours();
  return { id: Number(contract.id), contract_no: contract.contract_no, employment: Number(contract.employment) };
}

/** Stores the images as private files and links them to the contract, numbered from `firstSort`. */
export async function attachPhotos(api: DirectusApi, trx: Knex, contract: { id: number; contract_no: string }, images: readonly UploadedImage[], firstSort: number): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, image] of images.entries()) {
    const sort = firstSort + index;
    const fileId = await savePrivateImage(api, image, { title: `劳动合同 ${contract.contract_no}-${sort}`, knex: trx });
    await trx('contracts_files').insert({ contracts_id: contract.id, directus_files_id: fileId, sort });
    ids.push(fileId);
  }
  return ids;
}

/** 上传照片: more photos for a contract of the project. */
export async function addContractPhotos(api: DirectusApi, trx: Knex, contractId: number, images: readonly UploadedImage[], scope: ProjectScope): Promise<string[]> {
  const contract = await ownedContract(trx, contractId, scope);
  const stats = await trx('contracts_files').where({ contracts_id: contract.id }).count({ n: '*' }).max({ sort: 'sort' }).first();
  const count = Number(stats?.['n'] ?? 0);
  if (count + images.length > MAX_CONTRACT_PHOTOS) {
    throw invalid('PHOTOS_LIMIT', `每份合同最多${MAX_CONTRACT_PHOTOS}张照片，已有${count}张`, 'photos');
  }
  const photos = await attachPhotos(api, trx, contract, images, Number(stats?.['sort'] ?? 0) + 1);
  await writeAudit(trx, { actor: scope.userId, actorKind: 'user', project: scope.projectId, action: 'contract.photos.add', collection: 'contracts', item: contract.id, after: { photos } });
  return photos;
}

/** 删除照片: removes one photo (the junction row and the private file); the last one stays. */
export async function deleteContractPhoto(api: DirectusApi, trx: Knex, contractId: number, fileId: string, scope: ProjectScope): Promise<void> {
  const contract = await ownedContract(trx, contractId, scope);
  const link = await trx('contracts_files').where({ contracts_id: contract.id, directus_files_id: fileId }).first('id');
  if (!link) throw notYours();
  const [photos] = await trx('contracts_files').where({ contracts_id: contract.id }).count({ n: '*' });
  if (Number(photos?.n ?? 0) <= 1) throw conflict('LAST_PHOTO', '合同至少保留一张照片，请先上传新照片再删除');
  await trx('contracts_files').where({ id: link.id }).delete();
  await writeAudit(trx, { actor: scope.userId, actorKind: 'user', project: scope.projectId, action: 'contract.photos.delete', collection: 'contracts', item: contract.id, before: { photo: fileId } });
  // Last, so a failure here rolls the whole deletion back (the stored bytes go with the file row).
  const files = await createService(api, 'FilesService', trx);
  await files.deleteOne(fileId);
}
