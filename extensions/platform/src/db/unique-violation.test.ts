import { describe, expect, test } from 'vitest';
import { ConcurrentWriteError, isUniqueViolation, retryOnUniqueViolation } from './unique-violation';

describe('isUniqueViolation', () => {
  test('PostgreSQL 23505, SQLite UNIQUE constraints and a race a helper already recognised', () => {
    expect(isUniqueViolation(Object.assign(new Error('duplicate key value violates unique constraint "teams_project_name_unique"'), { code: '23505' }))).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error('SQLITE_CONSTRAINT: UNIQUE constraint failed: teams.project, teams.name'), { code: 'SQLITE_CONSTRAINT' }))).toBe(true);
    expect(isUniqueViolation(new ConcurrentWriteError('team created concurrently'))).toBe(true);
  });

  test('other constraint failures and plain errors are not', () => {
    expect(isUniqueViolation(Object.assign(new Error('SQLITE_CONSTRAINT: FOREIGN KEY constraint failed'), { code: 'SQLITE_CONSTRAINT' }))).toBe(false);
    expect(isUniqueViolation(Object.assign(new Error('null value in column "name"'), { code: '23502' }))).toBe(false);
    expect(isUniqueViolation(new Error('boom'))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});

test('retryOnUniqueViolation runs the work again after a recognised race, then gives up with the caller’s error', async () => {
  let calls = 0;
  await expect(retryOnUniqueViolation(async () => (++calls < 2 ? Promise.reject(new ConcurrentWriteError('race')) : 'saved'), 3, () => new Error('gave up'))).resolves.toBe('saved');
  expect(calls).toBe(2);
  await expect(retryOnUniqueViolation(() => Promise.reject(new ConcurrentWriteError('race')), 2, () => new Error('gave up'))).rejects.toThrow('gave up');
});
