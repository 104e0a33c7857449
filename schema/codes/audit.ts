/**
 * 审计日志: what each `audit_log.action` means, and who can be its actor. Every action the
 * platform writes has a label here (extensions/platform/src/audit/audit-actions.test.ts checks the
 * source), so the studio shows 通过项目申报, never `declaration.approve`.
 */
import type { CodeList, CodeValue } from './code-list';

export const AUDIT_ACTIONS = [
  { value: 'declaration.submit', label: '提交项目申报' },
  { value: 'declaration.resubmit', label: '重新提交项目申报' },
  { value: 'declaration.approve', label: '通过项目申报' },
  { value: 'declaration.reject', label: '驳回项目申报' },
  { value: 'account.initial_password_issued', label: '发放项目账号初始密码' },
  { value: 'unit.create', label: '新增企业' },
  { value: 'project_unit.create', label: '新增参建单位' },
  { value: 'team.create', label: '新建班组' },
  { value: 'team.update', label: '修改班组' },
  { value: 'team.exit', label: '班组退场' },
  { value: 'person.create', label: '新建实名人员' },
  { value: 'person.update', label: '更新人员证件信息' },
  { value: 'person.edit', label: '编辑人员信息' },
  { value: 'person.renew', label: '换证更新身份' },
  { value: 'person.correct', label: '身份更正' },
  { value: 'employment.register', label: '实名制登记进场' },
  { value: 'employment.edit', label: '编辑项目人员' },
  { value: 'employment.record', label: '更新项目登记信息' },
  { value: 'employment.card', label: '发放考勤卡' },
  { value: 'employment.exit', label: '人员退场' },
  { value: 'face.capture', label: '人脸采集' },
  { value: 'contract.sign', label: '签订劳动合同' },
  { value: 'contract.photos.add', label: '上传合同照片' },
  { value: 'contract.photos.delete', label: '删除合同照片' },
  { value: 'key_post.register', label: '关键岗位入场登记' },
  { value: 'key_post.approve', label: '通过关键岗位入场' },
  { value: 'key_post.reject', label: '驳回关键岗位入场' },
  { value: 'key_post.apply_exit', label: '申请关键岗位退场' },
  { value: 'key_post.approve_exit', label: '同意关键岗位退场' },
  { value: 'key_post.reject_exit', label: '驳回关键岗位退场' },
  { value: 'key_post.exit_effective', label: '关键岗位退场生效' },
  { value: 'punch.manual', label: '手工补录考勤' },
  { value: 'warning.handle', label: '处理预警' },
  { value: 'payroll.generate', label: '生成工资表' },
  { value: 'payroll.refresh', label: '刷新工资表' },
  { value: 'payroll.line.edit', label: '修改工资明细' },
  { value: 'payroll.confirm', label: '确认工资表' },
  { value: 'payroll.payment', label: '登记工资发放' },
  { value: 'export', label: '导出文件' },
  { value: 'studio.export', label: '管理后台导出数据' },
  { value: 'personal_data.reveal', label: '查看完整个人信息' },
  { value: 'file.view', label: '查看证件/人脸照片' },
  { value: 'record.create', label: '新增记录' },
  { value: 'record.update', label: '修改记录' },
  { value: 'record.delete', label: '删除记录' },
] as const satisfies CodeList;

export type AuditAction = CodeValue<typeof AUDIT_ACTIONS>;

/** `audit_log.actor_kind`: who acted (`actor` holds the user id, the device's serial number, or nothing). */
export const AUDIT_ACTOR_KINDS = [
  { value: 'user', label: '用户' },
  { value: 'device', label: '考勤设备' },
  { value: 'system', label: '系统' },
  { value: 'public', label: '申报人（未登录）' },
] as const satisfies CodeList;

export type AuditActorKind = CodeValue<typeof AUDIT_ACTOR_KINDS>;
