/**
 * 工种: the work-type dictionary of the national construction-worker platform
 * (全国建筑工人管理服务信息平台). Codes are the platform's; note that 900 is 管理人员 and
 * 其它 is 1000 there. Site slang that is not a national trade maps onto one via TRADE_ALIASES.
 */
import { findCode, type CodeList, type CodeValue } from './code-list';

export const TRADES = [
  { value: '010', label: '砌筑工' },
  { value: '020', label: '钢筋工' },
  { value: '030', label: '架子工' },
  { value: '040', label: '混凝土工' },
  { value: '050', label: '模板工' },
  { value: '060', label: '机械设备安装工' },
  { value: '070', label: '通风工' },
  { value: '080', label: '安装起重工' },
  { value: '090', label: '安装钳工' },
  { value: '100', label: '电气设备安装调试工' },
  { value: '110', label: '管道工' },
  { value: '120', label: '变电安装工' },
  { value: '130', label: '建筑电工' },
  { value: '140', label: '司泵工' },
  { value: '150', label: '挖掘铲运和桩工机械司机' },
  { value: '160', label: '桩机操作工' },
  { value: '170', label: '起重信号工' },
  { value: '180', label: '建筑起重机械安装拆卸工' },
  { value: '190', label: '装饰装修工' },
  { value: '200', label: '室内成套设施安装工' },
  { value: '210', label: '建筑门窗幕墙安装工' },
  { value: '220', label: '幕墙制作工' },
  { value: '230', label: '防水工' },
  { value: '240', label: '木工' },
  { value: '250', label: '石工' },
  { value: '270', label: '电焊工' },
  { value: '280', label: '爆破工' },
  { value: '290', label: '除尘工' },
  { value: '300', label: '测量放线工' },
  { value: '310', label: '线路架设工' },
  { value: '320', label: '古建筑传统石工' },
  { value: '330', label: '古建筑传统瓦工' },
  { value: '340', label: '古建筑传统彩画工' },
  { value: '350', label: '古建筑传统木工' },
  { value: '360', label: '古建筑传统油工' },
  { value: '380', label: '金属工' },
  { value: '390', label: '杂工' },
  { value: '900', label: '管理人员' },
  { value: '1000', label: '其它' },
] as const satisfies CodeList;

export type Trade = CodeValue<typeof TRADES>;

/** The national code for 管理人员; managers' employment records carry it as their trade. */
export const MANAGER_TRADE = '900' satisfies Trade;

/** The national code for 其它 (free-text trade). */
export const OTHER_TRADE = '1000' satisfies Trade;

/**
 * Everyday site names that are not national trades, mapped to the national trade they are
 * filed under (the sub-trades follow the national platform's own grouping, e.g. 抹灰工 under 190).
 * 塔吊司机 and 施工电梯司机 have no national trade; file them under 其它 with the name as free text.
 */
export const TRADE_ALIASES: Readonly<Record<string, Trade>> = {
  瓦工: '010',
  泥工: '010',
  泥瓦工: '010',
  混凝土搅拌工: '040',
  混凝土浇筑工: '040',
  木模工: '050',
  起重工: '080',
  管工: '110',
  电工: '130',
  弱电工: '130',
  挖掘机司机: '150',
  推土机司机: '150',
  打桩工: '160',
  信号工: '170',
  司索工: '170',
  起重信号司索工: '170',
  抹灰工: '190',
  油漆工: '190',
  镶贴工: '190',
  涂裱工: '190',
  幕墙安装工: '210',
  门窗安装工: '210',
  焊工: '270',
  测量工: '300',
  普工: '390',
  小工: '390',
};

/** The trade for a national code, national label or common site alias (e.g. '油漆工' → '190'). */
export function resolveTrade(text: string | null | undefined): Trade | undefined {
  const wanted = text?.trim();
  if (!wanted) return undefined;
  return findCode(TRADES, wanted)?.value ?? TRADE_ALIASES[wanted];
}
