import type { FieldRule } from 'vant';
import {
  compareIsoDates,
  todayInShanghai,
  validateAmount,
  validateBankAccount,
  validatePhone,
  validateUscc,
} from '@/shared/schema';
import { filled, maxLength, need } from '@/shared/field-rules';
import type { DeclarationDraft, UnitDraft } from './form';

/** Names of the van-fields of the form (units are `units.<index>.<key>`). */
export type ProjectFieldName = Exclude<keyof DeclarationDraft, 'units' | 'latitude' | 'longitude'>;
export type UnitFieldName = Exclude<keyof UnitDraft, 'role'>;

/** Appends the server-refusal rule to a field's rules (see use-server-errors). */
export type WithServerRule = (name: string, rules: FieldRule[]) => FieldRule[];


/** An optional positive decimal with at most two places and `intDigits` before the point; the message says what is allowed. */
const positiveDecimal = (label: string, intDigits = 12): FieldRule => ({
  validator: (value: string) => {
    if (!filled(value)) return true;
    const result = validateAmount(value, label, intDigits);
    return result.ok || result.message;
  },
});

const phone = (label: string, accept: 'mobile' | 'any'): FieldRule => ({
  validator: (value: string) => {
    if (!filled(value)) return true;
    const result = validatePhone(value, accept);
    return result.ok || `${label}格式不正确，${result.message}`;
  },
});

const notAfterToday = (label: string): FieldRule => ({
  validator: (value: string) =>
    !filled(value) || compareIsoDates(value, todayInShanghai(new Date())) <= 0 || `${label}不能晚于今天`,
});

export function projectRules(
  form: DeclarationDraft,
  withServer: WithServerRule,
): Record<ProjectFieldName, FieldRule[]> {
  const rules: Record<ProjectFieldName, FieldRule[]> = {
    name: [need('项目名称'), maxLength('项目名称', 200)],
    category: [need('项目分类', '请选择')],
    investment_nature: [need('投资性质', '请选择')],
    contact_name: [need('项目联系人'), maxLength('项目联系人', 50)],
    contact_phone: [need('项目联系电话'), phone('项目联系电话', 'mobile')],
    region_code: [need('地区', '请选择')],
    address: [maxLength('详细地址', 200)],
    start_date: [need('开工日期', '请选择')],
    planned_completion_date: [
      need('计划竣工日期', '请选择'),
      {
        validator: (value: string) =>
          !filled(value) ||
          !filled(form.start_date) ||
          compareIsoDates(value, form.start_date) >= 0 ||
          '计划竣工日期不能早于开工日期',
      },
    ],
    permit_no: [need('施工许可证号'), maxLength('施工许可证号', 64)],
    permit_issued_on: [need('施工许可证发放日期', '请选择'), notAfterToday('发放日期')],
    floor_area: [positiveDecimal('建筑面积', 10)],
    height: [positiveDecimal('建筑高', 6)],
    structure_levels: [maxLength('结构层次', 64)],
    cost: [positiveDecimal('工程造价', 10)],
    payroll_bank: [need('开户银行'), maxLength('开户银行', 100)],
    payroll_account_name: [need('账户名称'), maxLength('账户名称', 100)],
    payroll_account_no: [
      need('工资专户账号'),
      {
        validator: (value: string) => {
          const result = validateBankAccount(value);
          return result.ok || `工资专户账号格式不正确，${result.message}`;
        },
      },
    ],
    deposit_method: [need('保证金办理方式', '请选择')],
    // The field is not rendered for 依规免缴, so its rules only run when an amount is due.
    deposit_amount: [need('保证金金额'), positiveDecimal('保证金金额', 10)],
  };
  for (const name of Object.keys(rules) as ProjectFieldName[]) rules[name] = withServer(name, rules[name]);
  return rules;
}

/** Rules of one main-unit card; `unitLabel` (建设单位, 监理单位…) prefixes every message. */
export function unitRules(
  index: number,
  unitLabel: string,
  withServer: WithServerRule,
): Record<UnitFieldName, FieldRule[]> {
  const field = (key: UnitFieldName, rules: FieldRule[]): FieldRule[] => withServer(`units.${index}.${key}`, rules);
  return {
    name: field('name', [need(`${unitLabel}名称`), maxLength(`${unitLabel}名称`, 200)]),
    uscc: field('uscc', [
      need(`${unitLabel}统一社会信用代码`),
      {
        validator: (value: string) => {
          const result = validateUscc(value);
          return result.ok || `${unitLabel}${result.message}`;
        },
      },
    ]),
    contact_name: field('contact_name', [need(`${unitLabel}联系人`), maxLength(`${unitLabel}联系人`, 50)]),
    contact_phone: field('contact_phone', [need(`${unitLabel}联系电话`), phone(`${unitLabel}联系电话`, 'any')]),
  };
}
