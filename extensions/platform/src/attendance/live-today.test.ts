import { describe, expect, test } from 'vitest';
import { PARTICIPATION } from '../../../../schema/codes/participation';
import { expectedOn, liveFigures, type TodayStay } from './live-today';

const DAY = '2026-03-02';
const stay = (id: number, extra: Partial<TodayStay> = {}): TodayStay => ({ id, project: 1, person: 100 + id, team: 1, entry_date: '2026-01-05', exit_date: null, ...extra });

describe('who is expected today', () => {
  test.each([
    ['on site, no punch yet', stay(1), false, true],
    ['on site, punched', stay(1), true, true],
    ['exits today and did not come', stay(1, { exit_date: DAY }), false, false],
    ['exits today after working the morning', stay(1, { exit_date: DAY }), true, true],
    ['enters tomorrow', stay(1, { entry_date: '2026-03-03' }), false, false],
    ['enters today', stay(1, { entry_date: DAY }), false, true],
    ['left yesterday', stay(1, { exit_date: '2026-03-01' }), true, false],
  ])('%s', (_label, s, punched, expected) => expect(expectedOn(s, DAY, punched)).toBe(expected));
});

describe('today’s live figures', () => {
  const GC = PARTICIPATION.GENERAL_CONTRACTOR;
  const stays = [stay(1), stay(2), stay(3), stay(4, { exit_date: DAY }), stay(5, { exit_date: DAY })];

  test('punched so far against the people expected; leavers of today who did not come are not 未打卡', () => {
    const figures = liveFigures({ day: DAY, stays, punched: new Set([1, 5]), unitRoles: [], holdings: [] });
    expect(figures).toMatchObject({ on_site: 4, present: 2, absent: 2, key_posts_required: 0, key_posts_present: 0 });
    expect(figures.expected.map((s) => s.id)).toEqual([1, 2, 3, 5]);
  });

  test('a key post counts once its approved holder has punched today', () => {
    const holdings = [
      { unit_role: GC, post: 'project_manager', person: 101, status: 'approved', entry_date: '2026-01-05', exit_date: null },
      { unit_role: GC, post: 'technical_lead', person: 102, status: 'approved', entry_date: '2026-01-05', exit_date: null },
    ];
    const figures = liveFigures({ day: DAY, stays, punched: new Set([1]), unitRoles: [GC], holdings });
    expect(figures.key_posts_required).toBe(5);
    expect(figures.key_posts_present).toBe(1);
  });

  test('nobody expected: no figures, no rate to judge', () => {
    expect(liveFigures({ day: DAY, stays: [], punched: new Set(), unitRoles: [], holdings: [] })).toMatchObject({ on_site: 0, present: 0, absent: 0 });
  });
});
