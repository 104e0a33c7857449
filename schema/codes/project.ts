/**
 * Project-level enums: 项目分类, 建设性质, 投资性质, 工资保证金办理方式 and project status.
 * 项目分类 and the national 项目状态 carry the national platform's codes (verify them against the
 * current published dictionary before wiring the national upload); the others have no national
 * table and use stable slugs.
 */
import type { CodeList, CodeValue } from './code-list';

export const PROJECT_CATEGORIES = [
  { value: '01', label: '房屋建筑工程' },
  { value: '02', label: '市政公用工程' },
  { value: '03', label: '机电安装工程' },
  { value: '04', label: '铁路工程' },
  { value: '05', label: '公路工程' },
  { value: '06', label: '港口与航道工程' },
  { value: '07', label: '水利水电工程' },
  { value: '08', label: '电力工程' },
  { value: '09', label: '矿山工程' },
  { value: '10', label: '冶炼工程' },
  { value: '11', label: '化工石油工程' },
  { value: '12', label: '通信工程' },
  { value: '99', label: '其他' },
] as const satisfies CodeList;

export type ProjectCategory = CodeValue<typeof PROJECT_CATEGORIES>;

export const CONSTRUCTION_NATURES = [
  { value: 'new', label: '新建' },
  { value: 'expansion', label: '扩建' },
  { value: 'reconstruction', label: '改建' },
  { value: 'relocation', label: '迁建' },
  { value: 'restoration', label: '恢复' },
  { value: 'other', label: '其他' },
] as const satisfies CodeList;

export type ConstructionNature = CodeValue<typeof CONSTRUCTION_NATURES>;

export const INVESTMENT_TYPES = [
  { value: 'government', label: '政府投资' },
  { value: 'state_owned', label: '国有投资' },
  { value: 'private', label: '民营投资' },
  { value: 'foreign', label: '外商投资' },
  { value: 'mixed', label: '混合投资' },
  { value: 'other', label: '其他' },
] as const satisfies CodeList;

export type InvestmentType = CodeValue<typeof INVESTMENT_TYPES>;

/** 农民工工资保证金办理方式. */
export const WAGE_DEPOSIT_METHODS = [
  { value: 'cash', label: '现金存储' },
  { value: 'bank_guarantee', label: '银行保函' },
  { value: 'surety_insurance', label: '工程保证保险' },
  { value: 'guarantor_guarantee', label: '担保公司保函' },
  { value: 'exempt', label: '依规免缴' },
] as const satisfies CodeList;

export type WageDepositMethod = CodeValue<typeof WAGE_DEPOSIT_METHODS>;

/**
 * A project's life on this platform: a declaration is submitted, the bureau approves it (the
 * project is then registered and under construction) or sends it back, and it ends completed.
 */
export const PROJECT_STATUSES = [
  { value: 'submitted', label: '待审核' },
  { value: 'approved', label: '已通过' },
  { value: 'rejected', label: '已退回' },
  { value: 'completed', label: '已完工' },
] as const satisfies CodeList;

export type ProjectStatus = CodeValue<typeof PROJECT_STATUSES>;

/** 项目状态 as the national platform codes it, for uploads (approved ≈ 003 在建, completed ≈ 004 完工). */
export const NATIONAL_PROJECT_STAGES = [
  { value: '001', label: '筹备' },
  { value: '002', label: '立项' },
  { value: '003', label: '在建' },
  { value: '004', label: '完工' },
  { value: '005', label: '停工' },
] as const satisfies CodeList;

export type NationalProjectStage = CodeValue<typeof NATIONAL_PROJECT_STAGES>;
