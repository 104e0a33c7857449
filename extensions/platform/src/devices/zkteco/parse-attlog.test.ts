import { describe, expect, test } from 'vitest';
import { directionOfStatus, parseAttlog } from './parse-attlog';

describe('parseAttlog', () => {
  test.each([
    ['a full record', '1001\t2026-03-02 07:31:05\t0\t15\t0\t0\t0', { pin: '1001', at: '2026-03-01T23:31:05.000Z', status: 0, verify: '15' }],
    ['check-out by card', '1002\t2026-03-02 18:02:00\t1\t3\t0\t0\t0', { pin: '1002', at: '2026-03-02T10:02:00.000Z', status: 1, verify: '3' }],
    ['only PIN and time', 'A-7\t2026-03-02 07:00:00', { pin: 'A-7', at: '2026-03-01T23:00:00.000Z', status: null, verify: null }],
    ['padded fields', ' 1003 \t 2026-03-02 07:00:00 \t 0 \t 01 ', { pin: '1003', at: '2026-03-01T23:00:00.000Z', status: 0, verify: '1' }],
    ['CRLF line ending', '1004\t2026-03-02 00:00:00\t0\t1\r', { pin: '1004', at: '2026-03-01T16:00:00.000Z', status: 0, verify: '1' }],
  ])('reads %s', (_label, line, expected) => {
    const { records, problems } = parseAttlog(line);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect({ pin: record?.pin, at: record?.punchedAt.toISOString(), status: record?.status, verify: record?.verify }).toEqual(expected);
    expect(record?.raw).toBe(line.replace(/\r$/, ''));
  });

  test.each([
    ['no tab', '1001 2026-03-02 07:31:05 0 15', '字段不足'],
    ['empty PIN', '\t2026-03-02 07:31:05\t0\t15', '工号'],
    ['PIN with spaces', '10 01\t2026-03-02 07:31:05\t0\t15', '工号'],
    ['PIN too long', `${'9'.repeat(25)}\t2026-03-02 07:31:05\t0\t15`, '工号'],
    ['not a date', '1001\tyesterday\t0\t15', '打卡时间'],
    ['impossible date', '1001\t2026-02-30 07:31:05\t0\t15', '打卡时间'],
    ['hour 24', '1001\t2026-03-02 24:00:00\t0\t15', '打卡时间'],
    ['ISO with zone', '1001\t2026-03-02T07:31:05Z\t0\t15', '打卡时间'],
    ['status not a number', '1001\t2026-03-02 07:31:05\tin\t15', '状态码'],
    ['verify not a number', '1001\t2026-03-02 07:31:05\t0\tface', '验证方式'],
    ['binary garbage', '\u0000\u0001\u0002\t\u00ff', '工号'],
    ['a line too long', `1001\t2026-03-02 07:31:05\t0\t15\t${'x'.repeat(600)}`, '过长'],
  ])('refuses %s', (_label, line, reason) => {
    const { records, problems } = parseAttlog(line);
    expect(records).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.reason).toContain(reason);
    expect(problems[0]?.line).toBe(1);
  });

  test('keeps the good lines of a mixed batch and numbers the bad ones', () => {
    const body = ['1001\t2026-03-02 07:31:05\t0\t15', '', 'garbage', '1002\t2026-03-02 07:32:00\t0\t15', '1003\t2026-13-01 07:00:00\t0\t1', ''].join('\n');
    const { records, problems } = parseAttlog(body);
    expect(records.map((r) => r.pin)).toEqual(['1001', '1002']);
    expect(problems.map((p) => p.line)).toEqual([3, 5]);
  });

  test('an empty body has neither records nor problems', () => {
    expect(parseAttlog('\n\r\n  \n')).toEqual({ records: [], problems: [] });
  });
});

describe('directionOfStatus', () => {
  test.each([
    [0, 'in'],
    [1, 'out'],
    [2, 'out'],
    [3, 'in'],
    [4, 'in'],
    [5, 'out'],
    [255, null],
    [null, null],
  ])('status %j is %j', (status, direction) => {
    expect(directionOfStatus(status)).toBe(direction);
  });
});
