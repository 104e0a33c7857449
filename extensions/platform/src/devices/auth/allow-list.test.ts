import { describe, expect, test } from 'vitest';
import { parseAllowList } from './allow-list';

describe('parseAllowList', () => {
  test('addresses and ranges, one per line or separated by commas', () => {
    const { list, problems } = parseAllowList('223.85.10.4\n10.0.0.0/8 , 2001:db8::/32；192.168.1.7');
    expect(problems).toEqual([]);
    expect(list?.entries).toEqual(['223.85.10.4', '10.0.0.0/8', '2001:db8::/32', '192.168.1.7']);
    for (const ip of ['223.85.10.4', '10.200.1.1', '2001:db8::1', '192.168.1.7']) expect(list?.allows(ip)).toBe(true);
    for (const ip of ['223.85.10.5', '11.0.0.1', '2001:db9::1', null, '', 'not-an-ip']) expect(list?.allows(ip)).toBe(false);
  });

  test('empty text restricts nothing', () => {
    expect(parseAllowList('')).toEqual({ list: null, problems: [] });
    expect(parseAllowList(null)).toEqual({ list: null, problems: [] });
    expect(parseAllowList(' \n ')).toEqual({ list: null, problems: [] });
  });

  test.each(['223.85.10', '10.0.0.0/33', '2001:db8::/129', 'example.com', '1.2.3.4/8/9', '1.2.3.4/x'])('refuses %s', (entry) => {
    const { problems } = parseAllowList(`10.0.0.1\n${entry}`);
    expect(problems).toEqual([entry]);
  });
});
