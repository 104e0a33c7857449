import { describe, expect, test } from 'vitest';
import {
  longAbsenceWarnings,
  missedDays,
  planWarnings,
  projectDayWarnings,
  warningThresholds,
  type ActiveWarning,
  type ProjectDayNumbers,
  type WantedWarning,
} from './warning-decisions';

const DEFAULTS = warningThresholds({ PLATFORM_ATTENDANCE_WARN_RATE: 0.6, PLATFORM_KEYPOST_WARN_RATE: 0.8, PLATFORM_NO_PUNCH_WARN_DAYS: 7 });
const day = (extra: Partial<ProjectDayNumbers>): ProjectDayNumbers => ({
  day: '2025-03-03',
  on_site: 100,
  present: 85,
  key_posts_required: 8,
  key_posts_present: 8,
  ...extra,
});

describe('project-wide warnings on a complete day (defaults: attendance 60 %, key posts 80 %)', () => {
  test.each([
    ['a good day', day({}), []],
    ['attendance exactly at the threshold', day({ present: 60 }), []],
    ['attendance just below', day({ present: 59 }), [['attendance_rate', 0.59]]],
    ['nobody present', day({ present: 0 }), [['attendance_rate', 0]]],
    ['nobody on site: no rate, no warning', day({ on_site: 0, present: 0 }), []],
    ['key posts exactly at the threshold', day({ key_posts_required: 10, key_posts_present: 8 }), []],
    ['key posts below', day({ key_posts_present: 6 }), [['key_post_presence', 0.75]]],
    ['no key posts required', day({ key_posts_required: 0, key_posts_present: 0 }), []],
    ['both below', day({ present: 30, key_posts_present: 2 }), [['attendance_rate', 0.3], ['key_post_presence', 0.25]]],
  ])('%s', (_label, numbers, expected) => {
    const wanted = projectDayWarnings(numbers, DEFAULTS);
    expect(wanted.map((w) => [w.kind, w.value])).toEqual(expected);
    for (const w of wanted) {
      expect(w.subject).toBeNull();
      expect(w.raised_on).toBe('2025-03-03');
      expect(w.message.length).toBeLessThanOrEqual(255);
    }
  });

  test('messages say the figures in Chinese', () => {
    const [attendance, keyPosts] = projectDayWarnings(day({ present: 55, key_posts_present: 6 }), DEFAULTS);
    expect(attendance?.message).toBe('2025-03-03 出勤率 55%（出勤 55 人 / 在场 100 人），低于 60%；已离场人员请及时办理退场');
    expect(keyPosts?.message).toBe('2025-03-03 关键岗位在岗率 75%（到岗 6 / 应到 8 个岗位），低于 80%');
  });

  test('thresholds come from the settings', () => {
    const strict = warningThresholds({ PLATFORM_ATTENDANCE_WARN_RATE: 0.9, PLATFORM_KEYPOST_WARN_RATE: 1, PLATFORM_NO_PUNCH_WARN_DAYS: 3 });
    expect(projectDayWarnings(day({}), strict).map((w) => w.kind)).toEqual(['attendance_rate']);
    expect(projectDayWarnings(day({ key_posts_present: 7 }), strict).map((w) => [w.kind, w.threshold])).toEqual([
      ['attendance_rate', 0.9],
      ['key_post_presence', 1],
    ]);
  });
});

describe('no punch for N days (default 7)', () => {
  const TODAY = '2025-03-20';
  test.each([
    ['punched today', '2025-03-20', 0],
    ['punched yesterday', '2025-03-19', 0],
    ['last punch two days ago', '2025-03-18', 1],
    ['last punch 8 days ago', '2025-03-12', 7],
    ['last punch 20 days ago', '2025-02-28', 19],
  ])('%s: %s → %i missed days', (_label, last, missed) => {
    expect(missedDays({ entry_date: '2025-01-01', last_punch_day: last }, TODAY)).toBe(missed);
  });

  test.each([
    ['entered today', '2025-03-20', 0],
    ['entered yesterday', '2025-03-19', 1],
    ['entered 7 days ago', '2025-03-13', 7],
  ])('never punched, %s → %i missed days', (_label, entry, missed) => {
    expect(missedDays({ entry_date: entry, last_punch_day: null }, TODAY)).toBe(missed);
  });

  test('warns from N missed days on, one warning per employment', () => {
    const wanted = longAbsenceWarnings(
      [
        { employment: 11, name: '张三', entry_date: '2025-01-01', last_punch_day: '2025-03-13' }, // 6 missed
        { employment: 12, name: '李四', entry_date: '2025-01-01', last_punch_day: '2025-03-12' }, // 7 missed
        { employment: 13, name: '王五', entry_date: '2025-03-01', last_punch_day: null }, // 19 missed
      ],
      TODAY,
      DEFAULTS,
    );
    expect(wanted).toEqual([
      { kind: 'long_absence', subject: '12', value: 7, threshold: 7, raised_on: TODAY, message: '李四 已连续 7 天未打卡（最后打卡 2025-03-12），如已离场请及时办理退场' },
      { kind: 'long_absence', subject: '13', value: 19, threshold: 7, raised_on: TODAY, message: '王五 已连续 19 天未打卡（2025-03-01 进场后未打卡），如已离场请及时办理退场' },
    ]);
  });
});

describe('planning raises, refreshes and resolutions', () => {
  const want = (kind: WantedWarning['kind'], subject: string | null): WantedWarning => ({ kind, subject, value: 0.5, threshold: 0.6, message: 'm', raised_on: '2025-03-03' });
  const active = (id: number, kind: string, subject: string | null): ActiveWarning => ({ id, kind, subject });
  const ALL = ['attendance_rate', 'key_post_presence', 'long_absence'] as const;

  test.each([
    ['nothing open, nothing wanted', [], [], { raise: [], refresh: [], resolve: [] }],
    ['raise a new one', [], [want('attendance_rate', null)], { raise: [want('attendance_rate', null)], refresh: [], resolve: [] }],
    ['cause lasts: refresh, no second row', [active(1, 'attendance_rate', null)], [want('attendance_rate', null)], { raise: [], refresh: [{ id: 1, wanted: want('attendance_rate', null) }], resolve: [] }],
    ['recovered: resolve', [active(1, 'attendance_rate', null)], [], { raise: [], refresh: [], resolve: [1] }],
    [
      'per subject',
      [active(1, 'long_absence', '11'), active(2, 'long_absence', '12')],
      [want('long_absence', '12'), want('long_absence', '13')],
      { raise: [want('long_absence', '13')], refresh: [{ id: 2, wanted: want('long_absence', '12') }], resolve: [1] },
    ],
    ['duplicates collapse to the oldest', [active(5, 'attendance_rate', null), active(3, 'attendance_rate', null)], [want('attendance_rate', null)], { raise: [], refresh: [{ id: 3, wanted: want('attendance_rate', null) }], resolve: [5] }],
  ])('%s', (_label, open, wanted, expected) => {
    expect(planWarnings(open, wanted, ALL)).toEqual(expected);
  });

  test('kinds not decided on are left alone', () => {
    const plan = planWarnings([active(1, 'attendance_rate', null), active(2, 'long_absence', '11')], [], ['long_absence']);
    expect(plan).toEqual({ raise: [], refresh: [], resolve: [2] });
  });
});
