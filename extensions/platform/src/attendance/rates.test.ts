import { describe, expect, test } from 'vitest';
import { PARTICIPATION } from '../../../../schema/codes/participation';
import { holdsPostOn, keyPostPresence, onSiteDaysWithin, onSiteOn, rate, type KeyPostHolding } from './rates';

describe('on site on a day', () => {
  test.each([
    ['entered that day', { entry_date: '2025-03-03', exit_date: null }, '2025-03-03', true],
    ['entered the day after', { entry_date: '2025-03-04', exit_date: null }, '2025-03-03', false],
    ['exit day is still on site', { entry_date: '2025-03-01', exit_date: '2025-03-03' }, '2025-03-03', true],
    ['exited the day before', { entry_date: '2025-03-01', exit_date: '2025-03-02' }, '2025-03-03', false],
    ['no exit', { entry_date: '2024-01-01', exit_date: null }, '2025-03-03', true],
  ])('%s', (_label, stay, day, expected) => expect(onSiteOn(stay, day)).toBe(expected));

  test.each([
    [{ entry_date: '2025-03-01', exit_date: null }, '2025-03-01', '2025-03-31', 31],
    [{ entry_date: '2025-03-10', exit_date: null }, '2025-03-01', '2025-03-31', 22],
    [{ entry_date: '2025-02-01', exit_date: '2025-03-05' }, '2025-03-01', '2025-03-31', 5],
    [{ entry_date: '2025-04-01', exit_date: null }, '2025-03-01', '2025-03-31', 0],
    [{ entry_date: '2025-01-01', exit_date: '2025-02-28' }, '2025-03-01', '2025-03-31', 0],
  ])('%o within %s..%s is %i days', (stay, from, to, days) => expect(onSiteDaysWithin(stay, from, to)).toBe(days));
});

describe('rates', () => {
  test.each([
    [17, 20, 0.85],
    [2, 3, 0.6667],
    [0, 5, 0],
    [5, 5, 1],
    [0, 0, null],
  ])('%i of %i is %s', (part, whole, expected) => expect(rate(part, whole)).toBe(expected));
});

describe('key-post presence (KEY_POST_MATRIX: general contractor 5, supervision 2, owner 1)', () => {
  const GC = PARTICIPATION.GENERAL_CONTRACTOR;
  const SUP = PARTICIPATION.SUPERVISION;
  const OWNER = PARTICIPATION.OWNER;
  const DAY = '2025-03-03';
  const holder = (unit_role: string, post: string, person: number, extra: Partial<KeyPostHolding> = {}): KeyPostHolding => ({
    unit_role,
    post,
    person,
    status: 'approved',
    entry_date: '2025-01-01',
    exit_date: null,
    ...extra,
  });
  const fullBoard = [
    holder(GC, 'project_manager', 1),
    holder(GC, 'technical_lead', 2),
    holder(GC, 'safety_officer', 3),
    holder(GC, 'quality_officer', 4),
    holder(GC, 'labour_officer', 5),
    holder(SUP, 'chief_supervisor', 6),
    holder(SUP, 'specialist_supervisor', 7),
    holder(OWNER, 'owner_project_lead', 8),
  ];
  const everyone = new Set([1, 2, 3, 4, 5, 6, 7, 8]);
  const roles = [GC, SUP, OWNER, PARTICIPATION.LABOUR_SUBCONTRACTOR];

  test.each([
    ['all posts held and present', fullBoard, everyone, { required: 8, present: 8 }],
    ['one holder absent', fullBoard, new Set([1, 2, 3, 4, 5, 6, 7]), { required: 8, present: 7 }],
    ['a vacant post', fullBoard.filter((h) => h.post !== 'quality_officer'), everyone, { required: 8, present: 7 }],
    ['a holder awaiting approval', fullBoard.map((h) => (h.person === 7 ? { ...h, status: 'pending' } : h)), everyone, { required: 8, present: 7 }],
    ['a rejected holder', fullBoard.map((h) => (h.person === 7 ? { ...h, status: 'rejected' } : h)), everyone, { required: 8, present: 7 }],
    ['exit pending still holds the post', fullBoard.map((h) => (h.person === 3 ? { ...h, status: 'exit_pending', exit_date: '2025-03-10' } : h)), everyone, { required: 8, present: 8 }],
    ['exited before the day', fullBoard.map((h) => (h.person === 2 ? { ...h, status: 'exited', exit_date: '2025-03-02' } : h)), everyone, { required: 8, present: 7 }],
    ['exited on the day still counts that day', fullBoard.map((h) => (h.person === 2 ? { ...h, status: 'exited', exit_date: DAY } : h)), everyone, { required: 8, present: 8 }],
    ['entered after the day', fullBoard.map((h) => (h.person === 8 ? { ...h, entry_date: '2025-03-04' } : h)), everyone, { required: 8, present: 7 }],
    ['two present holders of one post count once', [...fullBoard, holder(GC, 'project_manager', 9)], new Set([...everyone, 9]), { required: 8, present: 8 }],
    ['a successor covers the absent holder on handover day', [...fullBoard.map((h) => (h.person === 2 ? { ...h, status: 'exited', exit_date: DAY } : h)), holder(GC, 'technical_lead', 10, { entry_date: DAY })], new Set([1, 3, 4, 5, 6, 7, 8, 10]), { required: 8, present: 8 }],
  ])('%s', (_label, holdings, present, expected) => {
    expect(keyPostPresence(roles, holdings, present, DAY)).toEqual(expected);
  });

  test('a project without key-post unit types requires nothing', () => {
    expect(keyPostPresence([PARTICIPATION.LABOUR_SUBCONTRACTOR], fullBoard, everyone, DAY)).toEqual({ required: 0, present: 0 });
  });

  test('a post of a unit type the project lacks does not count', () => {
    expect(keyPostPresence([GC], fullBoard, everyone, DAY)).toEqual({ required: 5, present: 5 });
  });

  test.each([
    ['approved, no dates', { status: 'approved', entry_date: null, exit_date: null }, true],
    ['pending', { status: 'pending', entry_date: '2025-01-01', exit_date: null }, false],
    ['exited long ago', { status: 'exited', entry_date: '2024-01-01', exit_date: '2024-06-30' }, false],
  ])('holds the post: %s', (_label, extra, expected) => {
    expect(holdsPostOn({ unit_role: GC, post: 'project_manager', person: 1, ...extra }, DAY)).toBe(expected);
  });
});
