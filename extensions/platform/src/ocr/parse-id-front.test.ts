import { describe, expect, test } from 'vitest';
import { makeIdNumber } from '../../../../schema/rules/id-card';
import { parseIdFront } from './parse-id-front';
import { boxesFromLines, captured, type LayoutOptions } from './test-boxes';

const today = '2026-11-26';
const read = (lines: string[], options: LayoutOptions = {}) => parseIdFront(boxesFromLines(lines, options), { today });
const values = (lines: string[], options: LayoutOptions = {}) =>
  Object.fromEntries(Object.entries(read(lines, options).fields).map(([key, field]) => [key, field.value]));
const codes = (lines: string[], options: LayoutOptions = {}) => read(lines, options).warnings.map((warning) => warning.code);

/** A clean reading of a man's card, as the engine returns it. */
const XIE = ['姓名 谢建宇', '性别 男 民族汉', '出生 1988年8月17日', '住址 四川省广元市利州区河西', '街道滨河路213号9栋2单', '元404号', '公民身份号码 510802198808175018'];
const XIE_FIELDS = {
  name: '谢建宇',
  gender: 'male',
  ethnicity: '01',
  birth_date: '1988-08-17',
  address: '四川省广元市利州区河西街道滨河路213号9栋2单元404号',
  id_number: '510802198808175018',
};
/** A woman whose number ends in X. */
const ZHENG = ['姓名 郑会华', '性别 女 民族汉', '出生 1982年2月11日', '住址 四川省苍溪县陵江镇李家', '沟村4组74号', '公民身份号码 51082419820211696X'];
const with_ = (lines: string[], index: number, line: string) => lines.map((l, i) => (i === index ? line : l));

describe('parseIdFront: every field of a clean reading', () => {
  test('all six fields, confident, no warnings', () => {
    const result = read(XIE);
    expect(values(XIE)).toEqual(XIE_FIELDS);
    for (const field of Object.values(result.fields)) expect(field.confidence).toBeGreaterThanOrEqual(0.95);
    expect(result.warnings).toEqual([]);
  });

  test.each([
    ['a photo tilted 10°', XIE, { angleDeg: 10 }],
    ['a photo tilted -7°', XIE, { angleDeg: -7 }],
  ])('%s', (_, lines, options) => {
    expect(values(lines, options)).toEqual(XIE_FIELDS);
  });

  test.each([
    ['front-01-rotated', { name: '谢建宇', ethnicity: '01', id_number: '510802198808175018' }],
    ['front-04-perspective', { name: '次仁顿珠', ethnicity: '04', birth_date: '1972-08-11', address: '四川省阿坝县麦尔玛镇水磨村9组47号' }],
  ])('captured engine output of %s', (key, expected) => {
    const result = parseIdFront(captured(key as Parameters<typeof captured>[0]), { today });
    expect(Object.fromEntries(Object.entries(result.fields).map(([k, f]) => [k, f.value]))).toMatchObject(expected);
    expect(result.warnings).toEqual([]);
  });
});

describe('parseIdFront: how the engine splits and misreads', () => {
  test.each([
    ['label and value in one box', with_(XIE, 0, '姓名谢建宇'), { name: '谢建宇' }],
    ['a lone 民族 character in its own box', with_(ZHENG, 1, '性别 女 民族 回'), { gender: 'female', ethnicity: '03' }],
    ['民族 label read as 民旗', with_(XIE, 1, '性别 男 民旗汉'), { ethnicity: '01' }],
    ['民族 label not read at all', with_(XIE, 1, '性别 男 汉'), { ethnicity: '01' }],
    ['a two-character ethnicity', with_(XIE, 1, '性别 男 民族 土家'), { ethnicity: '15' }],
    ['ethnicity 汉 misread as 汊', with_(XIE, 1, '性别 男 民族汊'), { ethnicity: '01' }],
    ['birth date with l and I for 1', with_(XIE, 2, '出生 l988年8月I7日'), { birth_date: '1988-08-17' }],
    ['number with O for 0', with_(XIE, 6, '公民身份号码 51O8O2198808175018'), { id_number: '510802198808175018' }],
    ['check character X as ×', with_(ZHENG, 5, '公民身份号码 51082419820211696×'), { id_number: '51082419820211696X' }],
    ['check character X as 乂', with_(ZHENG, 5, '公民身份号码 51082419820211696乂'), { id_number: '51082419820211696X' }],
    ['check character X as 刘', with_(ZHENG, 5, '公民身份号码 51082419820211696刘'), { id_number: '51082419820211696X' }],
    ['number on its own line, label lost', with_(XIE, 6, '510802198808175018'), { id_number: '510802198808175018', address: XIE_FIELDS.address }],
    ['住址 label half read as 技址', with_(XIE, 3, '技址 四川省广元市利州区河西'), { address: XIE_FIELDS.address }],
    ['姓名 label half read as 娃名', with_(XIE, 0, '娃名 谢建宇'), { name: '谢建宇' }],
    ['name label lost: the line above 性别', with_(XIE, 0, '谢建宇'), { name: '谢建宇' }],
    ['stray marks around the name', with_(XIE, 0, '姓名 谢建宇」'), { name: '谢建宇' }],
  ])('%s', (_, lines, expected) => {
    expect(values(lines)).toMatchObject(expected);
  });

  test('a name with the middle dot (维吾尔族), read as a full stop', () => {
    const id = makeIdNumber('650102', '1990-03-04', 12, 'male');
    const lines = ['姓名 买买提.艾力', '性别 男 民族 维吾尔', '出生 1990年3月4日', '住址 新疆乌鲁木齐市天山区', '公民身份号码 ' + id];
    expect(values(lines)).toMatchObject({ name: '买买提·艾力', ethnicity: '05', id_number: id, birth_date: '1990-03-04' });
  });

  test('repaired characters lower the confidence', () => {
    const clean = read(XIE).fields.id_number.confidence;
    const repaired = read(with_(XIE, 6, '公民身份号码 51O8O2198808175018')).fields.id_number.confidence;
    expect(repaired).toBeLessThan(clean);
    expect(repaired).toBeCloseTo(clean * 0.81, 1);
  });

  test('性别 and 出生 not read: taken from the number, a little less sure', () => {
    const result = read(with_(with_(XIE, 1, '性别 民族汉'), 2, '出生'));
    expect(result.fields.gender).toEqual({ value: 'male', confidence: 0.89 });
    expect(result.fields.birth_date).toEqual({ value: '1988-08-17', confidence: 0.89 });
    expect(result.warnings).toEqual([]);
  });
});

describe('parseIdFront: warnings', () => {
  test.each([
    ['check digit fails', with_(XIE, 6, '公民身份号码 510802198808175019'), 'ID_CHECKSUM', 'id_number'],
    ['number disagrees with the printed birth date', with_(XIE, 2, '出生 1988年8月18日'), 'ID_BIRTHDATE', 'birth_date'],
    ['number disagrees with the printed gender', with_(XIE, 1, '性别 女 民族汉'), 'ID_GENDER', 'gender'],
    ['number of a woman read with a wrong digit', with_(ZHENG, 5, '公民身份号码 51082419820211686X'), 'ID_CHECKSUM', 'id_number'],
    ['address not read', XIE.filter((line) => !line.startsWith('住址') && !line.startsWith('街道') && !line.startsWith('元')), 'OCR_FIELD_MISSING', 'address'],
    ['an unknown ethnicity', with_(XIE, 1, '性别 男 民族 火星'), 'OCR_FIELD_MISSING', 'ethnicity'],
  ])('%s → %s', (_, lines, code, field) => {
    expect(read(lines).warnings).toContainEqual(expect.objectContaining({ code, field }));
  });

  test('a failed check digit caps the number\'s confidence at 0.5', () => {
    expect(read(with_(XIE, 6, '公民身份号码 510802198808175019')).fields.id_number.confidence).toBe(0.5);
  });

  test('the back of the card → OCR_WRONG_SIDE and nothing filled', () => {
    const result = read(['中华人民共和国', '居民身份证', '签发机关 广元市公安局利州区分局', '有效期限 2022.12.27-2042.12.27']);
    expect(result.warnings).toEqual([{ code: 'OCR_WRONG_SIDE', message: '这是身份证国徽面，请上传人像面' }]);
    expect(Object.values(result.fields).every((field) => field.value === null)).toBe(true);
  });

  test.each([
    ['a shop receipt', ['某某超市', '收银小票 合计 36.50']],
    ['nothing at all', []],
  ])('%s → OCR_NO_CARD', (_, lines) => {
    expect(codes(lines)).toEqual(['OCR_NO_CARD']);
  });

  test('an unsure engine → OCR_BLURRY', () => {
    expect(codes(XIE, { confidence: 0.7 })).toEqual(['OCR_BLURRY']);
    expect(codes(XIE, { confidence: { 谢建宇: 0.6 } })).toEqual(['OCR_BLURRY']);
  });
});
