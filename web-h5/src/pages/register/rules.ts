import type { FieldRule } from 'vant';
import { filled, need } from '@/shared/field-rules';
import { identityRules, type IdentityField } from '@/shared/identity-form';
import { compareIsoDates, todayInShanghai, validateAmount, validatePhone } from '@/shared/schema';
import type { RegistrationDraft } from './form';

/** Appends the server-refusal rule to a field's rules (see use-server-errors). */
export type WithServerRule = (name: string, rules: FieldRule[]) => FieldRule[];

export type RuleName = IdentityField | 'card_no' | 'trade' | 'phone' | 'entry_date' | 'wage_method' | 'wage_amount' | 'photo';

const today = () => todayInShanghai(new Date());

/**
 * The same checks the server makes, so most mistakes show on the field before saving; age limits
 * and on-site checks come back from the server and are shown on their field too.
 */
export function registrationRules(draft: RegistrationDraft, hasPhoto: () => boolean, withServer: WithServerRule): Record<RuleName, FieldRule[]> {
  const rules: Record<RuleName, FieldRule[]> = {
    ...identityRules(draft),
    card_no: [{ validator: (value: string) => !filled(value) || /^[0-9A-Za-z]{4,32}$/.test(value.trim()) || '考勤卡号应为4–32位数字或字母' }],
    trade: [need('工种/岗位', '请选择')],
    phone: [
      need('联系方式'),
      { validator: (value: string) => validatePhone(value, 'mobile').ok || '联系方式应为11位手机号码' },
    ],
    entry_date: [
      need('进场时间', '请选择'),
      { validator: (value: string) => !filled(value) || compareIsoDates(value, today()) <= 0 || '进场时间不能晚于今天' },
    ],
    wage_method: [{ validator: (value: string) => filled(value) || !filled(draft.wage_amount) || '填写了工资金额，请选择结算方式' }],
    wage_amount: [
      {
        validator: (value: string) => {
          if (!filled(value)) return true;
          const result = validateAmount(value, '工资金额', 6);
          return result.ok || result.message;
        },
      },
    ],
    photo: [{ required: true, message: '请上传本人照片', validator: () => hasPhoto() }],
  };
  for (const name of Object.keys(rules) as RuleName[]) rules[name] = withServer(name, rules[name]);
  return rules;
}
