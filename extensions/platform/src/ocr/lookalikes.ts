/**
 * Characters OCR confuses with digits and with the check character X, and the repairs that are
 * safe where only digits can stand (dates, ID numbers). Each repair lowers the field's confidence.
 */

/** Letters and glyphs read in place of a digit. */
const DIGIT_LOOKALIKES: Readonly<Record<string, string>> = {
  O: '0', o: '0', D: '0', Q: '0', '〇': '0', 'Ｏ': '0',
  I: '1', l: '1', i: '1', '|': '1', '!': '1', L: '1', 'Ⅰ': '1', '丨': '1',
  Z: '2', z: '2',
  S: '5', s: '5',
  G: '6', b: '6',
  T: '7',
  B: '8',
  g: '9', q: '9',
};

/** What the check character X comes out as: letters, the multiplication sign, and CJK glyphs of its shape. */
const X_LOOKALIKES = new Set(['X', 'x', '×', 'Ⅹ', 'Χ', 'χ', 'K', '乂', '㐅', '义', '又', '刈', '刘', 'メ', 'ㄨ']);

const FULLWIDTH_DIGIT = /[０-９]/g;

export interface Repaired {
  text: string;
  /** How many characters were replaced. */
  repairs: number;
}

export interface FoundNumber extends Repaired {
  /** Where the number starts in the searched text (whitespace removed). */
  index: number;
}

/** Full-width digits to ASCII (not counted as repairs: they are the same digit). */
export function asciiDigits(text: string): string {
  return text.replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Replaces digit lookalikes in a run that must be all digits. */
export function repairDigits(text: string): Repaired {
  let repairs = 0;
  const fixed = [...asciiDigits(text)]
    .map((char) => {
      const digit = DIGIT_LOOKALIKES[char];
      if (digit === undefined) return char;
      repairs += 1;
      return digit;
    })
    .join('');
  return { text: fixed, repairs };
}

/** Whether `char` can be a misread digit (or the digit itself). */
export function isDigitLike(char: string): boolean {
  return /[0-9０-９]/.test(char) || DIGIT_LOOKALIKES[char] !== undefined;
}

export function isXLike(char: string): boolean {
  return X_LOOKALIKES.has(char);
}

/** The 18-character ID number in `text` with repairs, or null: 17 digit-likes then a digit-like or X-like. */
export function findIdNumber(text: string): FoundNumber | null {
  const chars = [...text.replace(/\s+/g, '')];
  for (let start = 0; start + 18 <= chars.length; start += 1) {
    const body = chars.slice(start, start + 17);
    const last = chars[start + 17] ?? '';
    if (!body.every(isDigitLike)) continue;
    // Not the tail of a longer run of digits.
    if (start > 0 && /[0-9]/.test(chars[start - 1] ?? '')) continue;
    const next = chars[start + 18];
    if (next !== undefined && /[0-9]/.test(next)) continue;
    const repaired = repairDigits(body.join(''));
    if (/[0-9０-９]/.test(last) || (DIGIT_LOOKALIKES[last] !== undefined && !isXLike(last))) {
      const tail = repairDigits(last);
      return { text: repaired.text + tail.text, repairs: repaired.repairs + tail.repairs, index: start };
    }
    if (isXLike(last)) return { text: `${repaired.text}X`, repairs: repaired.repairs + (last === 'X' || last === 'x' ? 0 : 1), index: start };
  }
  return null;
}
