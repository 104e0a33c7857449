import { todayInShanghai } from '../../../../../../schema/rules/dates';
import { uploadLimits } from '../../../config';
import { CONTRACT_LABELS, ContractSigning, MAX_PHOTOS_PER_UPLOAD, type ContractPhotosReceipt, type ContractReceipt } from '../../../../../../schema/api/contracts';
import { addContractPhotos, deleteContractPhoto } from '../../../contracts/contract-photos';
import { signContract } from '../../../contracts/sign-contract';
import { retryOnUniqueViolation } from '../../../db/unique-violation';
import { conflict } from '../../../http/errors';
import { projectScope } from '../../../http/scope';
import { readImageList } from '../../../http/upload';
import { parseInput } from '../../../http/validate';
import type { HandlerContext } from '../context';

const readPhotos = (ctx: HandlerContext) =>
  readImageList(ctx.req, { ...uploadLimits(ctx.env), field: 'photos', label: '合同照片', maxFiles: MAX_PHOTOS_PER_UPLOAD });

const contractId = (ctx: HandlerContext) => Number.parseInt(String(ctx.req.params['id'] ?? ''), 10) || 0;

/**
 * POST /platform/contracts (multipart: employment, signed_on, type?, photos × 1–9) — 签订合同.
 * Every photo is checked before anything is written; a clash on the generated number (two signings
 * at once) is retried with the next one.
 */
export async function postContract(ctx: HandlerContext): Promise<ContractReceipt> {
  const scope = await projectScope(ctx.req, ctx.database);
  const { images, fields } = await readPhotos(ctx);
  const signing = parseInput(ContractSigning, fields, CONTRACT_LABELS);
  const today = todayInShanghai(new Date());
  return retryOnUniqueViolation(
    () => ctx.database.transaction((trx) => signContract(ctx, trx, { signing, images, scope, today })),
    3,
    () => conflict('CONTRACT_NO_BUSY', '合同编号生成冲突，请稍后重试'),
  );
}

/** POST /platform/contracts/:id/photos (multipart: photos × 1–9) — 上传照片; answers all photo ids. */
export async function postContractPhotos(ctx: HandlerContext): Promise<ContractPhotosReceipt> {
  const scope = await projectScope(ctx.req, ctx.database);
  const { images } = await readPhotos(ctx);
  const added = await ctx.database.transaction((trx) => addContractPhotos(ctx, trx, contractId(ctx), images, scope));
  return { added };
}

/** DELETE /platform/contracts/:id/photos/:fileId — 删除照片 (not the last one). */
export async function deleteContractPhotoHandler(ctx: HandlerContext): Promise<null> {
  const scope = await projectScope(ctx.req, ctx.database);
  const fileId = String(ctx.req.params['fileId'] ?? '');
  await ctx.database.transaction((trx) => deleteContractPhoto(ctx, trx, contractId(ctx), fileId, scope));
  return null;
}
