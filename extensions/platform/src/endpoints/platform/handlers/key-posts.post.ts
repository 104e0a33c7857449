import {
  ENTRY_IMAGE_LABELS,
  entryFromFields,
  KEY_POST_ENTRY_LABELS,
  KEY_POST_EXIT_LABELS,
  KeyPostEntry,
  KeyPostExit,
  type KeyPostEntryReceipt,
  type KeyPostExitReceipt,
} from '../../../../../../schema/api/key-posts';
import { todayInShanghai } from '../../../../../../schema/rules/dates';
import { platformConfig, uploadLimits } from '../../../config';
import { projectScope } from '../../../http/scope';
import { readImageUploads } from '../../../http/upload';
import { parseInput } from '../../../http/validate';
import { applyKeyPostExit } from '../../../key-posts/apply-exit';
import { registerKeyPostEntry } from '../../../key-posts/register-entry';
import { maxAgeFrom } from '../../../people/identity-rules';
import type { HandlerContext } from '../context';

/**
 * POST /platform/key-posts — 入场登记 (multipart): photos `id_front`, `id_back`, `certificate` and the
 * fields of `KeyPostEntry`; answers 201 `{ id, status: 'pending', person, employment }`.
 */
export async function registerEntry(ctx: HandlerContext): Promise<KeyPostEntryReceipt> {
  const scope = await projectScope(ctx.req, ctx.database);
  const config = platformConfig(ctx.env);
  const { images, fields } = await readImageUploads(ctx.req, { ...uploadLimits(ctx.env), labels: ENTRY_IMAGE_LABELS });
  const entry = parseInput(KeyPostEntry, entryFromFields(fields), KEY_POST_ENTRY_LABELS);
  return registerKeyPostEntry({ api: ctx, scope, today: todayInShanghai(new Date()), maxAge: maxAgeFrom(config) }, entry, images);
}

/** POST /platform/key-posts/:id/exit — 退场解锁 `{ exit_date, exit_reason }`; answers `{ id, status: 'exit_pending' }`. */
export async function applyExit(ctx: HandlerContext): Promise<KeyPostExitReceipt> {
  const scope = await projectScope(ctx.req, ctx.database);
  const input = parseInput(KeyPostExit, ctx.req.body, KEY_POST_EXIT_LABELS);
  return applyKeyPostExit(ctx, scope, Number(ctx.req.params['id']) || 0, input, todayInShanghai(new Date()));
}
