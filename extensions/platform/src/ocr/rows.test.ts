import { describe, expect, test } from 'vitest';
import { assembleRows, confidenceOf } from './rows';
import { boxesFromLines, captured } from './test-boxes';
import type { OcrBox } from './types';

const texts = (boxes: OcrBox[]) => assembleRows(boxes).map((row) => row.text);

describe('assembleRows', () => {
  const card = ['姓名 谢建宇', '性别 男 民族 汉', '出生 1988年8月17日', '住址 四川省广元市利州区河西', '街道滨河路213号9栋2单', '元404号', '公民身份号码 510802198808175018'];

  test.each([0, 9, -12])('reads a card tilted %i° line by line', (angleDeg) => {
    expect(texts(boxesFromLines(card, { angleDeg }))).toEqual(card);
  });

  test('a photo rotated by 8° (captured engine output): labels stay with their values', () => {
    expect(texts(captured('front-01-rotated'))).toEqual([
      '姓名 谢建宇',
      '性别 男 民族汉',
      '出生 1988年8月17日',
      '住址 四川省广元市利州区河西',
      '街道滨河路213号9栋2单',
      '元404号',
      '公民身份号码 510802198808175018',
    ]);
  });

  test('a photo taken at an angle (captured engine output)', () => {
    expect(texts(captured('back-02-perspective'))).toEqual(['中华人民共和国', '居民身份证', '签发机关 剑阁县公安局', '有效期限 2017.02.11-2037.02.11']);
  });

  test('no boxes, no rows; blank boxes are ignored', () => {
    expect(assembleRows([])).toEqual([]);
    expect(texts(boxesFromLines(['  ']))).toEqual([]);
  });

  test('confidenceOf takes the weakest box under a span of the compact text', () => {
    const [row] = assembleRows(boxesFromLines(['姓名 谢建宇'], { confidence: { 姓名: 0.9, 谢建宇: 0.7 } }));
    expect(row?.compact).toBe('姓名谢建宇');
    expect(confidenceOf(row!, 2, 5)).toBe(0.7);
    expect(confidenceOf(row!, 0, 2)).toBe(0.9);
    expect(confidenceOf(row!, 9, 10)).toBe(0);
  });
});
