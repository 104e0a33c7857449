import type { z } from 'zod';
import { invalid } from './errors';

/**
 * Parses `input` with a zod model; the first problem becomes a 400 naming the field in Chinese.
 * Models give every check a Chinese message; `labels` names fields for zod's own type errors.
 */
export function parseInput<T extends z.ZodType>(model: T, input: unknown, labels: Readonly<Record<string, string>> = {}): z.infer<T> {
  // reportInput: zod 4 only says what the bad value was when asked, and "missing" vs "wrong type" needs it.
  const result = model.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw invalid('INVALID', '请求内容不正确');
  const field = issue.path.map(String).join('.');
  const leaf = String(issue.path[issue.path.length - 1] ?? '');
  const label = labels[field] ?? labels[leaf] ?? field;
  const custom = issue.code === 'custom' || (issue.message && /[\u4e00-\u9fa5]/.test(issue.message));
  const message = custom ? issue.message : describe(issue, label);
  throw invalid(issue.code === 'invalid_type' && issue.input === undefined ? 'REQUIRED' : ruleOf(issue.code), message, field || undefined);
}

function describe(issue: z.core.$ZodIssue, label: string): string {
  if (issue.code === 'invalid_type') return issue.input === undefined || issue.input === null ? `请填写${label}` : `${label}格式不正确`;
  if (issue.code === 'too_small') return `${label}不能小于${String(issue.minimum)}`;
  if (issue.code === 'too_big') return `${label}不能超过${String(issue.maximum)}`;
  if (issue.code === 'invalid_value') return `${label}不在可选范围内`;
  return `${label}格式不正确`;
}

function ruleOf(code: string): string {
  return code.toUpperCase();
}
