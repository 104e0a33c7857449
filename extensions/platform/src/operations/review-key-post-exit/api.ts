import { defineOperationApi } from '@directus/extensions-sdk';
import { reviewKeyPostExit } from '../../key-posts/review-key-post';
import { keyPostExitMessage } from '../decision-message';
import { readTriggerDecision } from '../trigger-decision';

/** The work of the manual flow 审核退场解锁: the reviewer's decision on one key-post exit application. */
export default defineOperationApi({
  id: 'platform-review-key-post-exit',
  handler: async (_options, { data, accountability, database, services, getSchema }) => {
    const { key, input } = readTriggerDecision(data, '请在单个关键岗位记录页面中执行审核');
    const result = await reviewKeyPostExit({ database, services, getSchema, actor: accountability?.user ?? null }, key, input);
    return { ...result, message: keyPostExitMessage(result) };
  },
});
