/**
 * Whether a database error is a unique-constraint violation (SQLite `SQLITE_CONSTRAINT` … UNIQUE,
 * PostgreSQL 23505). Checks that race a concurrent writer fall back on the index; this turns its
 * refusal into the same 409 the check gives.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof ConcurrentWriteError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code === '23505') return true;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT') && /UNIQUE/i.test(String(message ?? ''));
}

/**
 * A concurrent writer took a unique value first, already turned into a domain error by a helper (e.g.
 * `createTeam`'s TEAM_NAME_TAKEN) where the caller knows it can only be a race: thrown again as this,
 * `retryOnUniqueViolation` runs the whole transaction anew.
 */
export class ConcurrentWriteError extends Error {}

/**
 * Runs `work` (a whole transaction) again when a concurrent writer took a unique value first (a device
 * pin, a new person's ID number, a post): the checks inside the transaction turn most races into their
 * own 4xx on the next attempt; after `attempts` tries `exhausted()` is thrown.
 * @example await retryOnUniqueViolation(() => db.transaction(save), 3, () => conflict('REGISTRATION_RACE', '…'));
 */
export async function retryOnUniqueViolation<T>(work: () => Promise<T>, attempts: number, exhausted: () => Error): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (attempt >= attempts) throw exhausted();
    }
  }
}
