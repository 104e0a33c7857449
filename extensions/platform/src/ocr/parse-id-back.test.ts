import { describe, expect, test } from 'vitest';
import { parseIdBack } from './parse-id-back';
import { boxesFromLines, captured, type LayoutOptions } from './test-boxes';

const today = '2026-11-26';
const read = (lines: string[], options: LayoutOptions = {}) => parseIdBack(boxesFromLines(lines, options), { today });
const values = (lines: string[]) => Object.fromEntries(Object.entries(read(lines).fields).map(([key, field]) => [key, field.value]));
const back = (authority: string, validity: string) => ['中华人民共和国', '居民身份证', authority, validity];

describe('parseIdBack', () => {
  test('a clean reading: all fields, confident, no warnings', () => {
    const result = read(back('签发机关 广元市公安局利州区分局', '有效期限 2022.12.27-2042.12.27'));
    expect(result.fields).toEqual({
      issuing_authority: { value: '广元市公安局利州区分局', confidence: 0.99 },
      valid_from: { value: '2022-12-27', confidence: 0.99 },
      valid_to: { value: '2042-12-27', confidence: 0.99 },
    });
    expect(result.warnings).toEqual([]);
  });

  test.each([
    ['label and value in one box', back('签发机关剑阁县公安局', '有效期限2016.03.05-2036.03.05'), { issuing_authority: '剑阁县公安局', valid_from: '2016-03-05', valid_to: '2036-03-05' }],
    ['a stray bracket before the authority', back('签发机关 ）广元市公安局利州区分局', '有效期限 2022.12.27-2042.12.27'), { issuing_authority: '广元市公安局利州区分局' }],
    ['长期', back('签发机关 阿坝县公安局', '有效期限 2021.08.25-长期'), { valid_from: '2021-08-25', valid_to: '长期' }],
    ['长期 misread as 长朗', back('签发机关 阿坝县公安局', '有效期限 2021.08.25-长朗'), { valid_to: '长期' }],
    ['the dash read as 一', back('签发机关 阿坝县公安局', '有效期限 2016.06.17一2036.06.17'), { valid_from: '2016-06-17', valid_to: '2036-06-17' }],
    ['the dash read as —', back('签发机关 阿坝县公安局', '有效期限 2016.06.17—2036.06.17'), { valid_to: '2036-06-17' }],
    ['O for 0 in the dates', back('签发机关 阿坝县公安局', '有效期限 2O16.O6.17-2036.06.17'), { valid_from: '2016-06-17' }],
    ['labels lost', ['中华人民共和国', '居民身份证', '石柱土家族自治县公安局', '2016.06.17-2036.06.17'], { issuing_authority: '石柱土家族自治县公安局', valid_to: '2036-06-17' }],
  ])('%s', (_, lines, expected) => {
    expect(values(lines)).toMatchObject(expected);
  });

  test.each([
    ['back-04-rotated', { issuing_authority: '阿坝县公安局', valid_from: '2021-08-25', valid_to: '长期' }],
    ['back-02-perspective', { issuing_authority: '剑阁县公安局', valid_from: '2017-02-11', valid_to: '2037-02-11' }],
  ])('captured engine output of %s', (key, expected) => {
    const result = parseIdBack(captured(key as Parameters<typeof captured>[0]), { today });
    expect(Object.fromEntries(Object.entries(result.fields).map(([k, f]) => [k, f.value]))).toEqual(expected);
    expect(result.warnings).toEqual([]);
  });

  test('a guessed 长期 is less sure than a read one', () => {
    const read长期 = read(back('签发机关 阿坝县公安局', '有效期限 2021.08.25-长期')).fields.valid_to.confidence;
    const guessed = read(back('签发机关 阿坝县公安局', '有效期限 2021.08.25-长朗')).fields.valid_to.confidence;
    expect(guessed).toBeLessThan(read长期);
  });

  test.each([
    ['an expired card', back('签发机关 苍溪县公安局', '有效期限 2006.02.25-2026.02.25'), 'ID_EXPIRED', 'valid_to'],
    ['validity not read', back('签发机关 苍溪县公安局', '有效期限'), 'OCR_FIELD_MISSING', 'valid_from'],
    ['an impossible date', back('签发机关 苍溪县公安局', '有效期限 2016.02.30-2036.02.30'), 'OCR_FIELD_MISSING', 'valid_to'],
    ['authority not read', back('签发机关', '有效期限 2016.02.25-2036.02.25'), 'OCR_FIELD_MISSING', 'issuing_authority'],
  ])('%s → %s', (_, lines, code, field) => {
    expect(read(lines).warnings).toContainEqual(expect.objectContaining({ code, field }));
  });

  test('expiry is the day after the end date; the end date itself is valid', () => {
    const codes = (end: string) => read(back('签发机关 苍溪县公安局', `有效期限 2006.11.26-${end}`)).warnings.map((w) => w.code);
    expect(codes('2026.11.26')).toEqual([]);
    expect(codes('2026.11.25')).toEqual(['ID_EXPIRED']);
    expect(codes('长期')).toEqual([]);
  });

  test('the front of the card → OCR_WRONG_SIDE', () => {
    expect(read(['姓名 谢建宇', '性别 男 民族汉', '公民身份号码 510802198808175018']).warnings).toEqual([
      { code: 'OCR_WRONG_SIDE', message: '这是身份证人像面，请上传国徽面' },
    ]);
  });

  test('no card → OCR_NO_CARD; an unsure engine → OCR_BLURRY', () => {
    expect(read(['停车收费 5元']).warnings.map((w) => w.code)).toEqual(['OCR_NO_CARD']);
    expect(read(back('签发机关 苍溪县公安局', '有效期限 2016.02.25-2036.02.25'), { confidence: 0.75 }).warnings.map((w) => w.code)).toEqual(['OCR_BLURRY']);
  });
});
