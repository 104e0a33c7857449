import { projectScope } from '../../../http/scope';
import { parseInput } from '../../../http/validate';
import { assignCard, CARD_LABELS, CardAssignment } from '../../../personnel/assign-card';
import type { HandlerContext } from '../context';

/** PUT /platform/people/:id/card `{ card_no }` — 发卡 (an empty card_no takes the card back). */
export async function putPersonCard(ctx: HandlerContext) {
  const scope = await projectScope(ctx.req, ctx.database);
  const { card_no: cardNo } = parseInput(CardAssignment, ctx.req.body, CARD_LABELS);
  const id = Number.parseInt(String(ctx.req.params['id'] ?? ''), 10) || 0;
  return ctx.database.transaction((trx) => assignCard(trx, id, cardNo, scope));
}
