import { describe, expect, test } from 'vitest';
import { cacheControlFor, chooseEncoding } from './static-files';

describe('which compressed copy a browser gets', () => {
  test.each([
    ['gzip, deflate, br', ['br', 'gzip'], 'br'],
    ['gzip, deflate, br, zstd', ['br', 'gzip'], 'br'],
    ['gzip, deflate', ['br', 'gzip'], 'gzip'],
    ['br;q=0, gzip', ['br', 'gzip'], 'gzip'],
    ['gzip;q=1.0, br;q=0.5', ['br', 'gzip'], 'gzip'],
    ['identity', ['br', 'gzip'], null],
    ['*', ['br', 'gzip'], 'br'],
    ['*;q=0', ['br', 'gzip'], null],
    ['gzip, br', ['gzip'], 'gzip'],
    ['gzip, br', [], null],
    [undefined, ['br', 'gzip'], null],
    ['GZIP', ['gzip'], 'gzip'],
  ] as const)('Accept-Encoding %j with copies %j → %s', (accept, available, expected) => expect(chooseEncoding(accept, available)).toBe(expected));
});

describe('how long a file may be cached', () => {
  test.each([
    ['assets/index-DyK3a1.js', 'public, max-age=31536000, immutable'],
    ['assets/vant-icon-B0a2.woff2', 'public, max-age=31536000, immutable'],
    ['index.html', 'no-cache'],
    ['favicon.ico', 'no-cache'],
  ])('%s: %s', (path, expected) => expect(cacheControlFor(path)).toBe(expected));
});
