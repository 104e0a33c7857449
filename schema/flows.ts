/**
 * Manual approval flows the bureau runs from an item page in the studio. Each flow has one operation
 * of our extension that does the whole decision in one transaction. Stable ids keep provisioning
 * idempotent. The Core tier allows 5 active flows; the platform uses at most 3.
 */
export interface FlowDef {
  id: string;
  name: string;
  icon: string;
  color: string;
  description: string;
  collection: string;
  confirmation: { description: string; fields: Record<string, unknown>[] };
  operation: { id: string; key: string; type: string; options: Record<string, unknown> };
}

const decisionFields = (approveLabel: string) => [
  {
    field: 'decision',
    type: 'string',
    name: '审核结果',
    meta: {
      interface: 'select-radio',
      required: true,
      width: 'full',
      options: { choices: [{ text: approveLabel, value: 'approve' }, { text: '驳回', value: 'reject' }] },
    },
  },
  {
    field: 'reason',
    type: 'text',
    name: '审核意见（驳回时必填）',
    meta: { interface: 'input-multiline', width: 'full' },
  },
];

export const FLOW_IDS = {
  reviewDeclaration: '7b2a0b3e-5d3c-4e79-a02c-2d7e3f4a5b01',
  reviewKeyPost: '7b2a0b3e-5d3c-4e79-a02c-2d7e3f4a5b02',
  reviewKeyPostExit: '7b2a0b3e-5d3c-4e79-a02c-2d7e3f4a5b03',
} as const;

export const FLOWS: readonly FlowDef[] = [
  {
    id: FLOW_IDS.reviewDeclaration,
    name: '审核项目申报',
    icon: 'fact_check',
    color: '#1989FA',
    description: '通过：生成项目编码、写入五方主体、创建项目账号；驳回：记录原因，申报人可修改后重新提交。',
    collection: 'projects',
    confirmation: { description: '审核项目申报', fields: decisionFields('通过') },
    operation: {
      id: '8c3b1c4f-6e4d-4f8a-b13d-3e8f4a5b6c01',
      key: 'review_declaration',
      type: 'platform-review-declaration',
      options: {},
    },
  },
  {
    id: FLOW_IDS.reviewKeyPost,
    name: '审核关键岗位',
    icon: 'how_to_reg',
    color: '#7232DD',
    description: '关键岗位人员入场登记：通过则人员在岗；驳回须填写原因，岗位空出后项目可重新登记。',
    collection: 'key_posts',
    confirmation: { description: '审核关键岗位入场登记（仅“待审核”状态可审核）', fields: decisionFields('通过') },
    operation: {
      id: '8c3b1c4f-6e4d-4f8a-b13d-3e8f4a5b6c02',
      key: 'review_key_post',
      type: 'platform-review-key-post',
      options: {},
    },
  },
  {
    id: FLOW_IDS.reviewKeyPostExit,
    name: '审核退场解锁',
    icon: 'lock_open',
    color: '#FF976A',
    description: '关键岗位退场申请：同意则人员按申请日期退场、岗位解锁，项目可登记新人员；驳回须填写原因，人员继续在岗。',
    collection: 'key_posts',
    confirmation: { description: '审核关键岗位退场解锁（仅“退场待审核”状态可审核）', fields: decisionFields('同意退场') },
    operation: {
      id: '8c3b1c4f-6e4d-4f8a-b13d-3e8f4a5b6c03',
      key: 'review_key_post_exit',
      type: 'platform-review-key-post-exit',
      options: {},
    },
  },
];
