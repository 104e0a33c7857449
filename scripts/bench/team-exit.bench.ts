/**
 * 班组退场 of 200 people: the full demo city on a fresh SQLite platform; 200 of the main project's
 * people on site are moved into a new team, then `POST /platform/teams/:id/exit` is timed end to
 * end (HTTP, one transaction: status update, device removals for every gate, 200 audit rows).
 * Goal: ≤ 1 s for 200 people.
 */
import knex from 'knex';
import { accountToEmail } from '../../schema/rules/account.ts';
import { DEMO_LOGINS } from '../../seeds/demo-logins.ts';
import { bootPlatform } from '../lib/platform.ts';

export const name = 'team exit (班组退场) of 200 people (SQLite, full demo city)';

const TEAM_SIZE = 200;
const ROUNDS = 3;

async function json(url: string, init: RequestInit & { token?: string; body?: string } = {}): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token) headers['authorization'] = `Bearer ${init.token}`;
  const response = await fetch(url, { ...init, headers });
  return { status: response.status, body: await response.json().catch(() => null) };
}

export async function run(): Promise<void> {
  const platform = await bootPlatform({ seed: 'full' });
  const db = knex({ client: 'sqlite3', connection: { filename: platform.env['DB_FILENAME']! }, useNullAsDefault: true, pool: { min: 0, max: 1 } });
  try {
    const account = DEMO_LOGINS.projects[0]!;
    const login = await json(`${platform.baseUrl}/auth/login`, { method: 'POST', body: JSON.stringify({ email: accountToEmail(account.account), password: account.password }) });
    const token: string = login.body.data.access_token;
    const projectId: number = (await json(`${platform.baseUrl}/platform/me`, { token })).body.data.project.id;
    const devices = (await db('devices').where({ project: projectId, status: 'active' }).count({ n: '*' }))[0]?.['n'];
    const holders = db('key_posts').whereIn('status', ['pending', 'approved', 'exit_pending']).whereNotNull('employment').select('employment');
    const timings: number[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const unit = await db('project_units').where({ project: projectId }).first('unit');
      const [team] = await db('teams').insert({ project: projectId, unit: unit.unit, name: `压测班组${round}`, kind: 'worker', status: 'active', date_created: Date.now() }, ['id']);
      const teamId = Number(typeof team === 'object' ? team.id : team);
      const members = await db('employments').where({ project: projectId, status: 'on_site', role: 'worker' }).whereNotIn('id', holders).limit(TEAM_SIZE).pluck('id');
      if (members.length < TEAM_SIZE) throw new Error(`only ${members.length} people on site left for round ${round}`);
      await db('employments').whereIn('id', members).update({ team: teamId });
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const started = performance.now();
      const response = await json(`${platform.baseUrl}/platform/teams/${teamId}/exit`, { method: 'POST', token, body: JSON.stringify({ exit_date: today, confirm: true }) });
      const ms = performance.now() - started;
      if (response.status !== 200 || response.body.data.exited !== TEAM_SIZE) throw new Error(`team exit failed: ${response.status} ${JSON.stringify(response.body)}`);
      const audit = (await db('audit_log').where({ action: 'employment.exit' }).whereIn('item', members.map(String)).count({ n: '*' }))[0]?.['n'];
      const removals = (await db('device_commands').where({ kind: 'user_delete' }).whereIn('employment', members).count({ n: '*' }))[0]?.['n'];
      timings.push(ms);
      console.log(`round ${round}: ${TEAM_SIZE} people exited in ${ms.toFixed(0)} ms (HTTP round trip) — ${audit} audit rows, ${removals} device removals for ${devices} gates`);
    }
    const sorted = [...timings].sort((a, b) => a - b);
    console.log(`median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, worst ${sorted[sorted.length - 1]!.toFixed(0)} ms (goal ≤ 1000 ms)`);
  } finally {
    await db.destroy();
    await platform.stop();
  }
}
