import knexFactory from 'knex';
import { afterAll, describe, expect, test } from 'vitest';
import { eventRow, foldTallies, shanghaiDay } from './event-rows';

const db = knexFactory({ client: 'pg' });
afterAll(() => db.destroy());
const device = { id: 7, sn: 'DS-K1T671M0001', project: 3 };
const now = new Date('2026-12-05T17:30:00Z');

describe('eventRow', () => {
  test('a kept event: its key makes a resend the same row', () => {
    const row = eventRow(db, device, { kind: 'refused', occurredAt: new Date('2026-12-05T01:02:03Z'), pin: '3001', detail: '人脸认证失败：3001', raw: '{}', key: '#1842', tally: false }, now, '203.0.113.10');
    expect(row).toMatchObject({ kind: 'refused', device: 7, sn: device.sn, project: 3, count: 1, pin: '3001', source_ip: '203.0.113.10', dedup_key: 'DS-K1T671M0001|refused|#1842' });
    expect(row['occurred_at']).toBe('2026-12-05T01:02:03.000Z');
  });

  test('a counted event is one row per Shanghai day', () => {
    const draft = { kind: 'door', occurredAt: null, pin: null, detail: '门禁事件 0x19', raw: null, key: '5/25', tally: true } as const;
    expect(eventRow(db, device, draft, now, null)['dedup_key']).toBe('DS-K1T671M0001|door|5/25|2026-12-06');
    expect(shanghaiDay(new Date('2026-12-05T15:59:59Z'))).toBe('2026-12-05');
    // No readable device time: the row says when it arrived.
    expect(eventRow(db, device, draft, now, null)['occurred_at']).toBe(now.toISOString());
  });

  test('foldTallies sums rows of one key, keeping the latest time', () => {
    const row = (count: number, last: string) => ({ dedup_key: 'k', count, last_at: last });
    expect(foldTallies([row(1, 'a'), { dedup_key: 'j', count: 1, last_at: 'x' }, row(3, 'b')])).toEqual([{ dedup_key: 'k', count: 4, last_at: 'b' }, { dedup_key: 'j', count: 1, last_at: 'x' }]);
  });
});
