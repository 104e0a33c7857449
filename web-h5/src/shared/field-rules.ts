/**
 * The small rule builders every form uses, so each form's rules read as a list of what the field
 * needs. `required: true` also draws the field's red asterisk (every van-form has required="auto").
 */
import type { FieldRule } from 'vant';

/** Whether a typed value is non-blank. */
export const filled = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

/** A required field: 「请输入姓名」 / 「请选择性别」; blanks-only input is refused too. */
export const need = (label: string, verb = '请输入'): FieldRule => ({ required: true, message: `${verb}${label}`, validator: filled });

/** At most `max` characters: 「项目名称不能超过200个字」. */
export const maxLength = (label: string, max: number): FieldRule => ({
  validator: (value: string) => value.trim().length <= max,
  message: `${label}不能超过${max}个字`,
});
