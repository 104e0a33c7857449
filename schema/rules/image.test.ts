import { describe, expect, test } from 'vitest';
import { sniffImageType } from './image';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);

describe('sniffImageType', () => {
  test.each([
    ['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
    ['a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d), 'image/png'],
    ['a WebP', new Uint8Array([...text('RIFF'), 0x24, 0, 0, 0, ...text('WEBP')]), 'image/webp'],
    ['a PDF', text('%PDF-1.7 xxxx'), null],
    ['a HEIC photo', new Uint8Array([0, 0, 0, 0x18, ...text('ftypheic')]), null],
    ['a RIFF that is a WAV', new Uint8Array([...text('RIFF'), 0x24, 0, 0, 0, ...text('WAVE')]), null],
    ['two bytes of a JPEG', bytes(0xff, 0xd8), null],
    ['nothing', bytes(), null],
  ])('%s → %s', (_case, input, expected) => {
    expect(sniffImageType(input)).toBe(expected);
  });
});
