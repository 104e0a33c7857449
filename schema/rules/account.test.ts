import { describe, expect, test } from 'vitest';
import { accountToEmail, projectCode } from './account';

describe('accountToEmail', () => {
  test.each([
    ['GY5108020001', 'gy5108020001@project.example.com'],
    [' gy5108020001 ', 'gy5108020001@project.example.com'],
    ['Bureau@GYZJJ.gov.cn', 'bureau@gyzjj.gov.cn'],
  ])('%s → %s', (account, email) => expect(accountToEmail(account)).toBe(email));
});

describe('projectCode', () => {
  test('pads the sequence to four digits', () => expect(projectCode('510802', 7)).toBe('GY5108020007'));
});
