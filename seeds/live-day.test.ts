import { describe, expect, test } from 'vitest';
import { plannedDay, receivedAt, type LiveGate, type LivePerson } from './live-day';

const DAY = '2026-03-02'; // a Monday
const person = (id: number, extra: Partial<LivePerson> = {}): LivePerson => ({
  id,
  project: 1,
  person: 1000 + id,
  role: 'worker',
  card_no: null,
  device_pin: String(1000 + id),
  entry_date: '2026-01-05',
  exit_date: null,
  ...extra,
});
const gate = (id: number, direction: 'in' | 'out', extra: Partial<LiveGate> = {}): LiveGate => ({
  id,
  sn: `SN${id}`,
  project: 1,
  protocol: 'zkteco',
  direction,
  status: 'active',
  offline: false,
  ...extra,
});
const people = Array.from({ length: 200 }, (_, i) => person(i + 1));
const gates = [gate(1, 'in'), gate(2, 'out')];
const local = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(11, 16);

describe('the demo city’s living day', () => {
  test('the same day plans the same punches (a restart inserts none twice)', () => {
    expect(plannedDay(DAY, people, gates)).toEqual(plannedDay(DAY, people, gates));
    expect(plannedDay(DAY, people, gates)).not.toEqual(plannedDay('2026-03-03', people, gates));
  });

  test('a working day: most come, arriving 06:30–08:30 through the in-gate, leaving 17:00–19:30 through the out-gate', () => {
    const punches = plannedDay(DAY, people, gates);
    const arrivals = new Map<number, string>();
    for (const p of punches) if (p.direction === 'in' && !arrivals.has(p.employment)) arrivals.set(p.employment, p.at);
    expect(arrivals.size / people.length).toBeGreaterThan(0.7);
    expect(arrivals.size / people.length).toBeLessThan(0.98);
    for (const at of arrivals.values()) expect(local(at) >= '06:30' && local(at) <= '08:30', local(at)).toBe(true);
    for (const p of punches) expect(p.sn).toBe(p.direction === 'in' ? 'SN1' : 'SN2');
    const leaving = punches.filter((p) => p.direction === 'out' && local(p.at) >= '15:00');
    for (const p of leaving) expect(local(p.at) >= '17:00' && local(p.at) <= '19:30', local(p.at)).toBe(true);
    expect([...punches].map((p) => p.at)).toEqual(punches.map((p) => p.at).sort());
  });

  test('people not on site that day, people who stopped coming and an offline gate have no punches', () => {
    const subjects = [person(1, { entry_date: '2026-03-03' }), person(2, { exit_date: '2026-03-01' }), person(3), ...people.slice(3, 60)];
    const punches = plannedDay(DAY, subjects, [gate(1, 'in'), gate(2, 'out', { offline: true })], new Set([3]));
    expect(punches.map((p) => p.employment)).not.toContain(1);
    expect(punches.map((p) => p.employment)).not.toContain(2);
    expect(punches.map((p) => p.employment)).not.toContain(3);
    expect(punches.every((p) => p.direction === 'in')).toBe(true);
  });

  test('each punch is recorded as its gate’s protocol writes it', () => {
    const [first] = plannedDay(DAY, people.slice(0, 5), [gate(1, 'in', { protocol: 'hikvision' }), gate(2, 'out', { protocol: 'uniubi' })]);
    expect(JSON.parse(first!.raw)).toMatchObject({ employeeNoString: first!.pin });
  });

  test('received a few seconds after, never in the future', () => {
    expect(receivedAt({ at: '2026-03-01T23:30:00.000Z', employment: 3 }, '2026-03-02T02:00:00.000Z')).toBe('2026-03-01T23:30:05.000Z');
    expect(receivedAt({ at: '2026-03-02T01:59:59.000Z', employment: 3 }, '2026-03-02T02:00:00.000Z')).toBe('2026-03-02T02:00:00.000Z');
  });
});
