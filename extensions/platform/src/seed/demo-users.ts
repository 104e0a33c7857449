import type { Knex } from 'knex';
import { ROLE_IDS } from '../../../../schema/access/roles';
import { accountToEmail } from '../../../../schema/rules/account';
import { PROJECTS } from '../../../../seeds/catalogue';
import { DEMO_LOGINS } from '../../../../seeds/demo-logins';
import { createService, type DirectusApi } from '../directus';

interface DemoUser {
  email: string;
  password: string;
  first_name: string;
  role: string;
  project: number | null;
}

/** The demo logins as Directus users, with the ids their projects have in this database. */
async function demoUsers(trx: Knex): Promise<DemoUser[]> {
  const users: DemoUser[] = [
    {
      email: DEMO_LOGINS.bureau.email,
      password: DEMO_LOGINS.bureau.password,
      first_name: '住建局演示账号',
      role: ROLE_IDS.bureau,
      project: null,
    },
  ];
  for (const login of DEMO_LOGINS.projects) {
    const project = await trx('projects').where({ code: login.account }).first('id');
    if (!project) throw new Error(`Demo project ${login.account} is missing`);
    users.push({
      email: accountToEmail(login.account),
      password: login.password,
      first_name: login.projectName.slice(0, 50),
      role: ROLE_IDS.projectStaff,
      project: Number(project.id),
    });
  }
  return users;
}

/**
 * Creates the demo users that do not exist yet, through UsersService so passwords are hashed
 * the Directus way. Returns the bureau user's id.
 */
export async function ensureDemoUsers(api: DirectusApi, trx: Knex): Promise<string> {
  let bureauId: string | undefined;
  for (const user of await demoUsers(trx)) {
    const existing = await trx('directus_users').where({ email: user.email }).first('id');
    const id = existing
      ? String(existing.id)
      : String(
          await (await createService(api, 'UsersService', trx)).createOne({
            ...user,
            status: 'active',
            // The demo accounts have published passwords; nothing is gained by forcing a change.
            must_change_password: false,
          }),
        );
    if (user.role === ROLE_IDS.bureau) bureauId = id;
  }
  if (!bureauId) throw new Error('The demo bureau user was not created');
  return bureauId;
}

/** The demo projects' application numbers: fixed, so a second seed can tell the city is there. */
export const DEMO_APPLICATION_NOS: readonly string[] = PROJECTS.map((spec) => spec.applicationNo);
