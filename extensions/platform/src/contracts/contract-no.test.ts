import { describe, expect, test } from 'vitest';
import { isUniqueViolation } from '../db/unique-violation';
import { formatContractNo } from './contract-no';

describe('contract numbers', () => {
  test.each([
    [1, 'HTGY51080200010001'],
    [17, 'HTGY51080200010017'],
    [9999, 'HTGY51080200019999'],
    [10000, 'HTGY510802000110000'],
  ])('sequence %i of project GY5108020001 is %s (the demo city’s numbering)', (seq, expected) => {
    expect(formatContractNo('GY5108020001', seq)).toBe(expected);
  });
});

describe('isUniqueViolation', () => {
  test.each([
    [{ code: 'SQLITE_CONSTRAINT', message: 'SQLITE_CONSTRAINT: UNIQUE constraint failed: contracts.contract_no' }, true],
    [{ code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: employments.project, employments.card_no' }, true],
    [{ code: '23505', message: 'duplicate key value violates unique constraint' }, true],
    [{ code: 'SQLITE_CONSTRAINT', message: 'FOREIGN KEY constraint failed' }, false],
    [{ code: '23503', message: 'foreign key violation' }, false],
    [new Error('boom'), false],
    [null, false],
  ])('%o → %s', (error, expected) => {
    expect(isUniqueViolation(error)).toBe(expected);
  });
});
