/**
 * Roles and policies with stable ids, so provisioning is idempotent and flows can refer to them.
 * The Core tier accepts no item filters, field lists, validation or presets in permissions: every
 * permission here is a whole-collection grant. Project scoping and masking live in our endpoints.
 */
import { COLLECTIONS } from '../model';

export const ROLE_IDS = {
  bureau: '5f0e8f1c-3b1a-4c57-9e0a-0b5c1d2e3f01',
  projectStaff: '5f0e8f1c-3b1a-4c57-9e0a-0b5c1d2e3f02',
} as const;

export const POLICY_IDS = {
  bureau: '6a1f9a2d-4c2b-4d68-8f1b-1c6d2e3f4a01',
  projectStaff: '6a1f9a2d-4c2b-4d68-8f1b-1c6d2e3f4a02',
} as const;

export type Action = 'create' | 'read' | 'update' | 'delete';

export interface PolicyDef {
  id: string;
  name: string;
  icon: string;
  description: string;
  appAccess: boolean;
  /** collection → the actions granted on it (whole collection, no rules). */
  grants: Readonly<Record<string, readonly Action[]>>;
}

export interface RoleDef {
  id: string;
  name: string;
  icon: string;
  description: string;
  policy: string;
}

const readAll = Object.fromEntries(COLLECTIONS.map((c) => [c.collection, ['read'] as const]));

export const POLICIES: readonly PolicyDef[] = [
  {
    id: POLICY_IDS.bureau,
    name: '住建局工作人员',
    icon: 'account_balance',
    description: '查看全市数据；通过审核流程办理项目申报、关键岗位入场与退场；处理预警与设备绑定；更正人员身份信息（留审计记录）。不能删除打卡记录和审计日志。',
    appAccess: true,
    grants: {
      ...readAll,
      warnings: ['read', 'update'],
      // 身份信息更正: an edit of a person is carried out and audited by the hook audit-identity-corrections.ts.
      people: ['read', 'update'],
      devices: ['read', 'create', 'update'],
      // Bureau staff issue and revoke site-agent tokens; a credential is never deleted (its use stays on record).
      credentials: ['read', 'create', 'update'],
      // No directus_files: ID and face photos are opened one at a time from the record they belong to,
      // through the audited viewer (POST /platform/studio/files), never browsed in the file library.
      directus_users: ['read'],
      directus_roles: ['read'],
      // The studio's Chinese strings for what Directus's zh-CN lacks (schema/studio-translations.ts).
      directus_translations: ['read'],
      // The review flows are triggered from the 审核 panel on the item page; reading them keeps the studio's flow list consistent.
      directus_flows: ['read'],
      // The Insights dashboard 全市实名制概况 (schema/insights.ts): read-only for bureau staff.
      directus_dashboards: ['read'],
      directus_panels: ['read'],
    },
  },
  {
    id: POLICY_IDS.projectStaff,
    name: '项目人员',
    icon: 'engineering',
    description: '仅能通过移动端接口访问本项目数据；不能登录管理后台，不能直接访问数据集、文件和用户接口。',
    appAccess: false,
    grants: {},
  },
];

export const ROLES: readonly RoleDef[] = [
  { id: ROLE_IDS.bureau, name: '住建局', icon: 'account_balance', description: '主管部门工作人员', policy: POLICY_IDS.bureau },
  { id: ROLE_IDS.projectStaff, name: '项目人员', icon: 'engineering', description: '项目账号（每个审核通过的项目一个）', policy: POLICY_IDS.projectStaff },
];
