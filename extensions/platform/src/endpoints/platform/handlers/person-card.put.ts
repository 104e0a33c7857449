import { projectScope } from '../../../http/scope';
import { parseInput } from '../../../http/validate';
import { CARD_LABELS, CardAssignment, type CardResult } from '../../../../../../schema/api/people';
import { assignCard } from '../../../personnel/assign-card';
import type { HandlerContext } from '../context';

/** PUT /platform/people/:id/card `{ card_no }` — 发卡 (an empty card_no takes the card back). */
export async function putPersonCard(ctx: HandlerContext): Promise<CardResult> {
  const scope = await projectScope(ctx.req, ctx.database);
  const { card_no: cardNo } = parseInput(CardAssignment, ctx.req.body, CARD_LABELS);
  const id = Number.parseInt(String(ctx.req.params['id'] ?? ''), 10) || 0;
  return ctx.database.transaction((trx) => assignCard(trx, id, cardNo, scope));
}
