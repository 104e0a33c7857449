import { labelOf, MANAGEMENT_POSTS, TRADES, type EmploymentRole } from './schema';

/** The name of an employment's trade: a national trade for workers, a post for managers. */
export function tradeLabel(role: EmploymentRole | string, trade: string | null | undefined): string {
  if (!trade) return '';
  return (role === 'manager' ? labelOf(MANAGEMENT_POSTS, trade) : labelOf(TRADES, trade)) ?? trade;
}
