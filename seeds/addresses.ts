/**
 * Where demo workers come from: real county-level divisions (GB/T 2260 codes, as still printed
 * in ID numbers) with some of their towns, weighted the way a 广元 site's workforce looks:
 * mostly 广元 itself, then the rest of 四川, 重庆, and 河南, 湖南, 贵州, 甘肃, 陕西. The code
 * becomes the ID number's region prefix, so the address, the issuing authority and the
 * ethnicity on the card all agree with the number.
 */
import type { Rng } from './random';

export interface HomeCounty {
  /** Six-digit division code, the first six digits of the ID number. */
  readonly code: string;
  readonly province: string;
  /** The prefecture-level city; null where the province is a municipality (重庆市). */
  readonly city: string | null;
  readonly county: string;
  readonly towns: readonly string[];
  /** Relative share of the workforce. */
  readonly weight: number;
  /** Short ethnicity labels with weights; Han only when absent. */
  readonly ethnicities?: readonly (readonly [string, number])[];
}

const GY = { province: '四川省', city: '广元市' } as const;

export const HOME_COUNTIES: readonly HomeCounty[] = [
  // 广元市
  { code: '510802', ...GY, county: '利州区', towns: ['东坝街道', '嘉陵街道', '河西街道', '宝轮镇', '三堆镇', '荣山镇', '大石镇'], weight: 8 },
  { code: '510811', ...GY, county: '昭化区', towns: ['元坝镇', '昭化镇', '卫子镇', '王家镇', '磨滩镇', '柏林沟镇', '红岩镇'], weight: 6 },
  { code: '510812', ...GY, county: '朝天区', towns: ['朝天镇', '中子镇', '羊木镇', '曾家镇', '沙河镇', '大滩镇'], weight: 4 },
  { code: '510821', ...GY, county: '旺苍县', towns: ['东河镇', '嘉川镇', '木门镇', '白水镇', '尚武镇', '张华镇', '黄洋镇'], weight: 6 },
  { code: '510822', ...GY, county: '青川县', towns: ['乔庄镇', '木鱼镇', '沙州镇', '姚渡镇', '竹园镇', '关庄镇'], weight: 4 },
  { code: '510823', ...GY, county: '剑阁县', towns: ['普安镇', '下寺镇', '白龙镇', '元山镇', '开封镇', '金仙镇', '鹤龄镇', '武连镇', '柳沟镇'], weight: 8 },
  { code: '510824', ...GY, county: '苍溪县', towns: ['陵江镇', '歧坪镇', '元坝镇', '东青镇', '龙山镇', '白驿镇', '运山镇', '五龙镇'], weight: 8 },
  // 四川省, other prefectures
  { code: '511321', province: '四川省', city: '南充市', county: '南部县', towns: ['建兴镇', '大桥镇', '定水镇', '升钟镇', '河坝镇', '伏虎镇'], weight: 4 },
  { code: '511322', province: '四川省', city: '南充市', county: '营山县', towns: ['朗池镇', '骆市镇', '绿水镇', '小桥镇'], weight: 2 },
  { code: '511324', province: '四川省', city: '南充市', county: '仪陇县', towns: ['新政镇', '金城镇', '马鞍镇', '度门镇'], weight: 2 },
  { code: '511921', province: '四川省', city: '巴中市', county: '通江县', towns: ['诺江镇', '铁佛镇', '沙溪镇', '至诚镇'], weight: 3 },
  { code: '511922', province: '四川省', city: '巴中市', county: '南江县', towns: ['南江镇', '长赤镇', '正直镇', '下两镇'], weight: 3 },
  { code: '510727', province: '四川省', city: '绵阳市', county: '平武县', towns: ['龙安镇', '响岩镇', '南坝镇', '古城镇'], weight: 1.5 },
  { code: '510726', province: '四川省', city: '绵阳市', county: '北川羌族自治县', towns: ['永昌镇', '曲山镇', '擂鼓镇', '陈家坝镇'], weight: 1, ethnicities: [['汉', 0.5], ['羌', 0.5]] },
  { code: '511722', province: '四川省', city: '达州市', county: '宣汉县', towns: ['南坝镇', '胡家镇', '土黄镇', '峰城镇'], weight: 1.5 },
  { code: '513431', province: '四川省', city: '凉山彝族自治州', county: '昭觉县', towns: ['新城镇', '四开乡', '竹核乡', '比尔乡'], weight: 1.2, ethnicities: [['彝', 0.95], ['汉', 0.05]] },
  { code: '513432', province: '四川省', city: '凉山彝族自治州', county: '喜德县', towns: ['光明镇', '冕山镇', '红莫镇'], weight: 0.8, ethnicities: [['彝', 0.9], ['汉', 0.1]] },
  { code: '513231', province: '四川省', city: '阿坝藏族羌族自治州', county: '阿坝县', towns: ['阿坝镇', '贾洛镇', '麦尔玛镇'], weight: 0.5, ethnicities: [['藏', 0.95], ['汉', 0.05]] },
  { code: '513226', province: '四川省', city: '阿坝藏族羌族自治州', county: '金川县', towns: ['勒乌镇', '安宁镇', '沙耳乡'], weight: 0.5, ethnicities: [['藏', 0.8], ['汉', 0.2]] },
  { code: '513223', province: '四川省', city: '阿坝藏族羌族自治州', county: '茂县', towns: ['凤仪镇', '南新镇', '叠溪镇'], weight: 0.5, ethnicities: [['羌', 0.7], ['藏', 0.1], ['汉', 0.2]] },
  // 重庆市
  { code: '500101', province: '重庆市', city: null, county: '万州区', towns: ['龙都街道', '分水镇', '武陵镇', '甘宁镇'], weight: 2 },
  { code: '500235', province: '重庆市', city: null, county: '云阳县', towns: ['双江街道', '南溪镇', '江口镇', '高阳镇'], weight: 2.5 },
  { code: '500236', province: '重庆市', city: null, county: '奉节县', towns: ['永安街道', '白帝镇', '草堂镇', '竹园镇'], weight: 2 },
  { code: '500233', province: '重庆市', city: null, county: '忠县', towns: ['忠州街道', '拔山镇', '新生镇'], weight: 1.5 },
  { code: '500240', province: '重庆市', city: null, county: '石柱土家族自治县', towns: ['南宾街道', '西沱镇', '黄水镇'], weight: 1, ethnicities: [['土家', 0.7], ['汉', 0.3]] },
  { code: '500242', province: '重庆市', city: null, county: '酉阳土家族苗族自治县', towns: ['钟多街道', '龙潭镇', '麻旺镇'], weight: 1, ethnicities: [['土家', 0.6], ['苗', 0.2], ['汉', 0.2]] },
  { code: '500243', province: '重庆市', city: null, county: '彭水苗族土家族自治县', towns: ['汉葭街道', '郁山镇', '保家镇'], weight: 0.8, ethnicities: [['苗', 0.5], ['土家', 0.2], ['汉', 0.3]] },
  // 湖南省
  { code: '430524', province: '湖南省', city: '邵阳市', county: '隆回县', towns: ['桃洪镇', '六都寨镇', '司门前镇'], weight: 1.5 },
  { code: '430525', province: '湖南省', city: '邵阳市', county: '洞口县', towns: ['洞口镇', '高沙镇', '竹市镇'], weight: 1.2 },
  { code: '433127', province: '湖南省', city: '湘西土家族苗族自治州', county: '永顺县', towns: ['灵溪镇', '芙蓉镇', '首车镇'], weight: 0.8, ethnicities: [['土家', 0.7], ['苗', 0.1], ['汉', 0.2]] },
  { code: '433124', province: '湖南省', city: '湘西土家族苗族自治州', county: '花垣县', towns: ['花垣镇', '边城镇', '龙潭镇'], weight: 0.6, ethnicities: [['苗', 0.7], ['土家', 0.1], ['汉', 0.2]] },
  // 河南省
  { code: '411522', province: '河南省', city: '信阳市', county: '光山县', towns: ['十里镇', '砖桥镇', '马畈镇'], weight: 1.5 },
  { code: '411526', province: '河南省', city: '信阳市', county: '潢川县', towns: ['双柳树镇', '伞陂镇', '卜塔集镇'], weight: 1.5 },
  { code: '411721', province: '河南省', city: '驻马店市', county: '西平县', towns: ['盆尧镇', '出山镇', '师灵镇'], weight: 1.2 },
  { code: '411625', province: '河南省', city: '周口市', county: '郸城县', towns: ['汲冢镇', '宁平镇', '宜路镇'], weight: 1 },
  { code: '410883', province: '河南省', city: '焦作市', county: '孟州市', towns: ['会昌街道', '南庄镇', '化工镇'], weight: 0.8, ethnicities: [['回', 0.6], ['汉', 0.4]] },
  // 贵州省
  { code: '520526', province: '贵州省', city: '毕节市', county: '威宁彝族回族苗族自治县', towns: ['草海镇', '盐仓镇', '迤那镇'], weight: 1.2, ethnicities: [['汉', 0.4], ['彝', 0.25], ['回', 0.2], ['苗', 0.15]] },
  { code: '520524', province: '贵州省', city: '毕节市', county: '织金县', towns: ['八步街道', '珠藏镇', '官寨乡'], weight: 1.2, ethnicities: [['汉', 0.8], ['苗', 0.2]] },
  { code: '520521', province: '贵州省', city: '毕节市', county: '大方县', towns: ['羊场镇', '六龙镇', '黄泥塘镇'], weight: 1, ethnicities: [['汉', 0.8], ['彝', 0.2]] },
  { code: '522622', province: '贵州省', city: '黔东南苗族侗族自治州', county: '黄平县', towns: ['新州镇', '旧州镇', '谷陇镇'], weight: 0.8, ethnicities: [['苗', 0.7], ['汉', 0.3]] },
  // 甘肃省 and 陕西省, the neighbours to the north
  { code: '621222', province: '甘肃省', city: '陇南市', county: '文县', towns: ['城关镇', '碧口镇', '临江镇'], weight: 1.5 },
  { code: '621202', province: '甘肃省', city: '陇南市', county: '武都区', towns: ['汉王镇', '两水镇', '角弓镇'], weight: 1.2 },
  { code: '621227', province: '甘肃省', city: '陇南市', county: '徽县', towns: ['城关镇', '江洛镇', '永宁镇'], weight: 0.6 },
  { code: '610726', province: '陕西省', city: '汉中市', county: '宁强县', towns: ['汉源街道', '阳平关镇', '大安镇', '燕子砭镇'], weight: 1.5 },
  { code: '610727', province: '陕西省', city: '汉中市', county: '略阳县', towns: ['兴州街道', '接官亭镇', '白水江镇'], weight: 1 },
  { code: '610722', province: '陕西省', city: '汉中市', county: '城固县', towns: ['博望街道', '原公镇', '上元观镇'], weight: 0.8 },
];

/** Only 广元's own divisions, for managers of local companies. */
export const GUANGYUAN_COUNTIES: readonly HomeCounty[] = HOME_COUNTIES.filter((item) => item.code.startsWith('5108'));

const VILLAGES = [
  '新华', '红星', '团结', '光明', '五星', '石板', '柏垭', '青山', '金鸡', '大田', '龙泉', '双河', '观音',
  '白果', '桥楼', '杨柳', '松林', '高峰', '黄桷', '鹿鸣', '石龙', '凉水', '马鞍', '天池', '水井', '桂花',
  '水磨', '新民', '联合', '向阳', '和平', '庙垭', '青龙', '黄坪', '李家沟', '张家湾', '何家坝', '罗家山',
] as const;

const STREETS = ['嘉陵路', '滨河路', '人民路', '解放路', '建设路', '新华街', '正街', '兴安路', '南河路', '北街', '文化路', '东街'] as const;

const isDistrict = (home: HomeCounty): boolean => home.county.endsWith('区');

/** A home county, by the workforce weights. */
export function pickHomeCounty(rng: Rng, from: readonly HomeCounty[] = HOME_COUNTIES): HomeCounty {
  return rng.weighted(from.map((home) => [home, home.weight] as const));
}

/** The short ethnicity label ('汉', '彝' …) of someone from `home`. */
export function pickEthnicity(rng: Rng, home: HomeCounty): string {
  if (!home.ethnicities) return rng.chance(0.004) ? '回' : '汉';
  return rng.weighted(home.ethnicities);
}

/**
 * The address printed on the ID card: province (and city for districts), county, town, then a
 * village group or, in a 街道, a street number.
 * @example homeAddress(rng, jiange) // '四川省剑阁县白龙镇石板村3组28号'
 */
export function homeAddress(rng: Rng, home: HomeCounty): string {
  const prefix = isDistrict(home) ? `${home.province}${home.city ?? ''}${home.county}` : `${home.province}${home.county}`;
  const town = rng.pick(home.towns);
  if (town.endsWith('街道')) {
    return `${prefix}${town}${rng.pick(STREETS)}${rng.int(1, 280)}号${rng.int(1, 12)}栋${rng.int(1, 3)}单元${rng.int(1, 18)}0${rng.int(1, 4)}号`;
  }
  return `${prefix}${town}${rng.pick(VILLAGES)}村${rng.int(1, 12)}组${rng.int(1, 90)}号`;
}

/** The 签发机关 on the back of the card: a county bureau, or a city bureau's district branch. */
export function issuingAuthority(home: HomeCounty): string {
  return isDistrict(home) ? `${home.city ?? home.province}公安局${home.county}分局` : `${home.county}公安局`;
}
