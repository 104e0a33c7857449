/**
 * Realistic Chinese personal names for demo data: surnames weighted by how common they are
 * (national frequencies, nudged towards 四川 where 何, 罗, 蒲, 苟, 敬 are common), given names
 * by gender, and the naming customs of 彝 and 藏 people, who do not use Han surnames.
 */
import type { Gender } from '../schema/codes/people';
import type { Rng } from './random';

/** Surname → relative weight (roughly per mille of the population). */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 72], ['张', 68], ['刘', 54], ['陈', 47], ['杨', 34], ['黄', 23], ['赵', 21],
  ['吴', 20], ['周', 19], ['徐', 15], ['孙', 15], ['马', 13], ['朱', 13], ['胡', 12], ['郭', 12],
  ['何', 13], ['高', 10], ['林', 9], ['罗', 12], ['郑', 8], ['梁', 8], ['谢', 8], ['宋', 7],
  ['唐', 9], ['许', 6], ['韩', 6], ['冯', 6], ['邓', 8], ['曹', 6], ['彭', 7], ['曾', 7],
  ['肖', 6], ['田', 6], ['董', 5], ['袁', 6], ['潘', 5], ['于', 4], ['蒋', 5], ['蔡', 5],
  ['余', 5], ['杜', 5], ['叶', 4], ['程', 4], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 4],
  ['任', 5], ['沈', 3], ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 4],
  ['陆', 3], ['汪', 3], ['范', 3], ['金', 2], ['石', 3], ['廖', 4], ['贾', 3], ['夏', 2],
  ['韦', 2], ['付', 3], ['方', 2], ['白', 2], ['邹', 2], ['孟', 2], ['熊', 3], ['秦', 2],
  ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['闫', 2], ['段', 2], ['雷', 3], ['侯', 2],
  ['龙', 2], ['史', 2], ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 1], ['毛', 2], ['郝', 1],
  ['龚', 2], ['邵', 1], ['万', 1], ['严', 1], ['向', 2], ['汤', 1], ['蒲', 2], ['苟', 2],
  ['敬', 1], ['母', 1], ['左', 1], ['冉', 1], ['文', 1], ['牟', 1], ['鲜', 1], ['伍', 1],
];

/** Characters for the first and the second half of a two-character given name, by gender. */
const MALE_FIRST = [
  '建', '国', '志', '永', '德', '明', '海', '春', '俊', '小', '大', '长', '家', '光', '正', '先',
  '世', '开', '文', '学', '树', '金', '万', '成', '红', '太', '中', '兴', '天', '子', '宏', '晓',
] as const;

const MALE_SECOND = [
  '伟', '强', '军', '勇', '杰', '涛', '明', '超', '斌', '刚', '平', '辉', '鹏', '华', '飞', '波',
  '林', '洪', '兵', '峰', '宇', '浩', '磊', '亮', '川', '江', '贵', '富', '福', '祥', '安', '全',
  '荣', '忠', '良', '松', '龙', '虎', '东', '清', '武', '成', '文', '云', '春', '民', '山', '才',
] as const;

const FEMALE_FIRST = [
  '秀', '桂', '玉', '春', '小', '晓', '丽', '红', '雪', '明', '淑', '素', '会', '德', '家', '翠',
  '利', '佳', '雨', '思', '海', '金', '美', '永',
] as const;

const FEMALE_SECOND = [
  '芳', '娟', '敏', '静', '丽', '艳', '霞', '燕', '玲', '琴', '英', '红', '梅', '兰', '琼', '萍',
  '莉', '婷', '慧', '华', '珍', '菊', '容', '蓉', '群', '凤', '月', '洁', '丹', '媛', '欣', '倩',
] as const;

/** Common complete two-character given names, which read more natural than random pairs. */
const MALE_NAMES = [
  '建国', '国强', '志强', '永华', '德明', '国华', '建华', '建军', '永刚', '明亮', '小军', '小平',
  '海军', '春林', '开全', '正兵', '光荣', '家富', '德贵', '登科', '世平', '仕林', '大勇', '长江',
] as const;

const FEMALE_NAMES = [
  '秀英', '桂兰', '玉兰', '秀珍', '春梅', '小红', '晓燕', '丽娟', '素芳', '利华', '会琼', '德英',
  '明霞', '小琴', '红梅', '雪梅', '家琼', '玉华', '翠兰', '晓丽',
] as const;

/** 彝族 names: a clan name followed by a personal name, e.g. 吉克伍呷, 沙马阿呷. */
const YI_CLANS = ['吉克', '沙马', '阿西', '曲比', '马海', '吉木', '海来', '阿的', '尔古', '俄木', '勒格', '阿苦'] as const;
const YI_MALE = ['伍呷', '木呷', '拉则', '日火', '尔布', '史者', '阿木', '拉铁', '友哈', '达体'] as const;
const YI_FEMALE = ['阿呷', '伍各', '阿依', '石木', '么么', '阿芝', '日古'] as const;

/** 藏族 names are two personal names, e.g. 泽仁多吉, 扎西拉姆. */
const TIBETAN_FIRST = ['扎西', '泽仁', '次仁', '格桑', '尼玛', '洛绒', '降措', '四郎', '益西', '达瓦'] as const;
const TIBETAN_MALE = ['多吉', '尼玛', '旺堆', '平措', '顿珠', '彭措', '罗布', '贡布'] as const;
const TIBETAN_FEMALE = ['拉姆', '卓玛', '央金', '措姆', '志玛', '曲珍'] as const;

/** A Han-style surname, weighted by frequency. */
export function surname(rng: Rng): string {
  return rng.weighted(SURNAMES);
}

/** A one- or two-character given name. */
export function givenName(rng: Rng, gender: Gender): string {
  const male = gender === 'male';
  const roll = rng.next();
  if (roll < 0.25) return rng.pick(male ? MALE_SECOND : FEMALE_SECOND);
  if (roll < 0.4) return rng.pick(male ? MALE_NAMES : FEMALE_NAMES);
  const first = rng.pick(male ? MALE_FIRST : FEMALE_FIRST);
  let second = rng.pick(male ? MALE_SECOND : FEMALE_SECOND);
  while (second === first) second = rng.pick(male ? MALE_SECOND : FEMALE_SECOND);
  return first + second;
}

/**
 * A full name fitting gender and ethnicity (the short label on the ID card: '汉', '彝', '藏').
 * @example personName(rng, 'male', '彝') // '吉克伍呷'
 */
export function personName(rng: Rng, gender: Gender, ethnicity: string): string {
  const male = gender === 'male';
  if (ethnicity === '彝') return rng.pick(YI_CLANS) + rng.pick(male ? YI_MALE : YI_FEMALE);
  if (ethnicity === '藏') return rng.pick(TIBETAN_FIRST) + rng.pick(male ? TIBETAN_MALE : TIBETAN_FEMALE);
  return surname(rng) + givenName(rng, gender);
}
