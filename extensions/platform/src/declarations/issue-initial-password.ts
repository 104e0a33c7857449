import type { Knex } from 'knex';
import { accountToEmail } from '../../../../schema/rules/account';
import { writeAudit } from '../audit/write-audit';
import { newInitialPassword } from './numbers';

interface Services {
  services: Record<string, new (options: Record<string, unknown>) => any>;
  getSchema: () => Promise<any>;
}

/**
 * Sets and returns the project account's initial password the first time the applicant checks an
 * approved declaration; later checks get null. Only the hash is stored (Directus's own hashing).
 */
export async function issueInitialPassword(database: Knex, { services, getSchema }: Services, project: { id: number; code: string }): Promise<string | null> {
  return database.transaction(async (trx) => {
    // The conditional update makes the issue happen once even when two checks race.
    const claimed = await trx('projects').where({ id: project.id }).whereNull('initial_password_issued_at').update({ initial_password_issued_at: new Date().toISOString() });
    if (claimed !== 1) return null;
    const user = await trx('directus_users').where({ email: accountToEmail(project.code) }).first('id');
    if (!user) return null;
    const password = newInitialPassword();
    const users = new services['UsersService']!({ schema: await getSchema(), knex: trx, accountability: null });
    await users.updateOne(user.id, { password, must_change_password: true });
    await writeAudit(trx, { actor: null, actorKind: 'public', project: project.id, action: 'account.initial_password_issued', collection: 'directus_users', item: user.id });
    return password;
  });
}
