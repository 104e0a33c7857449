/**
 * The demo city's logins: one bureau account and one account per approved project, whose
 * account name is the project code (its Directus e-mail is `accountToEmail(account)`). The
 * passwords are defined here and nowhere else; the seeder creates the users with them and
 * `npm start` prints them.
 */
// Explicit extension: scripts/start.ts loads this file with Node's own type stripping, which
// resolves only full file names. catalogue.ts has type-only imports, so it loads the same way.
import { PROJECTS, projectCode } from './catalogue.ts';

export interface DemoLogins {
  bureau: { email: string; password: string };
  projects: { account: string; password: string; projectName: string }[];
}

const BUREAU_PASSWORD = 'Bureau@2026';
const PROJECT_PASSWORD = 'Demo@2026';

export const DEMO_LOGINS: DemoLogins = {
  bureau: { email: 'bureau@gyzjj.gov.cn', password: BUREAU_PASSWORD },
  projects: PROJECTS.flatMap((spec) => {
    const code = projectCode(spec);
    return spec.status === 'approved' && code !== null
      ? [{ account: code, password: PROJECT_PASSWORD, projectName: spec.name }]
      : [];
  }),
};

