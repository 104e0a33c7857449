/**
 * The site agent (`platform-agent`, agent/) against the real platform and the simulated terminals:
 * bureau staff issue a per-site token the way the studio does it (save the 接入凭证, 生成令牌, copy it
 * once), name the agent on the site's terminals, and the agent — the built single file, on Node 20,
 * in its own process — enrols everyone, survives a kill mid-run and a lost network without losing or
 * repeating a command, and is refused once its token is revoked. Another site's token sees nothing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { hashToken } from '../extensions/platform/src/credentials/token';
import { postUniubi } from '../scripts/lib/devices.ts';
import { DEMO_LOGINS } from '../seeds/demo-logins';
import { openDatabase } from './support/db';
import { ADMIN } from './support/fixtures';
import { createApprovedProject, type FreshProject } from './support/fresh-project';
import { api, login } from './support/http';
import { insertOnSite, insertTeam } from './support/site-fixtures';
import { AGENT_NODE, startAgent, type AgentProcess } from './support/site-agent-process';
import { TcpProxy } from './support/tcp-proxy';
import { bindDevice, createTerminal, onSitePeople, uploadFile, waitFor } from './support/terminal-fixtures';
import { HikvisionTerminal } from './support/terminals/hikvision-terminal';
import { UniubiTerminal } from './support/terminals/uniubi-terminal';

const baseUrl = inject('baseUrl');
const suffix = Date.now().toString(36).toUpperCase();
const HIK_PASSWORD = 'Agent#hik2026';
const UNI_PASSWORD = 'agent-uface-pass';
const FACE = readFileSync(join(import.meta.dirname, 'fixtures/faces/pass-sample5-middle.jpg'));

let db: Knex;
let admin: string;
let bureau: string;
let site: FreshProject;
let otherSite: FreshProject;
let credential: number;
let token: string;
let otherToken: string;
const devices = { hik: 0, uni: 0 };
const hik = new HikvisionTerminal({ password: HIK_PASSWORD });
const uni = new UniubiTerminal({ password: UNI_PASSWORD });
const dataDirs: string[] = [];
const agents: AgentProcess[] = [];

const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'site-agent-'));
  dataDirs.push(dir);
  return dir;
};
const run = (options: { token?: string; dir: string; args?: string[]; server?: string }) => {
  const agent = startAgent({ server: options.server ?? baseUrl, token: options.token ?? token, dataDir: options.dir, ...(options.args ? { args: options.args } : {}) });
  agents.push(agent);
  return agent;
};
const pull = (bearer: string | null, body: unknown = { limit: 0, held: [] }) =>
  fetch(`${baseUrl}/agent/v1/pull`, { method: 'POST', headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) }, body: JSON.stringify(body) });

/** A 接入凭证 issued as in the studio: saved first, then 生成令牌 (a random string, saved, shown once). */
async function issueToken(project: number, name: string): Promise<{ id: number; token: string }> {
  const created = await api('POST', '/items/credentials', { token: bureau, json: { kind: 'site_agent', name, project } });
  expect(created.status).toBe(200);
  const random = await api('GET', '/utils/random/string', { token: bureau });
  expect(random.status).toBe(200);
  const saved = await api('PATCH', `/items/credentials/${created.body.data.id}`, { token: bureau, json: { token: random.body.data } });
  expect(saved.status).toBe(200);
  return { id: Number(created.body.data.id), token: random.body.data };
}

async function siteHoldsEveryone(): Promise<boolean> {
  const people = await onSitePeople(db, site.id);
  const pins = people.map((p) => p.pin).sort().join();
  if ([...hik.persons.keys()].sort().join() !== pins || [...uni.persons.keys()].sort().join() !== pins) return false;
  for (const person of people) {
    const h = hik.persons.get(person.pin)!;
    const u = uni.persons.get(person.pin)!;
    if (h.name !== person.name || u.name !== person.name || h.cards.join() !== (person.card ?? '') || u.idcardNum !== (person.card ?? '')) return false;
    if (person.faceFile && (!h.face?.equals(FACE) || !u.faces.get(person.pin)?.equals(FACE))) return false;
  }
  return true;
}

async function siteCommandsDone(): Promise<boolean> {
  const rows = await db('device_commands').whereIn('device', Object.values(devices)).whereNot({ status: 'done' }).count({ n: '*' });
  return Number(rows[0]?.['n']) === 0;
}

beforeAll(async () => {
  await Promise.all([hik.start(), uni.start()]);
  db = openDatabase(inject('platformEnv'));
  admin = await login(ADMIN.email, ADMIN.password);
  bureau = await login(DEMO_LOGINS.bureau.email, DEMO_LOGINS.bureau.password);
  site = await createApprovedProject('现场代理');
  otherSite = await createApprovedProject('别的工地');
  const team = await insertTeam(db, site.id);
  const ids = await insertOnSite(db, site.id, team, { count: 5, namePrefix: '代理' });
  await db('employments').where({ id: ids[0] }).update({ card_no: `G${suffix}0` });
  const face = await uploadFile(baseUrl, admin, FACE, 'image/jpeg', 'face.jpg');
  // The face is a project fact: devices get the employment's face (queue-device-sync.ts).
  await db('employments').whereIn('id', ids.slice(0, 3)).update({ face_photo: face, face_device_photo: face });
}, 120_000);

afterAll(async () => {
  for (const agent of agents) if (agent.child.exitCode === null) agent.child.kill('SIGKILL');
  await Promise.all([hik.stop(), uni.stop()]);
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  await db.destroy();
});

describe('a site token', () => {
  test('is shown once and stored only as its hash', async () => {
    ({ id: credential, token } = await issueToken(site.id, '东门值班室电脑'));
    ({ token: otherToken } = await issueToken(otherSite.id, '别的工地电脑'));
    const stored = await db('credentials').where({ id: credential }).first();
    expect(stored).toMatchObject({ token: hashToken(token), token_hint: `…${token.slice(-4)}`, status: 'active', kind: 'site_agent', project: site.id });
    expect(stored.issued_at).not.toBeNull();
    const read = await api('GET', `/items/credentials/${credential}?fields=*`, { token: bureau });
    expect(read.body.data.token).toBe('**********');
    expect(JSON.stringify(read.body)).not.toContain(token);
    const history = await db('directus_revisions').where({ collection: 'credentials', item: String(credential) });
    expect(history.length).toBeGreaterThan(0);
    expect(JSON.stringify(history)).not.toContain(token);
  });

  test('a credential without a project or a malformed token is refused', async () => {
    expect((await api('POST', '/items/credentials', { token: bureau, json: { kind: 'site_agent', name: '无项目' } })).body.errors[0].extensions).toMatchObject({ rule: 'CREDENTIAL_PROJECT_REQUIRED' });
    const reply = await api('PATCH', `/items/credentials/${credential}`, { token: bureau, json: { token: 'short' } });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].extensions.rule).toBe('CREDENTIAL_TOKEN_FORMAT');
    expect(await db('credentials').where({ id: credential }).first('token')).toEqual({ token: hashToken(token) });
  });

  test('only the token opens /agent: no token, a Directus login, a project-staff login or a guess get 401', async () => {
    for (const bearer of [null, admin, site.token, 'x'.repeat(32), `${token}x`]) {
      const reply = await pull(bearer);
      expect(reply.status).toBe(401);
      expect((await reply.json()).errors[0].extensions).toMatchObject({ code: 'PLATFORM_AGENT_UNAUTHORIZED', rule: 'AGENT_TOKEN_INVALID' });
    }
    expect((await pull(token)).status).toBe(200);
  });

  test('a terminal can only name an active agent of its own project', async () => {
    const other = await db('credentials').where({ project: otherSite.id }).first('id');
    // Registered for the site but not active: nothing is queued or delivered for it.
    const created = await api('POST', '/items/devices', { token: bureau, json: { sn: `AGX${suffix}`, protocol: 'hikvision', project: site.id, api_url: hik.url } });
    expect(created.status).toBe(200);
    const id = created.body.data.id;
    const refused = await api('PATCH', `/items/devices/${id}`, { token: bureau, json: { agent: other.id } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toMatchObject({ rule: 'DEVICE_AGENT_INVALID', field: 'agent' });
    expect((await api('PATCH', `/items/devices/${id}`, { token: bureau, json: { agent: credential } })).status).toBe(200);
    // Moving it to another project while it names this site's agent is refused too.
    expect((await api('PATCH', `/items/devices/${id}`, { token: bureau, json: { project: otherSite.id } })).status).toBe(400);
  });
});

describe('delivery through the agent', () => {
  test('binding terminals behind the agent: the agent (Node 20, built file) enrols everyone with faces and cards', async () => {
    devices.hik = (await createTerminal(baseUrl, bureau, { sn: `AGHIK${suffix}`, protocol: 'hikvision', name: '东门', project: site.id, api_url: hik.url, api_user: 'admin', api_password: HIK_PASSWORD, agent: credential })).id;
    devices.uni = (await createTerminal(baseUrl, bureau, { sn: `AGUNI${suffix}`, protocol: 'uniubi', name: '西门', project: site.id, api_url: uni.url, api_password: UNI_PASSWORD, agent: credential })).id;
    const started = Date.now();
    for (const id of Object.values(devices)) await bindDevice(baseUrl, bureau, id, site.id);
    const agent = run({ dir: dataDir(), args: ['--once'] });
    expect(await agent.exited).toBe(0);
    expect(await siteHoldsEveryone()).toBe(true);
    expect(await siteCommandsDone()).toBe(true);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(agent.output()).toContain('现场代理退出');
    expect(AGENT_NODE.version).toMatch(/^v(20|2[1-9])\./);
    // The platform itself never called these terminals (they are the agent's).
    const rows = await db('device_commands').whereIn('device', Object.values(devices));
    expect(rows.every((r) => Number(r.attempts) === 1)).toBe(true);
    const list = await api('GET', '/platform/devices', { token: site.token });
    expect(list.body.data.filter((d: { id: number }) => Object.values(devices).includes(d.id)).map((d: { command_route: string }) => d.command_route)).toEqual(['agent', 'agent']);
  }, 120_000);

  test('the doors do not open each other: a device secret is no agent token, an agent token is no device secret', async () => {
    const deviceSecret = `Test-${`AGUNI${suffix}`.slice(-8)}`;
    const heartbeat = (secret: string) => postUniubi(baseUrl, { deviceKey: `AGUNI${suffix}`, time: String(Date.now()) }, '/uniubi/heartbeat', { secret });
    // The terminal's own door: its 设备密钥 opens it, the site's token does not.
    expect((await heartbeat(deviceSecret)).status).toBe(200);
    expect((await heartbeat(token)).status).toBe(401);
    // The agent's door: the site's token opens it, the terminal's 设备密钥 does not.
    const refused = await pull(deviceSecret);
    expect(refused.status).toBe(401);
    expect((await refused.json()).errors[0].extensions).toMatchObject({ rule: 'AGENT_TOKEN_INVALID' });
    expect((await pull(token)).status).toBe(200);
  });

  test('another site\'s token sees nothing of this site and cannot report for it', async () => {
    // Something is waiting for this site's terminals.
    const [employment] = await db('employments').where({ project: site.id, status: 'on_site' }).orderBy('id').pluck('id');
    expect((await api('PUT', `/platform/people/${employment}/card`, { token: site.token, json: { card_no: `H${suffix}9` } })).status).toBe(200);
    const answer = await (await pull(otherToken, { limit: 100, held: [] })).json();
    expect(answer).toMatchObject({ terminals: [], commands: [] });
    expect(JSON.stringify(answer)).not.toContain(HIK_PASSWORD);
    const waiting = await db('device_commands').whereIn('device', Object.values(devices)).where({ status: 'pending' });
    expect(waiting.length).toBe(2);
    const reply = await fetch(`${baseUrl}/agent/v1/results`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${otherToken}` },
      body: JSON.stringify({ results: waiting.map((c) => ({ id: c.id, attempt: 1, outcome: 'done', code: '0', message: null })) }),
    });
    expect(await reply.json()).toEqual({ accepted: [], rejected: waiting.map((c) => c.id) });
    expect((await db('device_commands').whereIn('id', waiting.map((c) => c.id)).pluck('status')).every((s) => s === 'pending')).toBe(true);
    // The site's own agent delivers it.
    expect(await run({ dir: dataDir(), args: ['--once'] }).exited).toBe(0);
    expect(await siteCommandsDone()).toBe(true);
    expect(await siteHoldsEveryone()).toBe(true);
  }, 60_000);

  test('killed mid-run and restarted: nothing lost, nothing repeated but the call in flight', async () => {
    // Forty new people reach the terminals through a new binding; the terminals answer slowly.
    const team = await insertTeam(db, site.id);
    await insertOnSite(db, site.id, team, { count: 40, namePrefix: '重启' });
    for (const id of Object.values(devices)) expect((await api('PATCH', `/items/devices/${id}`, { token: bureau, json: { status: 'disabled' } })).status).toBe(200);
    for (const id of Object.values(devices)) await bindDevice(baseUrl, bureau, id, site.id);
    hik.delayMs = 60;
    uni.delayMs = 60;
    const before = hik.calls.length;
    const dir = dataDir();
    const first = run({ dir });
    await waitFor(() => hik.calls.length - before > 30, 'the agent to be halfway', 60_000, 20);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    expect(await siteHoldsEveryone()).toBe(false);
    hik.delayMs = 0;
    uni.delayMs = 0;
    // Restarted with --once it stops when all is delivered (no pull of it is left running on the platform).
    const second = run({ dir, args: ['--once'] });
    expect(await second.exited).toBe(0);
    expect(await siteHoldsEveryone()).toBe(true);
    expect(await siteCommandsDone()).toBe(true);
    // Each person's record reached a terminal once, but for those in flight at the kill (at most the concurrency, 4).
    const repeats = (calls: { path: string; status: number; employeeNo?: string; personId?: string; success?: boolean }[], key: (c: never) => string | undefined) => {
      const counts = new Map<string, number>();
      for (const call of calls) {
        const id = key(call as never);
        if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return [...counts.values()].filter((n) => n > 1).length;
    };
    const hikUsers = hik.calls.slice(before).filter((c) => c.status === 200 && /UserInfo\/(Record|Modify)$/.test(c.path));
    expect(repeats(hikUsers as never, (c: { employeeNo?: string }) => c.employeeNo)).toBeLessThanOrEqual(4);
    // The platform recorded every command once, and handed none out again (every result answered attempt 1 or 2 at most).
    // The platform handed nothing out twice: the restarted agent delivered from its journal (attempt 1 each).
    const rows = await db('device_commands').whereIn('device', Object.values(devices));
    expect(rows.every((r) => r.status === 'done' && Number(r.attempts) === 1)).toBe(true);
  }, 240_000);

  test('a lost network: results kept in the journal across a restart are reported once it is back', async () => {
    const proxy = new TcpProxy(baseUrl);
    await proxy.start();
    const people = await onSitePeople(db, site.id);
    const targets = people.slice(0, 3);
    for (const [index, person] of targets.entries()) {
      expect((await api('PUT', `/platform/people/${person.employment}/card`, { token: site.token, json: { card_no: `N${suffix}${index}` } })).status).toBe(200);
    }
    const ids = (await db('device_commands').whereIn('device', Object.values(devices)).where({ status: 'pending' }).pluck('id')).map(Number);
    expect(ids.length).toBe(6);
    hik.delayMs = 300;
    uni.delayMs = 300;
    const dir = dataDir();
    const before = { hik: hik.calls.length, uni: uni.calls.length };
    const first = run({ dir, server: proxy.url });
    // As soon as the agent has them in its journal, the site loses its connection to the platform.
    await waitFor(() => /已领取 6 条指令/.test(first.output()), 'the pull', 30_000, 10);
    await proxy.cut();
    await waitFor(() => /无法连接平台/.test(first.output()), 'the agent to notice the lost network', 30_000);
    // Delivered to the terminals (LAN) but not reported; then the PC is switched off.
    await waitFor(() => targets.every((p, i) => hik.persons.get(p.pin)?.cards.join() === `N${suffix}${i}` && uni.persons.get(p.pin)?.idcardNum === `N${suffix}${i}`), 'the LAN delivery', 30_000);
    first.child.kill('SIGKILL');
    await first.exited;
    expect((await db('device_commands').whereIn('id', ids).pluck('status')).every((s) => s === 'sent')).toBe(true);
    hik.delayMs = 0;
    uni.delayMs = 0;
    await proxy.restore();
    const second = run({ dir, server: proxy.url, args: ['--once'] });
    expect(await second.exited).toBe(0);
    const rows = await db('device_commands').whereIn('id', ids);
    expect(rows.every((r) => r.status === 'done' && Number(r.attempts) === 1)).toBe(true);
    // The terminals were not asked again after the restart.
    expect(hik.calls.slice(before.hik).filter((c) => c.authenticated && c.path.endsWith('/UserInfo/Modify') && c.status === 200)).toHaveLength(3);
    expect(uni.calls.slice(before.uni).filter((c) => c.path === '/person/update' && c.success)).toHaveLength(3);
    await proxy.cut();
  }, 120_000);

  test('a revoked token is refused at once; the agent stops and says why', async () => {
    const revoked = await api('PATCH', `/items/credentials/${credential}`, { token: bureau, json: { status: 'revoked' } });
    expect(revoked.status).toBe(200);
    expect((await db('credentials').where({ id: credential }).first('revoked_at')).revoked_at).not.toBeNull();
    expect((await pull(token)).status).toBe(401);
    const agent = run({ dir: dataDir() });
    expect(await agent.exited).toBe(2);
    expect(agent.output()).toContain('现场代理令牌无效或已吊销');
    // Revoking is final.
    const again = await api('PATCH', `/items/credentials/${credential}`, { token: bureau, json: { status: 'active' } });
    expect(again.status).toBe(409);
    expect(again.body.errors[0].extensions.rule).toBe('CREDENTIAL_REVOKED');
    expect((await pull(token)).status).toBe(401);
  }, 60_000);

  test('the agent never printed the token or a terminal password', () => {
    const printed = agents.map((a) => a.output()).join('\n');
    expect(printed).toContain('已领取');
    for (const secret of [token, otherToken, HIK_PASSWORD, UNI_PASSWORD]) expect(printed).not.toContain(secret);
  });
});
