/**
 * 签订合同: creates the contract of an on-site person with the project's next contract number and
 * the photos of the paper contract, in the caller's transaction, audited. One contract per employment.
 */
import type { Knex } from 'knex';
import { isAfter, type IsoDate } from '../../../../schema/rules';
import { writeAudit } from '../audit/write-audit';
import { toDbRow } from '../db/values';
import type { DirectusApi } from '../directus';
import { conflict, invalid, notYours } from '../http/errors';
import type { ProjectScope } from '../http/scope';
import type { UploadedImage } from '../http/upload';
import { attachPhotos } from './contract-photos';
import { nextContractNo } from './contract-no';
import type { ContractReceipt, ContractSigning } from '../../../../schema/api/contracts';

const insertedId = (row: unknown): number => Number(typeof row === 'object' && row !== null ? (row as { id: unknown }).id : row);

/** Signs the contract; a second signing of the same person is a 409 (add photos to the first instead). */
export async function signContract(
  api: DirectusApi,
  trx: Knex,
  input: { signing: ContractSigning; images: readonly UploadedImage[]; scope: ProjectScope; today: IsoDate },
): Promise<ContractReceipt> {
  const { signing, scope } = input;
  const employment = await trx('employments').select('id', 'project', 'status').where({ id: signing.employment }).first();
  if (!employment || Number(employment.project) !== scope.projectId) throw notYours();
  if (employment.status !== 'on_site') throw conflict('ALREADY_EXITED', '已退场人员不能签订合同');
  if (isAfter(signing.signed_on, input.today)) throw invalid('DATE_FUTURE', '签订日期不能晚于今天', 'signed_on');
  if (await trx('contracts').where({ employment: signing.employment }).first('id')) {
    throw conflict('CONTRACT_EXISTS', '该人员已签订合同，可在【查看合同】中补充照片');
  }
  const contractNo = await nextContractNo(trx, scope.projectId);
  const [row] = await trx('contracts').insert(
    toDbRow(trx, 'contracts', { employment: signing.employment, contract_no: contractNo, type: signing.type, signed_on: signing.signed_on, date_created: new Date().toISOString() }),
    ['id'],
  );
  const contract = { id: insertedId(row), contract_no: contractNo };
  const photos = await attachPhotos(api, trx, contract, input.images, 1);
  await writeAudit(trx, {
    actor: scope.userId,
    actorKind: 'user',
    project: scope.projectId,
    action: 'contract.sign',
    collection: 'contracts',
    item: contract.id,
    after: { employment: signing.employment, contract_no: contractNo, type: signing.type, signed_on: signing.signed_on, photos },
  });
  return { ...contract, photos };
}

