/**
 * `npm start`: the embedded platform on SQLite with the demo city.
 * Builds the extension and the H5, prepares the database (bootstrap → provision → seed, each
 * idempotent, so a second start keeps all data and applies nothing twice), serves the studio at
 * /admin and the H5 at /h5/ from one Directus server, and keeps the demo city alive: today's punches
 * up to now, then demo terminals posting through the real device protocols while it runs
 * (PLATFORM_DEMO_TERMINALS=off leaves them off; they never run without the demo city).
 * Set DB_CLIENT and friends (or a .env file) to run against another database.
 */
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { DEMO_LOGINS } from '../seeds/demo-logins.ts';
import { ROOT } from './lib/directus.ts';
import { runPlatform } from './lib/run-platform.ts';

const port = Number(process.env['PORT'] ?? 8055);
const demoOn = process.env['PLATFORM_DEMO_TERMINALS'] !== 'off';

execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
const platform = await runPlatform({
  dataDir: join(ROOT, 'data'),
  port,
  seed: 'full',
  env: { LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'info' },
  demo: demoOn ? {} : false,
  log: (line) => console.log(line),
});

const url = `http://localhost:${port}`;
const demoLine = platform.demo
  ? '  Demo terminals:    posting punches through ZKTeco, Uniubi and Hikvision every 5 s (PLATFORM_DEMO_TERMINALS=off to stop them)'
  : platform.demoError
    ? '  Demo terminals:    not started (see the message above)'
    : demoOn
    ? '  Demo terminals:    off (no demo city in this database)'
    : '  Demo terminals:    off (PLATFORM_DEMO_TERMINALS=off)';
console.log(`
建筑工人实名制管理平台 is running
  Studio (bureau):   ${url}/admin
  H5 (project staff): ${url}/h5/
  Administrator:     ${platform.env['ADMIN_EMAIL']} / ${platform.env['ADMIN_PASSWORD']}
  Bureau staff:      ${DEMO_LOGINS.bureau.email} / ${DEMO_LOGINS.bureau.password}
${DEMO_LOGINS.projects.map((p) => `  Project ${p.projectName}: account ${p.account} / ${p.password}`).join('\n')}
${demoLine}
Press Ctrl+C to stop.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // Stop the terminals first (when running), then the server; the script exits with it.
    void (platform.demo?.stop() ?? Promise.resolve()).finally(() => platform.server.kill(signal));
  });
}
platform.server.on('exit', (code) => process.exit(code ?? 0));
