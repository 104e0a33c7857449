/**
 * 关键岗位: which management posts each participating unit must staff on a project, and the
 * status of a key-post holder's record. This is configuration: the bureau's policy lives here only.
 */
import type { CodeList, CodeValue } from './code-list';
import type { ManagementPost } from './managementPosts';
import { PARTICIPATION, type MainUnitRole, type ParticipationType } from './participation';

/** One required post and how many people must hold it. */
export interface KeyPostRequirement {
  readonly post: ManagementPost;
  readonly min: number;
}

/** A required post that is not staffed enough. */
export interface KeyPostShortfall extends KeyPostRequirement {
  readonly assigned: number;
}

/**
 * Required posts per unit type. The general contractor's 质量员 is the bureau's usual
 * expectation; its 劳务员 is the 劳资专管员 that 《保障农民工工资支付条例》第二十八条 requires.
 */
export const KEY_POST_MATRIX: Readonly<Partial<Record<ParticipationType, readonly KeyPostRequirement[]>>> = {
  [PARTICIPATION.GENERAL_CONTRACTOR]: [
    { post: 'project_manager', min: 1 },
    { post: 'technical_lead', min: 1 },
    { post: 'safety_officer', min: 1 },
    { post: 'quality_officer', min: 1 },
    { post: 'labour_officer', min: 1 },
  ],
  [PARTICIPATION.SUPERVISION]: [
    { post: 'chief_supervisor', min: 1 },
    { post: 'specialist_supervisor', min: 1 },
  ],
  [PARTICIPATION.OWNER]: [{ post: 'owner_project_lead', min: 1 }],
};

/** 五方责任主体项目负责人: the person each main unit names as responsible in a declaration. */
export const RESPONSIBLE_LEADS: Readonly<Record<MainUnitRole, ManagementPost>> = {
  [PARTICIPATION.OWNER]: 'owner_project_lead',
  [PARTICIPATION.GENERAL_CONTRACTOR]: 'project_manager',
  [PARTICIPATION.SUPERVISION]: 'chief_supervisor',
  [PARTICIPATION.SURVEY]: 'survey_project_lead',
  [PARTICIPATION.DESIGN]: 'design_project_lead',
};

/** The posts a unit of this participation type must staff ([] when none are required). */
export function requiredKeyPosts(unitType: string): readonly KeyPostRequirement[] {
  return KEY_POST_MATRIX[unitType as ParticipationType] ?? [];
}

/** The required posts a unit has not staffed enough, given the posts its managers hold. */
export function missingKeyPosts(unitType: string, heldPosts: readonly string[]): KeyPostShortfall[] {
  return requiredKeyPosts(unitType)
    .map((req) => ({ ...req, assigned: heldPosts.filter((post) => post === req.post).length }))
    .filter((item) => item.assigned < item.min);
}

/**
 * A key-post holder's record: entry awaits the bureau's approval, an approved holder is in post,
 * and leaving is approved too (退场解锁), which frees the post on the exit date: an exit approved
 * ahead of its date is `exit_approved` (still in post) until the daily job makes it `exited`.
 */
export const KEY_POST_STATUSES = [
  { value: 'pending', label: '待审核' },
  { value: 'approved', label: '在岗' },
  { value: 'rejected', label: '已驳回' },
  { value: 'exit_pending', label: '退场待审核' },
  { value: 'exit_approved', label: '退场已批准' },
  { value: 'exited', label: '已退场' },
] as const satisfies CodeList;

export type KeyPostStatus = CodeValue<typeof KEY_POST_STATUSES>;

/** Statuses in which a record occupies its post (one such record per project, unit type and post). */
export const KEY_POST_HOLDING_STATUSES = ['pending', 'approved', 'exit_pending', 'exit_approved'] as const satisfies readonly KeyPostStatus[];

/** Statuses of a holder the bureau approved: in post until the exit date (`exited` rows count up to it). */
export const KEY_POST_APPROVED_STATUSES = ['approved', 'exit_pending', 'exit_approved', 'exited'] as const satisfies readonly KeyPostStatus[];
