/**
 * Enums about people and their employment on a project: 性别, 人员类别, 班组类型/状态, 进退场,
 * 劳动合同期限类型. Where the national platform has codes, `platformCode` carries them.
 */
import type { CodeList, CodeListWith, CodeValue } from './code-list';

/** Values match what parseIdNumber reports; platformCode is the national 0 男 / 1 女. */
export const GENDERS = [
  { value: 'male', label: '男', platformCode: '0' },
  { value: 'female', label: '女', platformCode: '1' },
] as const satisfies CodeListWith<{ platformCode: string }>;

export type Gender = CodeValue<typeof GENDERS>;

/** 人员类别 on a project: national 20 建筑工人 / 10 管理人员. */
export const EMPLOYMENT_ROLES = [
  { value: 'worker', label: '建筑工人', platformCode: '20' },
  { value: 'manager', label: '管理人员', platformCode: '10' },
] as const satisfies CodeListWith<{ platformCode: string }>;

export type EmploymentRole = CodeValue<typeof EMPLOYMENT_ROLES>;

export const TEAM_KINDS = [
  { value: 'management', label: '管理人员班组' },
  { value: 'worker', label: '务工人员班组' },
] as const satisfies CodeList;

export type TeamKind = CodeValue<typeof TEAM_KINDS>;

export const TEAM_STATUSES = [
  { value: 'active', label: '正常' },
  { value: 'exited', label: '已退场' },
] as const satisfies CodeList;

export type TeamStatus = CodeValue<typeof TEAM_STATUSES>;

/** Where a person stands on a project; platformCode is the national 进退场 direction. */
export const EMPLOYMENT_STATUSES = [
  { value: 'on_site', label: '在场', platformCode: '01' },
  { value: 'exited', label: '已退场', platformCode: '02' },
] as const satisfies CodeListWith<{ platformCode: string }>;

export type EmploymentStatus = CodeValue<typeof EMPLOYMENT_STATUSES>;

/** 劳动合同期限类型 with the national platform's codes. */
export const CONTRACT_TERM_TYPES = [
  { value: '0', label: '固定期限合同' },
  { value: '1', label: '以完成一定工作任务为期限的合同' },
] as const satisfies CodeList;

export type ContractTermType = CodeValue<typeof CONTRACT_TERM_TYPES>;
