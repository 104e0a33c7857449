import { describe, expect, test } from 'vitest';
import { applyRecognised, birthDateOpenOn, deriveFromIdNumber, emptyIdentity, identityRules, validToOf } from './identity-form';
import { makeIdNumber } from '../../../schema/rules/id-card';

describe('the ID card part of 实名制登记 and 关键岗位入场登记', () => {
  test('OCR fills what it read and keeps what was typed; 长期 switches the end date off', () => {
    const form = { ...emptyIdentity(), phone: '13900000000', address: '手填地址' };
    applyRecognised(form, { name: '谭秀琼', gender: 'female', id_valid_from: '2016-05-20', id_valid_to: '长期' });
    expect(form).toMatchObject({ name: '谭秀琼', gender: 'female', address: '手填地址', id_valid_from: '2016-05-20', id_valid_to: '', long_term: true, phone: '13900000000' });
    expect(validToOf(form)).toBe('长期');
    applyRecognised(form, { id_valid_to: '2036-05-20' });
    expect(form).toMatchObject({ id_valid_to: '2036-05-20', long_term: false });
    expect(validToOf(form)).toBe('2036-05-20');
  });

  test('a typed ID number brings its birth date and gender; a wrong one changes nothing', () => {
    const form = emptyIdentity();
    form.id_number = makeIdNumber('510802', '1985-06-15', 12, 'male');
    deriveFromIdNumber(form);
    expect(form).toMatchObject({ birth_date: '1985-06-15', gender: 'male' });
    form.id_number = '510802198506150000';
    form.birth_date = '';
    deriveFromIdNumber(form);
    expect(form.birth_date).toBe('');
  });

  test('every required field is marked required (the form draws its red asterisk from it)', () => {
    const rules = identityRules(emptyIdentity());
    for (const [field, list] of Object.entries(rules)) expect(list.some((rule) => rule.required), field).toBe(true);
  });

  test('a birth-date picker opens thirty-five years back', () => {
    expect(birthDateOpenOn('2026-03-02')).toBe('1991-01-01');
  });
});
