import { describe, expect, test } from 'vitest';
import { isWeChat, percentOf } from './download';

describe('download helpers', () => {
  test.each([
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN', true],
    ['Mozilla/5.0 (Linux; Android 13; V2227A) AppleWebKit/537.36 Chrome/107.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F37) WeChat/arm64', true],
    ['Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36', false],
  ])('isWeChat(%s) = %s', (ua, expected) => expect(isWeChat(ua)).toBe(expected));

  test.each([
    [0, 100, 0],
    [50, 100, 50],
    [999, 1000, 99],
    [1000, 1000, 100],
    [1200, 1000, 100],
    [10, null, null],
    [10, 0, null],
  ])('percentOf(%i, %s) = %s', (received, total, expected) => expect(percentOf(received, total)).toBe(expected));
});
