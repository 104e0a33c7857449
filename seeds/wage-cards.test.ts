import { describe, expect, test } from 'vitest';
import { validateBankAccount } from '../schema/rules';
import { generateDemoCity } from './demo-city';

describe('wage cards of the demo city', () => {
  const city = generateDemoCity({ today: '2026-04-15', small: true });

  test('every person has a unique, Luhn-valid card at the payroll bank of their first project', () => {
    const cards = city.people.map((person) => person.bank_card_no);
    expect(cards.every((card) => card !== null)).toBe(true);
    expect(new Set(cards).size).toBe(cards.length);
    for (const person of city.people) {
      const result = validateBankAccount(person.bank_card_no ?? '');
      expect(result.ok && result.luhn, person.bank_card_no ?? '').toBe(true);
      const first = city.employments.find((item) => item.person === person.id);
      expect(person.bank_name).toBe(city.projects.find((project) => project.id === first?.project)?.payroll_bank);
    }
  });
});
