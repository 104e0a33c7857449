import { describe, expect, test } from 'vitest';
import {
  closestRegionPath,
  DEFAULT_REGION_CODE,
  isKnownRegion,
  provinceOfPrefix,
  REGION_TREE,
  regionCodePath,
  regionLabel,
  regionPath,
  SICHUAN,
  toCascaderOptions,
  type RegionNode,
} from './regions';

/** All nodes of a tree, depth first. @example flatten(REGION_TREE).length */
const flatten = (nodes: readonly RegionNode[]): RegionNode[] =>
  nodes.flatMap((node) => [node, ...flatten(node.children ?? [])]);

describe('region data', () => {
  test('34 provincial divisions, 21 prefectures in 四川, 7 counties in 广元, 20 in 成都', () => {
    expect(REGION_TREE).toHaveLength(34);
    expect(SICHUAN.children).toHaveLength(21);
    const child = (code: string): RegionNode | undefined => SICHUAN.children?.find((node) => node.value === code);
    expect(child('510800')?.children).toHaveLength(7);
    expect(child('510100')?.children).toHaveLength(20);
  });

  test('codes are unique six-digit codes nested under their parent', () => {
    const all = flatten(REGION_TREE);
    expect(new Set(all.map((node) => node.value)).size).toBe(all.length);
    for (const node of all) {
      expect(node.value).toMatch(/^\d{6}$/);
      for (const kid of node.children ?? []) {
        const prefix = node.value.endsWith('0000') ? node.value.slice(0, 2) : node.value.slice(0, 4);
        expect(kid.value.startsWith(prefix)).toBe(true);
      }
    }
  });

  test('the default region is 四川省广元市利州区', () => {
    expect(regionPath(DEFAULT_REGION_CODE)).toEqual(['四川省', '广元市', '利州区']);
  });
});

describe('lookups', () => {
  test.each([
    ['510802', ['四川省', '广元市', '利州区']],
    ['510824', ['四川省', '广元市', '苍溪县']],
    ['510118', ['四川省', '成都市', '新津区']],
    ['510800', ['四川省', '广元市']],
    ['513400', ['四川省', '凉山彝族自治州']],
    ['510000', ['四川省']],
    ['330000', ['浙江省']],
    ['510302', []],
    ['999999', []],
    ['', []],
  ])('regionPath(%s) → %j', (code, path) => {
    expect(regionPath(code)).toEqual(path);
  });

  test('regionCodePath gives the codes a cascader needs', () => {
    expect(regionCodePath('510802')).toEqual(['510000', '510800', '510802']);
  });

  test.each([
    ['510802', ['四川省', '广元市', '利州区']],
    ['510302', ['四川省', '自贡市']],
    ['330106', ['浙江省']],
    ['990000', []],
    ['51', []],
  ])('closestRegionPath(%s) → %j', (code, path) => {
    expect(closestRegionPath(code)).toEqual(path);
  });

  test('labels, membership and province prefixes', () => {
    expect(regionLabel('510811')).toBe('昭化区');
    expect(isKnownRegion('510812')).toBe(true);
    expect(isKnownRegion('510899')).toBe(false);
    expect(provinceOfPrefix('51')).toBe('四川省');
    expect(provinceOfPrefix('510802')).toBe('四川省');
    expect(provinceOfPrefix('99')).toBeUndefined();
  });
});

describe('toCascaderOptions', () => {
  test('renames label to text and keeps children only where there are some', () => {
    const [sichuan] = toCascaderOptions([SICHUAN]);
    expect(sichuan?.text).toBe('四川省');
    const guangyuan = sichuan?.children?.find((option) => option.value === '510800');
    expect(guangyuan?.children?.[0]).toEqual({ text: '利州区', value: '510802' });
    const zigong = sichuan?.children?.find((option) => option.value === '510300');
    expect(zigong).toEqual({ text: '自贡市', value: '510300' });
    expect(zigong && 'children' in zigong).toBe(false);
  });
});
