/**
 * Money and quantities as integers, so no sum or product ever meets a binary-float artefact:
 * amounts in fen (分, 1/100 元), hours and entered units in hundredths. Values arrive from the
 * database as numbers (SQLite) or decimal strings (PostgreSQL), both with at most 2 decimals.
 */

/** A stored 2-decimal value (元, hours, units) as an integer count of hundredths; null stays null. */
export function toCents(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  // A 2-decimal value times 100 is within 1e-6 of an integer well below 2^53 / 100: rounding is exact.
  return Math.round(Number(value) * 100);
}

/** An integer count of hundredths back to the 2-decimal number a decimal column stores (12345 → 123.45). */
export function fromCents(cents: number): number {
  return cents / 100;
}

/**
 * a × b ÷ d rounded half up (四舍五入) on non-negative integers, exact while a × b < 2^52:
 * the one rounding step of every wage formula.
 */
export function mulDivHalfUp(a: number, b: number, d: number): number {
  if (d <= 0) throw new RangeError('mulDivHalfUp: divisor must be positive');
  return Math.floor((2 * a * b + d) / (2 * d));
}

/** '1234.5' style display of fen: 123450 → '1234.50'. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
