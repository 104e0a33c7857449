/**
 * Project-staff accounts: the account a project logs in with is its project code; Directus logs
 * users in by e-mail, so the account maps to an address in a reserved domain.
 */
// Never mailed; a reserved documentation domain that Directus's e-mail validation accepts.
export const PROJECT_ACCOUNT_DOMAIN = 'project.example.com';

/** The Directus login e-mail for an account (an e-mail stays as it is). */
export function accountToEmail(account: string): string {
  const trimmed = account.trim();
  return trimmed.includes('@') ? trimmed.toLowerCase() : `${trimmed.toLowerCase()}@${PROJECT_ACCOUNT_DOMAIN}`;
}

/** Project code: `GY` + the six-digit region code + a four-digit sequence within that region. */
export function projectCode(regionCode: string, sequence: number): string {
  return `GY${regionCode}${String(sequence).padStart(4, '0')}`;
}
