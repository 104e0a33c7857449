import type { FieldRule } from 'vant';
import { compareIsoDates, idCardValidity, parseIdNumber, todayInShanghai, validatePhone } from '@/shared/schema';
import type { RegistrationDraft } from './form';

/** Appends the server-refusal rule to a field's rules (see use-server-errors). */
export type WithServerRule = (name: string, rules: FieldRule[]) => FieldRule[];

export type RuleName =
  | 'name'
  | 'gender'
  | 'ethnicity'
  | 'birth_date'
  | 'address'
  | 'id_number'
  | 'issuing_authority'
  | 'id_valid_from'
  | 'id_valid_to'
  | 'card_no'
  | 'trade'
  | 'phone'
  | 'entry_date'
  | 'wage_method'
  | 'wage_amount'
  | 'photo';

const filled = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
const need = (label: string, verb = '请输入'): FieldRule => ({ required: true, message: `${verb}${label}`, validator: filled });
const today = () => todayInShanghai(new Date());

/**
 * The same checks the server makes, so most mistakes show on the field before saving; age limits
 * and on-site checks come back from the server and are shown on their field too.
 */
export function registrationRules(draft: RegistrationDraft, hasPhoto: () => boolean, withServer: WithServerRule): Record<RuleName, FieldRule[]> {
  const rules: Record<RuleName, FieldRule[]> = {
    name: [need('姓名'), { validator: (value: string) => /^[^\d]{2,50}$/.test(value.trim()), message: '姓名应为2至50个字，不能包含数字' }],
    gender: [need('性别', '请选择')],
    ethnicity: [need('民族', '请选择')],
    birth_date: [need('出生日期', '请选择')],
    address: [need('住址'), { validator: (value: string) => value.trim().length <= 200, message: '住址不能超过200个字' }],
    id_number: [
      need('公民身份号码'),
      {
        validator: (value: string) => {
          const result = parseIdNumber(value, {
            today: today(),
            ...(draft.birth_date ? { birthDate: draft.birth_date } : {}),
            ...(draft.gender ? { gender: draft.gender } : {}),
          });
          return result.ok || result.message;
        },
      },
    ],
    issuing_authority: [need('签发机关')],
    id_valid_from: [
      need('有效期限起始日期', '请选择'),
      { validator: (value: string) => !filled(value) || compareIsoDates(value, today()) <= 0 || '有效期限起始日期不能晚于今天' },
    ],
    id_valid_to: [
      { required: true, message: '请选择有效期限截止日期', validator: (value: string) => draft.long_term || filled(value) },
      {
        validator: () => {
          if (!draft.id_valid_from || (!draft.long_term && !draft.id_valid_to)) return true;
          const validity = idCardValidity(`${draft.id_valid_from}至${draft.long_term ? '长期' : draft.id_valid_to}`, today());
          if (!validity.ok) return '有效期限截止日期应晚于起始日期';
          return !validity.expired || `身份证已于${validity.end ?? ''}到期，请更换新证后登记`;
        },
      },
    ],
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
        validator: (value: string) =>
          !filled(value) || (/^\d{1,7}(\.\d{1,2})?$/.test(value.trim()) && Number(value) > 0) || '工资金额须大于0，最多两位小数',
      },
    ],
    photo: [{ required: true, message: '请上传本人照片', validator: () => hasPhoto() }],
  };
  for (const name of Object.keys(rules) as RuleName[]) rules[name] = withServer(name, rules[name]);
  return rules;
}
