import { accountToEmail } from '../../../../schema/rules/account';
import { writeAudit } from '../audit/write-audit';
import { dbNow } from '../db/values';
import { createService, type DirectusApi } from '../directus';
import { newInitialPassword } from './numbers';

/**
 * Sets and returns the project account's initial password the first time the applicant checks an
 * approved declaration; later checks get null. Only the hash is stored (Directus's own hashing).
 */
export async function issueInitialPassword(api: DirectusApi, project: { id: number; code: string }): Promise<string | null> {
  return api.database.transaction(async (trx) => {
    // The conditional update makes the issue happen once even when two checks race.
    const claimed = await trx('projects').where({ id: project.id }).whereNull('initial_password_issued_at').update({ initial_password_issued_at: dbNow(trx) });
    if (claimed !== 1) return null;
    const user = await trx('directus_users').where({ email: accountToEmail(project.code) }).first('id');
    if (!user) return null;
    const password = newInitialPassword();
    const users = await createService(api, 'UsersService', trx);
    await users.updateOne(user.id, { password, must_change_password: true });
    await writeAudit(trx, { actor: null, actorKind: 'public', project: project.id, action: 'account.initial_password_issued', collection: 'directus_users', item: user.id });
    return password;
  });
}
