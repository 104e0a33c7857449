import { expect, test } from 'vitest';
import { normaliseApiUrl } from './api-url';

test.each([
  ['http://192.168.1.64', 'http://192.168.1.64'],
  ['  http://10.8.0.12:8090/ ', 'http://10.8.0.12:8090'],
  ['https://gate-1.site.local:443/', 'https://gate-1.site.local'],
  ['http://10.0.0.5/isapi-proxy/', 'http://10.0.0.5/isapi-proxy'],
])('%s is stored as %s', (input, stored) => {
  expect(normaliseApiUrl(input)).toBe(stored);
});

test.each([['192.168.1.64'], ['ftp://192.168.1.64'], ['http://admin:12345@192.168.1.64'], ['http://192.168.1.64/?pass=1'], ['javascript:alert(1)'], ['']])('refuses %s', (input) => {
  expect(() => normaliseApiUrl(input)).toThrow(/终端接口地址格式不正确/);
});
