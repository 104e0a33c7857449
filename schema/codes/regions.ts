/**
 * 行政区划 (GB/T 2260): every province, every prefecture of 四川省, and every county-level
 * division of 广元市 and 成都市. Enough to pick a project's location in this city and to
 * name a worker's home province from the first digits of an ID number.
 */

/** A node of the region tree. */
export interface RegionNode {
  readonly value: string;
  readonly label: string;
  readonly children?: readonly RegionNode[];
}

/** The option shape of Vant's van-cascader (default field names text / value / children). */
export interface CascaderOption {
  text: string;
  value: string;
  children?: CascaderOption[];
}

const GUANGYUAN: RegionNode = {
  value: '510800',
  label: '广元市',
  children: [
    { value: '510802', label: '利州区' },
    { value: '510811', label: '昭化区' },
    { value: '510812', label: '朝天区' },
    { value: '510821', label: '旺苍县' },
    { value: '510822', label: '青川县' },
    { value: '510823', label: '剑阁县' },
    { value: '510824', label: '苍溪县' },
  ],
};

const CHENGDU: RegionNode = {
  value: '510100',
  label: '成都市',
  children: [
    { value: '510104', label: '锦江区' },
    { value: '510105', label: '青羊区' },
    { value: '510106', label: '金牛区' },
    { value: '510107', label: '武侯区' },
    { value: '510108', label: '成华区' },
    { value: '510112', label: '龙泉驿区' },
    { value: '510113', label: '青白江区' },
    { value: '510114', label: '新都区' },
    { value: '510115', label: '温江区' },
    { value: '510116', label: '双流区' },
    { value: '510117', label: '郫都区' },
    { value: '510118', label: '新津区' },
    { value: '510121', label: '金堂县' },
    { value: '510129', label: '大邑县' },
    { value: '510131', label: '蒲江县' },
    { value: '510181', label: '都江堰市' },
    { value: '510182', label: '彭州市' },
    { value: '510183', label: '邛崃市' },
    { value: '510184', label: '崇州市' },
    { value: '510185', label: '简阳市' },
  ],
};

/** 四川省 with all 21 prefecture-level divisions. */
export const SICHUAN: RegionNode = {
  value: '510000',
  label: '四川省',
  children: [
    CHENGDU,
    { value: '510300', label: '自贡市' },
    { value: '510400', label: '攀枝花市' },
    { value: '510500', label: '泸州市' },
    { value: '510600', label: '德阳市' },
    { value: '510700', label: '绵阳市' },
    GUANGYUAN,
    { value: '510900', label: '遂宁市' },
    { value: '511000', label: '内江市' },
    { value: '511100', label: '乐山市' },
    { value: '511300', label: '南充市' },
    { value: '511400', label: '眉山市' },
    { value: '511500', label: '宜宾市' },
    { value: '511600', label: '广安市' },
    { value: '511700', label: '达州市' },
    { value: '511800', label: '雅安市' },
    { value: '511900', label: '巴中市' },
    { value: '512000', label: '资阳市' },
    { value: '513200', label: '阿坝藏族羌族自治州' },
    { value: '513300', label: '甘孜藏族自治州' },
    { value: '513400', label: '凉山彝族自治州' },
  ],
};

/** All 34 provincial-level divisions; only 四川省 has children. */
export const REGION_TREE: readonly RegionNode[] = [
  { value: '110000', label: '北京市' },
  { value: '120000', label: '天津市' },
  { value: '130000', label: '河北省' },
  { value: '140000', label: '山西省' },
  { value: '150000', label: '内蒙古自治区' },
  { value: '210000', label: '辽宁省' },
  { value: '220000', label: '吉林省' },
  { value: '230000', label: '黑龙江省' },
  { value: '310000', label: '上海市' },
  { value: '320000', label: '江苏省' },
  { value: '330000', label: '浙江省' },
  { value: '340000', label: '安徽省' },
  { value: '350000', label: '福建省' },
  { value: '360000', label: '江西省' },
  { value: '370000', label: '山东省' },
  { value: '410000', label: '河南省' },
  { value: '420000', label: '湖北省' },
  { value: '430000', label: '湖南省' },
  { value: '440000', label: '广东省' },
  { value: '450000', label: '广西壮族自治区' },
  { value: '460000', label: '海南省' },
  { value: '500000', label: '重庆市' },
  SICHUAN,
  { value: '520000', label: '贵州省' },
  { value: '530000', label: '云南省' },
  { value: '540000', label: '西藏自治区' },
  { value: '610000', label: '陕西省' },
  { value: '620000', label: '甘肃省' },
  { value: '630000', label: '青海省' },
  { value: '640000', label: '宁夏回族自治区' },
  { value: '650000', label: '新疆维吾尔自治区' },
  { value: '710000', label: '台湾省' },
  { value: '810000', label: '香港特别行政区' },
  { value: '820000', label: '澳门特别行政区' },
];

/** 四川省广元市利州区, where new projects default to. */
export const DEFAULT_REGION_CODE = '510802';

interface Indexed {
  readonly label: string;
  readonly parent: string | undefined;
}

const INDEX: ReadonlyMap<string, Indexed> = (() => {
  const map = new Map<string, Indexed>();
  const walk = (nodes: readonly RegionNode[], parent: string | undefined): void => {
    for (const node of nodes) {
      map.set(node.value, { label: node.label, parent });
      if (node.children) walk(node.children, node.value);
    }
  };
  walk(REGION_TREE, undefined);
  return map;
})();

/** Whether `code` is a division this module knows. */
export function isKnownRegion(code: string): boolean {
  return INDEX.has(code);
}

/** The label of a known division ('510802' → '利州区'), or undefined. */
export function regionLabel(code: string): string | undefined {
  return INDEX.get(code)?.label;
}

/** Codes from province down to `code` ('510802' → ['510000','510800','510802']); [] if unknown. */
export function regionCodePath(code: string): string[] {
  const path: string[] = [];
  for (let at: string | undefined = code; at !== undefined; at = INDEX.get(at)?.parent) {
    if (!INDEX.has(at)) return [];
    path.unshift(at);
  }
  return path;
}

/** Labels from province down to `code` ('510802' → ['四川省','广元市','利州区']); [] if unknown. */
export function regionPath(code: string): string[] {
  return regionCodePath(code).map((at) => INDEX.get(at)?.label ?? at);
}

/**
 * Labels of the deepest known division containing `code`, for codes this module does not list
 * down to the county (an ID number's '330106' → ['浙江省']).
 */
export function closestRegionPath(code: string): string[] {
  if (!/^\d{6}$/.test(code)) return [];
  for (const candidate of [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`]) {
    const path = regionPath(candidate);
    if (path.length > 0) return path;
  }
  return [];
}

/** The province for a two-digit prefix ('51' → '四川省'), e.g. of an ID or credit code. */
export function provinceOfPrefix(prefix: string): string | undefined {
  return regionLabel(`${prefix.slice(0, 2)}0000`);
}

/** The tree in van-cascader's `{ text, value, children }` shape. */
export function toCascaderOptions(nodes: readonly RegionNode[]): CascaderOption[] {
  return nodes.map((node) =>
    node.children
      ? { text: node.label, value: node.value, children: toCascaderOptions(node.children) }
      : { text: node.label, value: node.value },
  );
}

/** Every known division as a code list labelled with its full name ('510802' → '四川省广元市利州区'), for studio choices. */
export const REGIONS: readonly { readonly value: string; readonly label: string }[] = [...INDEX.keys()].map((code) => ({ value: code, label: regionPath(code).join('') }));
