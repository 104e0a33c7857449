import { defineOperationApi } from '@directus/extensions-sdk';
import { reviewKeyPostEntry } from '../../key-posts/review-key-post';
import { keyPostEntryMessage } from '../decision-message';
import { readTriggerDecision } from '../trigger-decision';

/** The work of the manual flow 审核关键岗位: the reviewer's decision on one pending entry registration. */
export default defineOperationApi({
  id: 'platform-review-key-post',
  handler: async (_options, { data, accountability, database, services, getSchema }) => {
    const { key, input } = readTriggerDecision(data, '请在单个关键岗位记录页面中执行审核');
    const result = await reviewKeyPostEntry({ database, services, getSchema, actor: accountability?.user ?? null }, key, input);
    return { ...result, message: keyPostEntryMessage(result) };
  },
});
