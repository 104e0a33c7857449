/**
 * 管理人员岗位: the posts a manager can hold on a project. The national platform has no code
 * table for these, so values are stable English slugs.
 */
import type { CodeList, CodeValue } from './code-list';

export const MANAGEMENT_POSTS = [
  { value: 'project_manager', label: '项目经理' },
  { value: 'deputy_project_manager', label: '项目副经理' },
  { value: 'technical_lead', label: '技术负责人' },
  { value: 'construction_officer', label: '施工员' },
  { value: 'quality_officer', label: '质量员' },
  { value: 'safety_officer', label: '安全员' },
  { value: 'standards_officer', label: '标准员' },
  { value: 'materials_officer', label: '材料员' },
  { value: 'machinery_officer', label: '机械员' },
  { value: 'labour_officer', label: '劳务员' },
  { value: 'records_officer', label: '资料员' },
  { value: 'chief_supervisor', label: '总监理工程师' },
  { value: 'specialist_supervisor', label: '专业监理工程师' },
  { value: 'supervisor', label: '监理员' },
  { value: 'owner_project_lead', label: '建设单位项目负责人' },
  { value: 'survey_project_lead', label: '勘察项目负责人' },
  { value: 'design_project_lead', label: '设计项目负责人' },
  { value: 'other_manager', label: '其他管理人员' },
] as const satisfies CodeList;

export type ManagementPost = CodeValue<typeof MANAGEMENT_POSTS>;
