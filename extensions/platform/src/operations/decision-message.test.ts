import { describe, expect, test } from 'vitest';
import { declarationMessage, keyPostEntryMessage, keyPostExitMessage } from './decision-message';

describe('decision messages', () => {
  test('a declaration approved names the project code and its account', () => {
    expect(declarationMessage({ projectId: 7, status: 'approved', code: 'GY5108020007' })).toBe('已通过：项目编码 GY5108020007，项目账号 GY5108020007（申报人在“申报进度”中领取初始密码）');
    expect(declarationMessage({ projectId: 7, status: 'rejected', code: null })).toMatch(/^已驳回/);
  });

  test('key-post decisions say who is in post and when a post frees', () => {
    expect(keyPostEntryMessage({ id: 1, status: 'approved' })).toBe('已通过：该人员已在岗');
    expect(keyPostEntryMessage({ id: 1, status: 'rejected' })).toMatch(/^已驳回/);
    expect(keyPostExitMessage({ id: 1, status: 'exit_approved', exit_date: '2026-07-01' })).toBe('已同意退场：2026-07-01 起人员离岗、岗位解锁，此前仍计在岗');
    expect(keyPostExitMessage({ id: 1, status: 'exited', exit_date: '2026-06-01' })).toMatch(/^已同意退场：人员已退场/);
    expect(keyPostExitMessage({ id: 1, status: 'approved', exit_date: null })).toBe('已驳回退场申请：人员继续在岗');
  });
});
