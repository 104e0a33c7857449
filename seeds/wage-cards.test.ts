import { describe, expect, test } from 'vitest';
import { validateBankAccount } from '../schema/rules';
import { generateDemoCity } from './demo-city';

describe('wage cards of the demo city', () => {
  const city = generateDemoCity({ today: '2026-04-15', small: true });

  test('every person has a unique, Luhn-valid card at the payroll bank of their first project, on each of their employments', () => {
    const cards = city.people.map((person) => city.employments.find((item) => item.person === person.id)?.bank_card_no ?? null);
    expect(cards.every((card) => card !== null)).toBe(true);
    expect(new Set(cards).size).toBe(cards.length);
    for (const person of city.people) {
      const [first, ...later] = city.employments.filter((item) => item.person === person.id);
      const result = validateBankAccount(first?.bank_card_no ?? '');
      expect(result.ok && result.luhn, first?.bank_card_no ?? '').toBe(true);
      expect(first?.bank_name).toBe(city.projects.find((project) => project.id === first?.project)?.payroll_bank);
      for (const employment of later) expect(employment).toMatchObject({ bank_card_no: first?.bank_card_no, bank_name: first?.bank_name });
    }
  });
});
