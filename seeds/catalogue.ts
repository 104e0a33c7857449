/**
 * The fixed content of the demo city: companies, the four projects of 广元市 and how each is
 * staffed. Everything random (people, dates, punches) is drawn by demo-city.ts from a seeded
 * generator; everything here is the same on every run, including the login accounts.
 */
// Explicit extension: this file is also loaded by Node's type stripping (through demo-logins.ts),
// which resolves only full file names; every other import here is type-only and erased.
import { projectCode as formatProjectCode } from '../schema/rules/account.ts';
import type { MainUnitRole, ParticipationType } from '../schema/codes/participation';
import type { ManagementPost } from '../schema/codes/managementPosts';
import type { InvestmentType, ProjectCategory, WageDepositMethod } from '../schema/codes/project';
import type { Trade } from '../schema/codes/trades';
import type { DeviceDirection, DeviceProtocol } from './rows';

export interface CompanySpec {
  name: string;
  /** Division of the registering authority (positions 3–8 of the credit code). */
  regionCode: string;
  /** 登记管理部门 and 机构类别 (positions 1–2): '91' enterprise, '12' public institution. */
  registry?: string;
  kind?: string;
}

export const COMPANIES = {
  lizhouAnju: { name: '广元市利州区安居建设投资有限公司', regionCode: '510802' },
  shuliConstruction: { name: '四川蜀利建设工程集团有限公司', regionCode: '510802' },
  chuanbeiSupervision: { name: '四川川北工程建设监理有限公司', regionCode: '510802' },
  gyGeoSurvey: { name: '广元市地质工程勘察院有限公司', regionCode: '510802' },
  gyDesignInstitute: { name: '广元市建筑设计研究院有限公司', regionCode: '510802' },
  zhaohuaEducation: { name: '广元市昭化区教育投资发展有限公司', regionCode: '510811' },
  jialingConstruction: { name: '广元市嘉陵建筑工程有限公司', regionCode: '510811' },
  mingzhengSupervision: { name: '广元市明正工程建设监理有限公司', regionCode: '510802' },
  shuyuanDesign: { name: '四川蜀元建筑设计有限公司', regionCode: '510107' },
  jiangeHealth: { name: '剑阁县医疗卫生建设发展有限公司', regionCode: '510823' },
  jianmenConstruction: { name: '四川剑门建设集团有限公司', regionCode: '510823' },
  chuanbeiGeotech: { name: '四川省川北岩土工程勘察有限公司', regionCode: '511302' },
  chaotianTourism: { name: '广元市朝天区文化旅游投资有限公司', regionCode: '510812' },
  zengjiashanConstruction: { name: '四川曾家山建设工程有限公司', regionCode: '510812' },
  lianLabour: { name: '广元市利安建筑劳务有限公司', regionCode: '510802' },
  hengtaiLabour: { name: '四川川渝恒泰劳务有限公司', regionCode: '510106' },
  landunWaterproof: { name: '四川蓝盾防水保温工程有限公司', regionCode: '510802' },
  hongdaMep: { name: '广元市宏达机电设备安装工程有限公司', regionCode: '510802' },
  zhaoxinLabour: { name: '四川昭鑫建筑劳务有限公司', regionCode: '510811' },
  xingdaLabour: { name: '剑阁县兴达建筑劳务有限公司', regionCode: '510823' },
  meijuDecoration: { name: '广元市美居装饰工程有限公司', regionCode: '510802' },
} as const satisfies Record<string, CompanySpec>;

export type CompanyKey = keyof typeof COMPANIES;

/** A labour team: who employs it, which trades its workers have, and its share of the headcount. */
export interface LabourTeamSpec {
  name: string;
  company: CompanyKey;
  share: number;
  /** Kept in the small city. */
  small: boolean;
}

/** Trades of each labour team name, by weight; the first is the team's own trade. */
export const TEAM_TRADES: Readonly<Record<string, readonly (readonly [Trade, number])[]>> = {
  泥工班: [['010', 8], ['040', 2]],
  泥工1班: [['010', 8], ['040', 2]],
  泥工2班: [['010', 8], ['040', 2]],
  泥工3班: [['010', 7], ['040', 3]],
  钢筋班: [['020', 9], ['270', 1]],
  木工班: [['240', 6], ['050', 4]],
  架子工班: [['030', 1]],
  抹灰班: [['190', 1]],
  杂工班: [['390', 1]],
  水电班: [['130', 5], ['110', 4], ['100', 1]],
  防水班组: [['230', 1]],
  保温班: [['190', 1]],
  墙漆班: [['190', 1]],
  // Tower-crane and hoist drivers have no national trade: 其它, with the signallers under 170.
  塔吊班: [['1000', 6], ['170', 4]],
  电梯司机班: [['1000', 1]],
};

/** Special key-post situations, so the studio shows every state (and a vacancy). */
export type KeyPostCase = 'unregistered' | 'pending' | 'exit_pending' | 'replaced';

export interface DeviceSpec {
  sn: string;
  name: string;
  protocol: DeviceProtocol;
  direction: DeviceDirection;
  firmware: string;
  /** Last heard of more than a day ago: its newest punches are still in its memory. */
  offline?: boolean;
}

export interface ProjectSpec {
  status: 'approved' | 'submitted';
  name: string;
  category: ProjectCategory;
  investment: InvestmentType;
  regionCode: string;
  /** Fixed, so a second load can tell the demo city is already there. */
  applicationNo: string;
  /** Sequence within the region of the project code (approved projects only). */
  codeSeq: number | null;
  address: string;
  latitude: number;
  longitude: number;
  /** Days before today the works started (negative: starts in the future). */
  startDaysAgo: number;
  durationDays: number;
  /** Days before today the declaration was submitted. */
  submittedDaysAgo: number;
  floorArea: number;
  height: number;
  structureLevels: string;
  cost: number;
  payrollBank: string;
  depositMethod: WageDepositMethod;
  depositAmount: number | null;
  mainUnits: Readonly<Record<MainUnitRole, CompanyKey>>;
  subcontractors: readonly { company: CompanyKey; participation: ParticipationType }[];
  labourTeams: readonly LabourTeamSpec[];
  size: { full: { onSite: number; exited: number }; small: { onSite: number; exited: number } };
  keyPostCases: readonly { post: ManagementPost; case: KeyPostCase }[];
  devices: readonly DeviceSpec[];
}

const ZK_FIRMWARE = 'ZMM220_TFT Ver 8.0.4.3-20230412';
const UNIUBI_FIRMWARE = 'WO-GS1-3.2.10';
const HIK_FIRMWARE = 'V3.2.30 build 230412';

export const PROJECTS: readonly ProjectSpec[] = [
  {
    status: 'approved',
    name: '利州区东坝片区棚户区改造安置房项目（一期）',
    category: '01',
    investment: 'state_owned',
    regionCode: '510802',
    applicationNo: 'SBDEMO0001',
    codeSeq: 1,
    address: '广元市利州区东坝街道万缘路以东、南河以北',
    latitude: 32.4262187,
    longitude: 105.8601342,
    startDaysAgo: 420,
    durationDays: 1000,
    submittedDaysAgo: 432,
    floorArea: 186520.35,
    height: 99.6,
    structureLevels: '框架剪力墙结构，地上33层/地下2层',
    cost: 68560,
    payrollBank: '中国农业银行广元分行',
    depositMethod: 'bank_guarantee',
    depositAmount: 150,
    mainUnits: {
      '008': 'lizhouAnju',
      '009': 'shuliConstruction',
      '007': 'chuanbeiSupervision',
      '010': 'gyGeoSurvey',
      '011': 'gyDesignInstitute',
    },
    subcontractors: [
      { company: 'lianLabour', participation: '006' },
      { company: 'hengtaiLabour', participation: '006' },
      { company: 'landunWaterproof', participation: '001' },
      { company: 'hongdaMep', participation: '001' },
    ],
    labourTeams: [
      { name: '泥工1班', company: 'lianLabour', share: 90, small: true },
      { name: '泥工2班', company: 'lianLabour', share: 85, small: false },
      { name: '泥工3班', company: 'lianLabour', share: 80, small: false },
      { name: '钢筋班', company: 'hengtaiLabour', share: 110, small: true },
      { name: '木工班', company: 'hengtaiLabour', share: 120, small: true },
      { name: '架子工班', company: 'hengtaiLabour', share: 60, small: true },
      { name: '抹灰班', company: 'lianLabour', share: 65, small: false },
      { name: '杂工班', company: 'lianLabour', share: 50, small: false },
      { name: '水电班', company: 'hongdaMep', share: 45, small: true },
      { name: '防水班组', company: 'landunWaterproof', share: 25, small: false },
      { name: '保温班', company: 'landunWaterproof', share: 22, small: false },
      { name: '墙漆班', company: 'landunWaterproof', share: 28, small: false },
      { name: '塔吊班', company: 'hongdaMep', share: 12, small: false },
      { name: '电梯司机班', company: 'hongdaMep', share: 8, small: false },
    ],
    size: { full: { onSite: 821, exited: 38 }, small: { onSite: 30, exited: 4 } },
    keyPostCases: [
      { post: 'safety_officer', case: 'exit_pending' },
      { post: 'technical_lead', case: 'replaced' },
    ],
    devices: [
      { sn: 'CJDE20230417', name: '东大门进场闸机', protocol: 'zkteco', direction: 'in', firmware: ZK_FIRMWARE },
      { sn: 'CJDE20230418', name: '东大门出场闸机', protocol: 'zkteco', direction: 'out', firmware: ZK_FIRMWARE },
    ],
  },
  {
    status: 'approved',
    name: '昭化区元坝镇九年一贯制学校新建项目',
    category: '01',
    investment: 'government',
    regionCode: '510811',
    applicationNo: 'SBDEMO0002',
    codeSeq: 1,
    address: '广元市昭化区元坝镇紫云路与滨河路交叉口西南侧',
    latitude: 32.3225416,
    longitude: 105.9640275,
    startDaysAgo: 260,
    durationDays: 640,
    submittedDaysAgo: 270,
    floorArea: 32860.5,
    height: 23.85,
    structureLevels: '框架结构，地上5层',
    cost: 12830,
    payrollBank: '中国建设银行广元分行',
    depositMethod: 'surety_insurance',
    depositAmount: 38.49,
    mainUnits: {
      '008': 'zhaohuaEducation',
      '009': 'jialingConstruction',
      '007': 'mingzhengSupervision',
      '010': 'gyGeoSurvey',
      '011': 'shuyuanDesign',
    },
    subcontractors: [
      { company: 'zhaoxinLabour', participation: '006' },
      { company: 'hongdaMep', participation: '001' },
    ],
    labourTeams: [
      { name: '钢筋班', company: 'zhaoxinLabour', share: 25, small: true },
      { name: '木工班', company: 'zhaoxinLabour', share: 25, small: true },
      { name: '泥工班', company: 'zhaoxinLabour', share: 22, small: true },
      { name: '架子工班', company: 'zhaoxinLabour', share: 12, small: false },
      { name: '杂工班', company: 'zhaoxinLabour', share: 10, small: false },
      { name: '水电班', company: 'hongdaMep', share: 10, small: false },
    ],
    size: { full: { onSite: 108, exited: 9 }, small: { onSite: 34, exited: 3 } },
    keyPostCases: [{ post: 'specialist_supervisor', case: 'pending' }],
    devices: [
      { sn: 'UNI84E0F42B7C15', name: '南门进场人脸机', protocol: 'uniubi', direction: 'in', firmware: UNIUBI_FIRMWARE },
      { sn: 'DS-K1T671M20231108AAWRJ87451236', name: '南门出场人脸机', protocol: 'hikvision', direction: 'out', firmware: HIK_FIRMWARE },
    ],
  },
  {
    status: 'approved',
    name: '剑阁县中医医院门急诊综合楼建设项目',
    category: '01',
    investment: 'government',
    regionCode: '510823',
    applicationNo: 'SBDEMO0003',
    codeSeq: 1,
    address: '广元市剑阁县下寺镇剑门大道北段',
    latitude: 32.2879563,
    longitude: 105.5262418,
    startDaysAgo: 180,
    durationDays: 720,
    submittedDaysAgo: 188,
    floorArea: 45630.8,
    height: 59.4,
    structureLevels: '框架剪力墙结构，地上14层/地下1层',
    cost: 21650,
    payrollBank: '中国农业银行剑阁县支行',
    depositMethod: 'cash',
    depositAmount: 64.95,
    mainUnits: {
      '008': 'jiangeHealth',
      '009': 'jianmenConstruction',
      '007': 'chuanbeiSupervision',
      '010': 'chuanbeiGeotech',
      '011': 'gyDesignInstitute',
    },
    subcontractors: [
      { company: 'xingdaLabour', participation: '006' },
      { company: 'landunWaterproof', participation: '001' },
      { company: 'meijuDecoration', participation: '001' },
    ],
    labourTeams: [
      { name: '泥工1班', company: 'xingdaLabour', share: 16, small: true },
      { name: '泥工2班', company: 'xingdaLabour', share: 14, small: false },
      { name: '钢筋班', company: 'xingdaLabour', share: 14, small: true },
      { name: '木工班', company: 'xingdaLabour', share: 14, small: true },
      { name: '防水班组', company: 'landunWaterproof', share: 6, small: false },
      { name: '抹灰班', company: 'meijuDecoration', share: 8, small: false },
    ],
    size: { full: { onSite: 76, exited: 6 }, small: { onSite: 32, exited: 3 } },
    keyPostCases: [{ post: 'quality_officer', case: 'unregistered' }],
    devices: [
      { sn: 'DS-K1T341AM20230926AAWRF61239874', name: '北门进场闸机', protocol: 'hikvision', direction: 'in', firmware: HIK_FIRMWARE },
      { sn: 'CJDE20231026', name: '北门出场闸机', protocol: 'zkteco', direction: 'out', firmware: ZK_FIRMWARE, offline: true },
    ],
  },
  {
    status: 'submitted',
    name: '朝天区曾家山游客服务中心建设项目',
    category: '01',
    investment: 'state_owned',
    regionCode: '510812',
    applicationNo: 'SBDEMO0004',
    codeSeq: null,
    address: '广元市朝天区曾家镇曾家山景区入口',
    latitude: 32.5563871,
    longitude: 106.0812954,
    startDaysAgo: -25,
    durationDays: 540,
    submittedDaysAgo: 2,
    floorArea: 8650,
    height: 18.6,
    structureLevels: '框架结构，地上3层',
    cost: 5260,
    payrollBank: '中国邮政储蓄银行广元市分行',
    depositMethod: 'bank_guarantee',
    depositAmount: 15.78,
    mainUnits: {
      '008': 'chaotianTourism',
      '009': 'zengjiashanConstruction',
      '007': 'mingzhengSupervision',
      '010': 'gyGeoSurvey',
      '011': 'shuyuanDesign',
    },
    subcontractors: [],
    labourTeams: [],
    size: { full: { onSite: 0, exited: 0 }, small: { onSite: 0, exited: 0 } },
    keyPostCases: [],
    devices: [],
  },
];

/**
 * The demo terminals' device secret (设备密钥): `Demo-` and the last eight characters of the
 * serial, e.g. `Demo-20230417` for CJDE20230417. Public on purpose (seeds/README.md), so the
 * scripted demo terminals can authenticate the way real ones do; a real site types its own.
 */
export function demoDeviceSecret(sn: string): string {
  return `Demo-${sn.slice(-8)}`;
}

/** A terminal that has called in but is not bound to a project yet (待绑定). */
export const PENDING_DEVICE: DeviceSpec = {
  sn: 'CJDE20231188',
  name: '',
  protocol: 'zkteco',
  direction: 'both',
  firmware: ZK_FIRMWARE,
};

/**
 * Posts of each management team, full city and small city. The general contractor's team
 * holds its five key posts plus the usual site staff.
 */
export const MANAGEMENT_TEAMS: readonly {
  name: string;
  unitRole: MainUnitRole;
  full: readonly ManagementPost[];
  small: readonly ManagementPost[];
}[] = [
  {
    name: '项目管理班组',
    unitRole: '009',
    full: [
      'project_manager', 'deputy_project_manager', 'technical_lead', 'construction_officer', 'construction_officer',
      'construction_officer', 'quality_officer', 'quality_officer', 'safety_officer', 'safety_officer',
      'standards_officer', 'materials_officer', 'machinery_officer', 'labour_officer', 'records_officer',
    ],
    small: ['project_manager', 'technical_lead', 'safety_officer', 'quality_officer', 'labour_officer', 'construction_officer'],
  },
  {
    name: '监理管理班组',
    unitRole: '007',
    full: ['chief_supervisor', 'specialist_supervisor', 'specialist_supervisor', 'supervisor', 'supervisor'],
    small: ['chief_supervisor', 'specialist_supervisor', 'supervisor'],
  },
  {
    name: '建设单位管理班组',
    unitRole: '008',
    full: ['owner_project_lead', 'other_manager'],
    small: ['owner_project_lead'],
  },
];

/** The project code the approval issued (GY + region + sequence), or null while not approved. */
export function projectCode(spec: ProjectSpec): string | null {
  return spec.codeSeq === null ? null : formatProjectCode(spec.regionCode, spec.codeSeq);
}
