import { describe, expect, test } from 'vitest';
import { findIdNumber, repairDigits } from './lookalikes';

describe('findIdNumber', () => {
  test.each([
    ['510802198808175018', '510802198808175018', 0],
    ['公民身份号码510802198808175018', '510802198808175018', 0],
    ['51O8O2198808175018', '510802198808175018', 2], // O read for 0
    ['5lO802l98808175Ol8', '510802198808175018', 5], // l for 1, O for 0
    ['51082419820211696X', '51082419820211696X', 0],
    ['51082419820211696x', '51082419820211696X', 0],
    ['51082419820211696×', '51082419820211696X', 1],
    ['51082419820211696乂', '51082419820211696X', 1], // X read as a CJK glyph of its shape
    ['51082419820211696刘', '51082419820211696X', 1],
    ['５１０８０２１９８８０８１７５０１８', '510802198808175018', 0], // full-width digits
  ])('%s → %s (%i repairs)', (text, number, repairs) => {
    expect(findIdNumber(text)).toMatchObject({ text: number, repairs });
  });

  test.each([
    ['51080219880817501'], // 17 characters
    ['5108021988081750188'], // 19 digits
    ['谢建宇'],
    [''],
  ])('no number in %s', (text) => {
    expect(findIdNumber(text)).toBeNull();
  });

  test('reports where the number starts', () => {
    expect(findIdNumber('号码510802198808175018')?.index).toBe(2);
  });
});

describe('repairDigits', () => {
  test.each([
    ['l988年8月I7日', '1988年8月17日', 2],
    ['2O16.O3.05', '2016.03.05', 2],
    ['1988年8月17日', '1988年8月17日', 0],
  ])('%s → %s', (text, fixed, repairs) => {
    expect(repairDigits(text)).toEqual({ text: fixed, repairs });
  });
});
