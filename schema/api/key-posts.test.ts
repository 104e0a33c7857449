import { describe, expect, test } from 'vitest';
import { entryFromFields, KeyPostEntry, KeyPostExit } from './key-posts';

/** Multipart fields of a valid entry, as the H5 sends them. */
const valid: Record<string, string> = {
  unit_role: '009',
  post: 'project_manager',
  name: '张伟',
  gender: 'male',
  ethnicity: '01',
  birth_date: '1980-08-31',
  address: '四川省广元市利州区东坝街道滨河路8号',
  id_number: '510802198008311237',
  issuing_authority: '广元市公安局利州区分局',
  id_valid_from: '2015-03-01',
  id_valid_to: '长期',
  phone: '',
  entry_date: '2026-03-01',
};

const firstIssue = (fields: Record<string, string>) => {
  const result = KeyPostEntry.safeParse(entryFromFields(fields));
  return result.success ? null : { path: result.error.issues[0]?.path.join('.'), message: result.error.issues[0]?.message };
};

describe('KeyPostEntry', () => {
  test('accepts the fields of a complete form; empty optional fields are absent', () => {
    const parsed = KeyPostEntry.parse(entryFromFields(valid));
    expect(parsed).toMatchObject({ unit_role: '009', post: 'project_manager', temporary_id: false, id_valid_to: '长期' });
    expect(parsed.phone).toBeUndefined();
    expect(parsed.unit).toBeUndefined();
  });

  test('the 临时身份证 switch arrives as text', () => {
    expect(KeyPostEntry.parse(entryFromFields({ ...valid, temporary_id: 'true' })).temporary_id).toBe(true);
  });

  test.each([
    ['a post the unit type does not require', { post: 'chief_supervisor' }, 'post', '总监理工程师不是施工总承包单位的关键岗位'],
    ['a unit type without key posts', { unit_role: '006' }, 'unit_role', '请选择单位类型'],
    ['an unknown post', { post: 'boss' }, 'post', '请选择岗位'],
    ['no entry date', { entry_date: '' }, 'entry_date', '请选择进场日期'],
    ['a bad phone', { phone: '12345' }, 'phone', '联系电话格式不正确'],
    ['a bad unit id', { unit: 'abc' }, 'unit', '所属企业不正确'],
  ])('refuses %s', (_case, over, path, message) => {
    expect(firstIssue({ ...valid, ...over })).toEqual({ path, message });
  });
});

describe('KeyPostExit', () => {
  test.each([
    [{ exit_date: '2026-05-01', exit_reason: '  ' }, '请填写退场说明'],
    [{ exit_date: '2026-5-1', exit_reason: '调往其他项目' }, '退场日期格式不正确，应为 YYYY-MM-DD'],
    [{ exit_date: '2026-05-01', exit_reason: '很'.repeat(201) }, '退场说明不能超过200个字'],
  ])('refuses %j', (body, message) => {
    const result = KeyPostExit.safeParse(body);
    expect(result.success ? null : result.error.issues[0]?.message).toBe(message);
  });
});
