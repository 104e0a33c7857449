import { defineOperationApi } from '@directus/extensions-sdk';
import { reviewDeclaration } from '../../declarations/review-declaration';
import { invalid } from '../../http/errors';
import { declarationMessage } from '../decision-message';

interface TriggerBody {
  keys?: unknown[];
  decision?: unknown;
  reason?: unknown;
}

/** The work of the manual flow 审核项目申报: the reviewer's decision on the selected declaration(s). */
export default defineOperationApi({
  id: 'platform-review-declaration',
  handler: async (_options, { data, accountability, database, services, getSchema }) => {
    const body = ((data as Record<string, any>)['$trigger']?.body ?? {}) as TriggerBody;
    const keys = Array.isArray(body.keys) ? body.keys : [];
    if (keys.length !== 1) throw invalid('ONE_ITEM', '请在单个项目申报页面中执行审核');
    const ctx = { database, services, getSchema, actor: accountability?.user ?? null };
    const result = await reviewDeclaration(ctx, Number(keys[0]), { decision: body.decision, reason: body.reason || undefined });
    return { ...result, message: declarationMessage(result) };
  },
});
