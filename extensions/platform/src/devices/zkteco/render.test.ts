import { describe, expect, test } from 'vitest';
import { renderBiophoto, renderCommandLines, renderDeleteUser, renderOptions, renderUserInfo } from './render';
import { nextStamp } from './stamp';

describe('renderOptions', () => {
  test('starts with the serial and hands back the stamps', () => {
    const lines = renderOptions({ sn: 'CJDE20230417', attlogStamp: '1200', operlogStamp: null }).split('\n');
    expect(lines[0]).toBe('GET OPTION FROM: CJDE20230417');
    expect(lines).toContain('ATTLOGStamp=1200');
    expect(lines).toContain('OPERLOGStamp=None');
    expect(lines).toContain('TimeZone=8');
    expect(lines).toContain('Realtime=1');
    expect(lines.some((line) => line.startsWith('TransFlag='))).toBe(true);
    expect(lines.some((line) => /^Delay=\d+$/.test(line))).toBe(true);
    expect(lines.some((line) => /^ErrorDelay=\d+$/.test(line))).toBe(true);
  });
});

describe('commands', () => {
  test('USERINFO carries PIN, name and card, tab-separated', () => {
    expect(renderUserInfo({ pin: '1001', name: '张三', card_no: '105555' })).toBe('DATA UPDATE USERINFO PIN=1001\tName=张三\tPri=0\tCard=105555');
    expect(renderUserInfo({ pin: '1002', name: '李四', card_no: null })).toBe('DATA UPDATE USERINFO PIN=1002\tName=李四\tPri=0\tCard=');
  });

  test('a name cannot break the line format', () => {
    expect(renderUserInfo({ pin: '1003', name: '王\t五\nCard=999' })).toBe('DATA UPDATE USERINFO PIN=1003\tName=王 五 Card=999\tPri=0\tCard=');
  });

  test('BIOPHOTO sends the JPEG as base64 with its length', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0xff, 0xd9]);
    const content = jpeg.toString('base64');
    expect(renderBiophoto('1001', jpeg)).toBe(`DATA UPDATE BIOPHOTO PIN=1001\tType=9\tSize=${content.length}\tContent=${content}\tFormat=0`);
  });

  test('delete and the C:<id>: lines', () => {
    expect(renderDeleteUser('1001')).toBe('DATA DELETE USERINFO PIN=1001');
    expect(renderCommandLines([])).toBe('OK');
    expect(renderCommandLines([{ id: 7, command: 'DATA DELETE USERINFO PIN=1' }, { id: 9, command: 'DATA DELETE USERINFO PIN=2' }])).toBe(
      'C:7:DATA DELETE USERINFO PIN=1\nC:9:DATA DELETE USERINFO PIN=2\n',
    );
  });
});

describe('nextStamp', () => {
  test.each([
    [null, '100', '100'],
    ['100', '250', '250'],
    ['250', '100', '250'],
    ['250', '250', '250'],
    ['250', undefined, '250'],
    ['250', 'abc', '250'],
    [null, '', null],
    ['x', '5', '5'],
    ['9', '0010', '10'],
  ])('from %j with %j keeps %j', (current, incoming, expected) => {
    expect(nextStamp(current, incoming)).toBe(expected);
  });
});
