import { describe, expect, test } from 'vitest';
import { maskSensitive } from './sensitive';

describe('maskSensitive', () => {
  test.each([
    ['ID number', '510802199001011234', '5108**********1234'],
    ['ID number with x', '51080219900101123x', '5108**********123X'],
    ['mobile', '13908125678', '139****5678'],
    ['mobile with +86', '+86 139 0812 5678', '139****5678'],
    ['landline', '0839-3261234', '0839-***1234'],
    ['bank card', '6222801541671071718', '6222***********1718'],
    ['bank card with spaces', '6222 8015 4167 1071 718', '6222***********1718'],
    ['short text', '张三', '**'],
  ])('%s', (_kind, value, masked) => {
    expect(maskSensitive(value)).toBe(masked);
  });

  test('addresses keep their first third, at most eight characters', () => {
    expect(maskSensitive('四川省广元市利州区东坝街道滨河路8号')).toBe('四川省广元市************');
    expect(maskSensitive('新疆维吾尔自治区乌鲁木齐市天山区解放南路一百二十八号院三号楼二单元')).toMatch(/^新疆维吾尔自治区\*+$/);
  });

  test('non-strings, empty and already masked values are left alone', () => {
    expect(maskSensitive(null)).toBeNull();
    expect(maskSensitive(undefined)).toBeUndefined();
    expect(maskSensitive(42)).toBe(42);
    expect(maskSensitive('')).toBe('');
    expect(maskSensitive('5108**********1234')).toBe('5108**********1234');
  });

  test('structured values: numbers inside masked, names and codes kept', () => {
    const units = [{ role: '009', name: '四川蜀道建设有限公司', uscc: '91510800MA62A1B2C3', contact_name: '李工', contact_phone: '13908125678' }];
    expect(maskSensitive(units)).toEqual([{ role: '009', name: '四川蜀道建设有限公司', uscc: '91510800MA62A1B2C3', contact_name: '李工', contact_phone: '139****5678' }]);
    expect(maskSensitive('[{"contact_phone":"13908125678"}]')).not.toContain('13908125678');
  });

  test('a masked value never contains the hidden middle', () => {
    const id = '510802199001011234';
    expect(String(maskSensitive(id))).not.toContain('19900101');
  });
});
