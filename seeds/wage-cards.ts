/**
 * 工资卡: each person's own bank card for the monthly wage transfer (银行代发). Workers usually open
 * it at the payroll bank of the project they first joined, so the card's bank is that project's
 * `payroll_bank` and its number a 19-digit Luhn-valid debit card with that bank's card prefix.
 * A separate random fork, so adding cards changes no other generated value. The card is what the
 * projects recorded, so it sits on the person's employments.
 */
import { passesLuhn } from '../schema/rules';
import type { ProjectPlan } from './context';
import type { Rng } from './random';
import type { EmploymentRow, PersonRow } from './rows';

/** Debit-card prefixes (BIN) of the demo payroll banks. */
const CARD_PREFIX: Readonly<Record<string, string>> = {
  中国农业银行: '622848',
  中国建设银行: '621700',
  中国邮政储蓄银行: '621799',
};

/** A 19-digit card number with `prefix` whose last digit makes it pass the Luhn check. */
export function makeCardNumber(rng: Rng, prefix: string): string {
  let body = prefix;
  while (body.length < 18) body += String(rng.int(0, 9));
  for (let check = 0; check <= 9; check += 1) if (passesLuhn(`${body}${check}`)) return `${body}${check}`;
  throw new Error('unreachable: one check digit always passes');
}

/**
 * Gives every person a wage card at the payroll bank of their first project, recorded (in place) on
 * each of their employments: a worker who moves keeps the card and tells each project the same one.
 */
export function assignWageCards(rng: Rng, people: readonly PersonRow[], employments: EmploymentRow[], projects: readonly ProjectPlan[]): void {
  const used = new Set<string>();
  for (const person of people) {
    const own = employments.filter((item) => item.person === person.id);
    const bank = projects.find((project) => project.row.id === own[0]?.project)?.row.payroll_bank;
    if (!bank) continue;
    const prefix = Object.entries(CARD_PREFIX).find(([name]) => bank.startsWith(name))?.[1] ?? '622202';
    let card = makeCardNumber(rng, prefix);
    while (used.has(card)) card = makeCardNumber(rng, prefix);
    used.add(card);
    for (const employment of own) {
      employment.bank_card_no = card;
      employment.bank_name = bank;
    }
  }
}
