import { describe, expect, test } from 'vitest';
import { groupByEmploymentDay, summariseDay, validityRule, type PunchTime } from './day-attendance';

const DEFAULT_RULE = validityRule({ PLATFORM_ATTENDANCE_VALID_MIN_PUNCHES: 2, PLATFORM_ATTENDANCE_VALID_MIN_HOURS: 4 });

/** Punches at Shanghai wall times of 2025-03-03, e.g. at('07:30', 'in'). */
const at = (time: string, direction: PunchTime['direction'] = null): PunchTime => ({ at: `2025-03-03T${time}:00+08:00`, direction });
const utc = (time: string) => new Date(`2025-03-03T${time}:00+08:00`).toISOString();

describe('one person-day: first in, last out, hours, validity (default ≥ 2 punches spanning ≥ 4 h)', () => {
  test.each([
    ['a normal day', [at('07:30', 'in'), at('18:00', 'out')], { first_in: utc('07:30'), last_out: utc('18:00'), punch_count: 2, hours: 10.5, valid: true }],
    ['lunch out and back', [at('07:30', 'in'), at('12:00', 'out'), at('13:00', 'in'), at('18:15', 'out')], { first_in: utc('07:30'), last_out: utc('18:15'), punch_count: 4, hours: 10.75, valid: true }],
    ['unordered punches', [at('18:00', 'out'), at('07:30', 'in')], { first_in: utc('07:30'), last_out: utc('18:00'), punch_count: 2, hours: 10.5, valid: true }],
    ['directions ignored for the span (wrong gate)', [at('07:30', 'out'), at('18:00', 'in')], { first_in: utc('07:30'), last_out: utc('18:00'), punch_count: 2, hours: 10.5, valid: true }],
    ['exactly 4 hours', [at('08:00', 'in'), at('12:00', 'out')], { first_in: utc('08:00'), last_out: utc('12:00'), punch_count: 2, hours: 4, valid: true }],
    ['one second short of 4 hours', [{ at: '2025-03-03T08:00:01+08:00', direction: 'in' } as PunchTime, at('12:00', 'out')], { first_in: new Date('2025-03-03T08:00:01+08:00').toISOString(), last_out: utc('12:00'), punch_count: 2, hours: 4, valid: false }],
    ['a double punch at the gate', [at('07:30', 'in'), at('07:31', 'in')], { first_in: utc('07:30'), last_out: utc('07:31'), punch_count: 2, hours: 0.02, valid: false }],
    ['a lone morning punch', [at('07:30', 'in')], { first_in: utc('07:30'), last_out: null, punch_count: 1, hours: 0, valid: false }],
    ['a lone evening punch at an exit gate', [at('18:00', 'out')], { first_in: null, last_out: utc('18:00'), punch_count: 1, hours: 0, valid: false }],
    ['a lone punch of unknown direction', [at('12:00')], { first_in: utc('12:00'), last_out: null, punch_count: 1, hours: 0, valid: false }],
    ['no punches', [] as PunchTime[], { first_in: null, last_out: null, punch_count: 0, hours: 0, valid: false }],
  ])('%s', (_label, punches, expected) => {
    expect(summariseDay(punches, DEFAULT_RULE)).toEqual(expected);
  });

  test.each([
    ['3 punches required', { minPunches: 3, minHours: 4 }, [at('07:00'), at('18:00')], false],
    ['3 punches required and present', { minPunches: 3, minHours: 4 }, [at('07:00'), at('12:00'), at('18:00')], true],
    ['8 hours required', { minPunches: 2, minHours: 8 }, [at('08:00'), at('15:59')], false],
    ['8 hours required and worked', { minPunches: 2, minHours: 8 }, [at('08:00'), at('16:00')], true],
    ['one punch suffices', { minPunches: 1, minHours: 0 }, [at('08:00')], true],
  ])('configurable rule: %s', (_label, rule, punches, valid) => {
    expect(summariseDay(punches, rule).valid).toBe(valid);
  });
});

describe('grouping punches into employment days', () => {
  test('by employment and local day; a late-evening punch stays on its local day', () => {
    const groups = groupByEmploymentDay([
      { employment: 1, at: '2025-03-03T07:30:00+08:00', direction: 'in' },
      { employment: 1, at: '2025-03-03T23:30:00+08:00', direction: 'out' },
      { employment: 1, at: '2025-03-04T00:10:00+08:00', direction: 'out' },
      { employment: 2, at: '2025-03-02T16:00:00Z', direction: 'in' },
      { employment: 2, at: 'not a time', direction: 'in' },
    ]);
    expect([...groups.keys()]).toEqual([1, 2]);
    expect([...groups.get(1)!.keys()]).toEqual(['2025-03-03', '2025-03-04']);
    expect(groups.get(1)!.get('2025-03-03')).toHaveLength(2);
    expect([...groups.get(2)!.keys()]).toEqual(['2025-03-03']);
    expect(groups.get(2)!.get('2025-03-03')).toHaveLength(1);
  });
});
