import { describe, expect, test } from 'vitest';
import { parseDeviceCmd, platformCommandId } from './parse-devicecmd';
import { summarizeOperlog } from './parse-operlog';

describe('parseDeviceCmd', () => {
  test('reads every result line', () => {
    const body = 'ID=12&Return=0&CMD=DATA\nID=13&Return=-1003&CMD=DATA\r\n\nID=14&Return=0&CMD=DATA UPDATE USERINFO\n';
    expect(parseDeviceCmd(body)).toEqual({
      results: [
        { id: '12', returnCode: '0', cmd: 'DATA' },
        { id: '13', returnCode: '-1003', cmd: 'DATA' },
        { id: '14', returnCode: '0', cmd: 'DATA UPDATE USERINFO' },
      ],
      problems: [],
    });
  });

  test('command ids of up to 16 letters and digits, as the protocol allows and the firmware echoes them', () => {
    // As the PUSH firmware writes them: fprintf("ID=%s&Return=%d&CMD=%s\n", id, ret, cmdName).
    const body = 'ID=info20261205A&Return=0&CMD=INFO\nID=ABCDEFGHIJ123456&Return=-22&CMD=UNKNOWN CMD\n~DeviceName=MB460\n';
    const { results, problems } = parseDeviceCmd(body);
    expect(results).toEqual([
      { id: 'info20261205A', returnCode: '0', cmd: 'INFO' },
      { id: 'ABCDEFGHIJ123456', returnCode: '-22', cmd: 'UNKNOWN CMD' },
    ]);
    expect(problems.map((p) => p.line)).toEqual([3]);
  });

  test('only plain positive integers are ids the platform gave', () => {
    expect(['12', '0', '012', 'A12', '1234567890123456'].map(platformCommandId)).toEqual([12, null, null, null, null]);
  });

  test.each([
    ['no ID', 'Return=0&CMD=DATA', 'ID'],
    ['ID too long', 'ID=ABCDEFGHIJ1234567&Return=0&CMD=DATA', 'ID'],
    ['ID with other characters', 'ID=12-3&Return=0&CMD=DATA', 'ID'],
    ['no Return', 'ID=12&CMD=DATA', 'Return'],
    ['Return not a number', 'ID=12&Return=ok&CMD=DATA', 'Return'],
    ['plain text', 'hello', 'ID'],
  ])('refuses %s', (_label, line, reason) => {
    const { results, problems } = parseDeviceCmd(line);
    expect(results).toEqual([]);
    expect(problems[0]?.reason).toContain(reason);
  });
});

describe('summarizeOperlog', () => {
  test('counts lines per kind and lists user PINs', () => {
    const body = ['OPLOG 4\t0\t2026-03-02 07:00:00\t0\t0\t0\t0', 'USER PIN=1001\tName=张三\tPri=0', 'USER PIN=1002\tName=李四', 'BIOPHOTO PIN=1001\tType=9\tSize=4\tContent=AAAA', 'junk'].join('\n');
    expect(summarizeOperlog(body)).toEqual({ counts: { OPLOG: 1, USER: 2, BIOPHOTO: 1, OTHER: 1 }, lines: 5, userPins: ['1001', '1002'] });
  });
});
