import { describe, expect, test } from 'vitest';
import { toIdCardFields, toIsoDate } from './id-card-fields';

const field = (value: string, confidence = 0.99) => ({ value, confidence });

describe('toIdCardFields', () => {
  test('maps both faces onto form values', () => {
    const front = {
      fields: {
        name: field('谭 秀琼'),
        gender: field('女'),
        ethnicity: field('汉'),
        birth_date: field('1980年2月3日'),
        address: field('四川省广元市利州区 东坝街道滨河路8号'),
        id_number: field('51080219800203002x'),
      },
    };
    const back = { fields: { issuing_authority: field('广元市公安局利州区分局'), valid_from: field('2015.03.01'), valid_to: field('长期') } };
    expect(toIdCardFields(front, back)).toEqual({
      name: '谭秀琼',
      gender: 'female',
      ethnicity: '01',
      birth_date: '1980-02-03',
      address: '四川省广元市利州区东坝街道滨河路8号',
      id_number: '51080219800203002X',
      issuing_authority: '广元市公安局利州区分局',
      id_valid_from: '2015-03-01',
      id_valid_to: '长期',
    });
  });

  test('accepts the codes the engine may answer with', () => {
    expect(toIdCardFields({ fields: { gender: field('male'), ethnicity: field('03'), birth_date: field('1990-03-07') } })).toEqual({
      gender: 'male',
      ethnicity: '03',
      birth_date: '1990-03-07',
    });
    expect(toIdCardFields({ fields: { ethnicity: field('土家族') } })).toEqual({ ethnicity: '15' });
  });

  test('leaves out what was not read or cannot be mapped', () => {
    expect(toIdCardFields({ fields: { name: null, gender: field('?'), ethnicity: field('火星'), valid_to: field('') } }, null)).toEqual({});
  });

  test.each([
    ['2035.03.01', '2035-03-01'],
    ['20350301', '2035-03-01'],
    ['2035-3-1', '2035-03-01'],
    ['2035年03月01日', '2035-03-01'],
    ['无', ''],
  ])('toIsoDate(%s) = %s', (text, iso) => {
    expect(toIsoDate(text)).toBe(iso);
  });
});
