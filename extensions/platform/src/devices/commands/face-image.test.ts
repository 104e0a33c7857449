import { describe, expect, test } from 'vitest';
import { isWholeJpeg } from './face-image';

describe('isWholeJpeg', () => {
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0xff, 0xd9]);
  test('a JPEG with its start and end markers is whole', () => {
    expect(isWholeJpeg(jpeg)).toBe(true);
  });
  test('an empty read, a cut-off write or another format is not', () => {
    expect(isWholeJpeg(Buffer.alloc(0))).toBe(false);
    expect(isWholeJpeg(jpeg.subarray(0, 6))).toBe(false);
    expect(isWholeJpeg(Buffer.from('89504e470d0a1a0a', 'hex'))).toBe(false);
  });
});
