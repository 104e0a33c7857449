/**
 * 参建单位类型: how a company takes part in a project, with the national platform's codes.
 */
import type { CodeList, CodeValue } from './code-list';

/** Named codes, so other modules can write PARTICIPATION.GENERAL_CONTRACTOR instead of '009'. */
export const PARTICIPATION = {
  SPECIALIST_SUBCONTRACTOR: '001',
  EQUIPMENT_SUBCONTRACTOR: '002',
  MATERIALS_SUBCONTRACTOR: '003',
  LOGISTICS_SERVICE: '004',
  SPECIAL_EQUIPMENT: '005',
  LABOUR_SUBCONTRACTOR: '006',
  SUPERVISION: '007',
  OWNER: '008',
  GENERAL_CONTRACTOR: '009',
  SURVEY: '010',
  DESIGN: '011',
  OTHER: '012',
} as const;

export const PARTICIPATION_TYPES = [
  { value: PARTICIPATION.SPECIALIST_SUBCONTRACTOR, label: '专业分包' },
  { value: PARTICIPATION.EQUIPMENT_SUBCONTRACTOR, label: '设备分包' },
  { value: PARTICIPATION.MATERIALS_SUBCONTRACTOR, label: '材料分包' },
  { value: PARTICIPATION.LOGISTICS_SERVICE, label: '后勤服务' },
  { value: PARTICIPATION.SPECIAL_EQUIPMENT, label: '特殊设备' },
  { value: PARTICIPATION.LABOUR_SUBCONTRACTOR, label: '劳务分包' },
  { value: PARTICIPATION.SUPERVISION, label: '监理单位' },
  { value: PARTICIPATION.OWNER, label: '建设单位' },
  { value: PARTICIPATION.GENERAL_CONTRACTOR, label: '施工总承包单位' },
  { value: PARTICIPATION.SURVEY, label: '勘察单位' },
  { value: PARTICIPATION.DESIGN, label: '设计单位' },
  { value: PARTICIPATION.OTHER, label: '其他' },
] as const satisfies CodeList;

export type ParticipationType = CodeValue<typeof PARTICIPATION_TYPES>;

/** The five main units (五方主体) every project declaration names, in the order forms show them. */
export const MAIN_UNIT_ROLES = [
  PARTICIPATION.OWNER,
  PARTICIPATION.GENERAL_CONTRACTOR,
  PARTICIPATION.SUPERVISION,
  PARTICIPATION.SURVEY,
  PARTICIPATION.DESIGN,
] as const satisfies readonly ParticipationType[];

export type MainUnitRole = (typeof MAIN_UNIT_ROLES)[number];

/** Whether a participation type is one of the five main units. */
export function isMainUnitRole(value: string): value is MainUnitRole {
  return (MAIN_UNIT_ROLES as readonly string[]).includes(value);
}

