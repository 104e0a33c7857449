/**
 * Whether a database error is a unique-constraint violation (SQLite `SQLITE_CONSTRAINT` … UNIQUE,
 * PostgreSQL 23505). Checks that race a concurrent writer fall back on the index; this turns its
 * refusal into the same 409 the check gives.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code === '23505') return true;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT') && /UNIQUE/i.test(String(message ?? ''));
}
