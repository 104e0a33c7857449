import { describe, expect, test } from 'vitest';
import {
  educationPlatformCode,
  ETHNICITIES,
  ethnicityFullName,
  isMainUnitRole,
  labelOf,
  MAIN_UNIT_ROLES,
  PARTICIPATION_TYPES,
  resolveEthnicity,
  resolveTrade,
  TRADE_ALIASES,
  TRADES,
  wageUnitLabel,
} from './index';

describe('trades', () => {
  test('codes are the national three- or four-digit codes, in order', () => {
    const values = TRADES.map((trade) => Number(trade.value));
    expect(TRADES.every((trade) => /^\d{3,4}$/.test(trade.value))).toBe(true);
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  test.each([
    ['010', '010'],
    ['砌筑工', '010'],
    ['油漆工', '190'],
    ['泥工', '010'],
    ['杂工', '390'],
    [' 焊工 ', '270'],
    ['塔吊司机', undefined],
    ['', undefined],
  ])('resolveTrade(%s) → %s', (text, trade) => {
    expect(resolveTrade(text)).toBe(trade);
  });

  test('every alias points at a listed trade', () => {
    for (const trade of Object.values(TRADE_ALIASES)) expect(labelOf(TRADES, trade)).toBeDefined();
  });
});

describe('participation', () => {
  test('the five main units are 建设, 施工总承包, 监理, 勘察, 设计', () => {
    expect(MAIN_UNIT_ROLES.map((role) => labelOf(PARTICIPATION_TYPES, role))).toEqual([
      '建设单位',
      '施工总承包单位',
      '监理单位',
      '勘察单位',
      '设计单位',
    ]);
  });

  test.each([
    ['009', true],
    ['006', false],
    ['xyz', false],
  ])('isMainUnitRole(%s) → %s', (value, ok) => {
    expect(isMainUnitRole(value)).toBe(ok);
  });
});

describe('ethnicities', () => {
  test('all 56 with two-digit GB/T 3304 codes 01–56', () => {
    expect(ETHNICITIES).toHaveLength(56);
    expect(ETHNICITIES.map((item) => Number(item.value))).toEqual(Array.from({ length: 56 }, (_, i) => i + 1));
    for (const item of ETHNICITIES) expect(item.fullName).toBe(`${item.label}族`);
  });

  test.each([
    ['汉', '01'],
    ['汉族', '01'],
    ['01', '01'],
    ['维吾尔', '05'],
    ['基诺族', '56'],
    ['汉人', undefined],
    [null, undefined],
  ])('resolveEthnicity(%s) → %s', (text, value) => {
    expect(resolveEthnicity(text)).toBe(value);
  });

  test('full name for a code', () => {
    expect(ethnicityFullName('08')).toBe('壮族');
    expect(ethnicityFullName('99')).toBeUndefined();
  });
});

describe('education', () => {
  test.each([
    ['70', '02'],
    ['11', '08'],
    ['90', '99'],
    ['55', undefined],
  ])('GB/T 4658 %s → platform %s', (value, platformCode) => {
    expect(educationPlatformCode(value)).toBe(platformCode);
  });
});

describe('wage units', () => {
  test.each([
    ['hourly', undefined, '元/小时'],
    ['daily', undefined, '元/天'],
    ['monthly', undefined, '元/月'],
    ['piece', undefined, '元/件'],
    ['piece', '平方米', '元/平方米'],
    ['piece', '  ', '元/件'],
    ['daily', '平方米', '元/天'],
    ['quota', undefined, '元'],
    ['other', '吨', '元/吨'],
  ] as const)('%s with unit %s → %s', (mode, unit, label) => {
    expect(wageUnitLabel(mode, unit)).toBe(label);
  });
});
