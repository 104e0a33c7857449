import { describe, expect, test } from 'vitest';
import { PARTICIPATION } from '../../../../schema/codes';
import { buildBoard, type KeyPostRecord, type ProjectUnit } from './board';

const units: ProjectUnit[] = [
  { unit_id: 1, unit_name: '广元市城市建设投资有限公司', participation: PARTICIPATION.OWNER, is_main: true },
  { unit_id: 2, unit_name: '四川蜀道建设有限公司', participation: PARTICIPATION.GENERAL_CONTRACTOR, is_main: true },
  { unit_id: 3, unit_name: '四川正信监理有限公司', participation: PARTICIPATION.SUPERVISION, is_main: true },
  { unit_id: 4, unit_name: '四川省地质勘察院', participation: PARTICIPATION.SURVEY, is_main: true },
  { unit_id: 5, unit_name: '广元劳务有限公司', participation: PARTICIPATION.LABOUR_SUBCONTRACTOR, is_main: false },
];

/** A key-post record with defaults. @example record({ id: 2, status: 'pending' }) */
const record = (over: Partial<KeyPostRecord>): KeyPostRecord => ({
  id: 1,
  unit_role: PARTICIPATION.GENERAL_CONTRACTOR,
  post: 'project_manager',
  status: 'approved',
  entry_date: '2026-03-01',
  exit_date: null,
  exit_reason: null,
  review_reason: null,
  reviewed_at: null,
  person_name: '张伟',
  gender: 'male',
  id_number: '510802198001011234',
  unit_name: '四川蜀道建设有限公司',
  ...over,
});

const keys = (board: ReturnType<typeof buildBoard>) => board.map((slot) => `${slot.unit_role_label}/${slot.post_label}`);

describe('buildBoard', () => {
  test('lists the required posts of the unit types the project has, general contractor first, all empty', () => {
    const board = buildBoard(units, []);
    expect(keys(board)).toEqual([
      '施工总承包单位/项目经理',
      '施工总承包单位/技术负责人',
      '施工总承包单位/安全员',
      '施工总承包单位/质量员',
      '施工总承包单位/劳务员',
      '监理单位/总监理工程师',
      '监理单位/专业监理工程师',
      '建设单位/建设单位项目负责人',
    ]);
    expect(board.every((slot) => slot.holder === null && slot.last_rejection === null)).toBe(true);
    expect(board[0]?.unit).toEqual({ id: 2, name: '四川蜀道建设有限公司' });
  });

  test('a project without a supervisor unit shows no supervisor posts', () => {
    const board = buildBoard(units.filter((unit) => unit.participation !== PARTICIPATION.SUPERVISION), []);
    expect(keys(board).some((key) => key.startsWith('监理单位'))).toBe(false);
  });

  test.each([
    ['pending', '待审核'],
    ['approved', '在岗'],
    ['exit_pending', '退场待审核'],
  ] as const)('a %s record holds the post, ID number masked', (status, label) => {
    const [slot] = buildBoard(units, [record({ status })]);
    expect(slot?.holder).toMatchObject({ id: 1, status, status_label: label, name: '张伟', id_number: '5108**********1234', unit_name: '四川蜀道建设有限公司', entry_date: '2026-03-01' });
  });

  test.each(['rejected', 'exited'] as const)('a %s record frees the post', (status) => {
    const [slot] = buildBoard(units, [record({ status })]);
    expect(slot?.holder).toBeNull();
  });

  test('the holder is the holding record, not an older exited one', () => {
    const [slot] = buildBoard(units, [record({ id: 1, status: 'exited', person_name: '李强' }), record({ id: 7, status: 'approved', person_name: '王磊' })]);
    expect(slot?.holder?.name).toBe('王磊');
  });

  test('an empty post says why the last application failed', () => {
    const [slot] = buildBoard(units, [record({ id: 3, status: 'rejected', review_reason: '证书过期', reviewed_at: '2026-03-02T01:00:00.000Z' })]);
    expect(slot?.last_rejection).toEqual({ name: '张伟', review_reason: '证书过期', reviewed_at: '2026-03-02T01:00:00.000Z' });
    const [again] = buildBoard(units, [record({ id: 3, status: 'rejected' }), record({ id: 4, status: 'exited' })]);
    expect(again?.last_rejection).toBeNull();
  });

  test('a holder on a post the matrix no longer requires is still shown', () => {
    const board = buildBoard(units, [record({ id: 9, post: 'records_officer' })]);
    expect(board.at(-1)).toMatchObject({ post: 'records_officer', post_label: '资料员', holder: { id: 9 } });
  });
});
