import { expect, test } from 'vitest';
import { hashToken, isTokenShaped, tokenHint } from './token';

test('the stored value is the SHA-256 of the token, never the token', () => {
  // NIST's SHA-256 example ("abc").
  expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  expect(hashToken('Zk3pQ9vX2mW7rT5yL8nB4cF6hJ1dS0aE')).not.toContain('Zk3pQ9vX');
});

test.each([
  ['a Directus random string', 'Zk3pQ9vX2mW7rT5yL8nB4cF6hJ1dS0aE', true],
  ['too short', 'abc123', false],
  ['with a space', 'Zk3pQ9vX2mW7rT5yL8nB 4cF6hJ1dS0aE', false],
  ['with Chinese', 'Zk3pQ9vX2mW7rT5yL8nB4cF6hJ1dS0a令', false],
])('%s', (_label, value, ok) => {
  expect(isTokenShaped(value)).toBe(ok);
});

test('the hint shows the last four characters only', () => {
  expect(tokenHint('Zk3pQ9vX2mW7rT5yL8nB4cF6hJ1dS0aE')).toBe('…S0aE');
});
