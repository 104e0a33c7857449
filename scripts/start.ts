/**
 * `npm start`: the embedded platform on SQLite with the demo city.
 * Builds the extension and the H5, prepares the database (bootstrap → provision → seed, each
 * idempotent, so a second start keeps all data and applies nothing twice), then serves the studio
 * at /admin and the H5 at /h5/ from one Directus server.
 * Set DB_CLIENT and friends (or a .env file) to run against another database.
 */
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { DEMO_LOGINS } from '../seeds/demo-logins.ts';
import { embeddedEnv, prepareDatabase, ROOT, startServer } from './lib/directus.ts';

const port = Number(process.env['PORT'] ?? 8055);
const env = embeddedEnv(join(ROOT, 'data'), port, { LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'info' });

execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
await prepareDatabase(env, 'full');
const server = await startServer(env);

const url = `http://localhost:${port}`;
console.log(`
建筑工人实名制管理平台 is running
  Studio (bureau):   ${url}/admin
  H5 (project staff): ${url}/h5/
  Administrator:     ${env['ADMIN_EMAIL']} / ${env['ADMIN_PASSWORD']}
  Bureau staff:      ${DEMO_LOGINS.bureau.email} / ${DEMO_LOGINS.bureau.password}
${DEMO_LOGINS.projects.map((p) => `  Project ${p.projectName}: account ${p.account} / ${p.password}`).join('\n')}
Press Ctrl+C to stop.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
