import { describe, expect, test } from 'vitest';
import { FACE_RULES } from '../../faces/face-rules';
import { FACE_CHECK_NAMES, fieldLabel, valueText } from './labels';

describe('studio labels', () => {
  test('field names come from the model, audit keys from their own list', () => {
    expect(fieldLabel('devices', 'last_seen_at')).toBe('最后在线');
    expect(fieldLabel('projects', 'region_code')).toBe('所在地区');
    expect(fieldLabel('projects', 'reason')).toBe('审核意见');
    expect(fieldLabel('people', 'id')).toBe('编号');
  });

  test('values: code labels, booleans, dates, money, no ids', () => {
    expect(valueText('devices', 'status', 'active')).toBe('启用');
    expect(valueText('key_posts', 'status', 'exit_approved')).toBe('退场已批准');
    expect(valueText('employments', 'trade', '010')).toBe('砌筑工');
    expect(valueText('employments', 'trade', 'project_manager')).toBe('项目经理');
    expect(valueText('projects', 'region_code', '510802')).toBe('四川省广元市利州区');
    expect(valueText('teams', 'status', null)).toBe('—');
    expect(valueText('payroll_lines', 'amount_paid', '3200.5')).toBe('3,200.50 元');
    expect(valueText('key_posts', 'exit_date', '2026-07-01')).toBe('2026年7月1日');
    expect(valueText('employments', 'face_photo', '0b7c1e0a-3c1d-4f7e-9a2b-1c2d3e4f5a6b')).toBe('（已记录）');
    // 查看完整信息's audit row lists the revealed fields of its own collection: the identity's, or the employment's.
    expect(valueText('people', 'fields', ['id_number', 'address'])).toBe('证件号码、住址');
    expect(valueText('employments', 'fields', ['phone', 'bank_card_no'])).toBe('联系电话、工资卡号');
    expect(valueText('devices', 'temporary_id', true)).toBe('是');
  });

  test('every face-check rule has a name', () => {
    for (const rule of Object.keys(FACE_RULES)) expect(FACE_CHECK_NAMES[rule], rule).toBeTruthy();
  });
});
