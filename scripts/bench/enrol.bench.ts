/**
 * Enrolment of the main demo project's 821 people on site, with faces, on a fresh SQLite platform
 * (full demo city): one simulated terminal per protocol is bound to the project (as bureau staff do
 * it) and timed from the binding until the terminal holds everyone — name, card, face — and every
 * command is recorded done.
 *
 * - Hikvision (ISAPI, digest) and Uniubi (LAN API), delivered by the platform itself at its default
 *   tick (PLATFORM_DEVICE_DELIVERY_INTERVAL_SECONDS=10, so up to 10 s of the figure is waiting for
 *   the first tick). Goal: ≤ 60 s each on 2 cores.
 * - Hikvision again through the site agent (the built `platform-agent`, on Node 20 when present).
 * - ZKTeco beside them: a scripted PUSH terminal polling `getrequest` back to back and confirming
 *   every command (a real one waits `Delay`, 10 s, between polls), for the platform's side of it.
 *
 * Faces: the committed face photos (tests/fixtures/faces/pass-*.jpg, 22–42 KB) as device photos,
 * round robin. The machine load (loadavg) is printed with the figures: the machine is shared.
 */
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import knex, { type Knex } from 'knex';
import { AGENT_NODE, startAgent } from '../../tests/support/site-agent-process.ts';
import { HikvisionTerminal } from '../../tests/support/terminals/hikvision-terminal.ts';
import { UniubiTerminal } from '../../tests/support/terminals/uniubi-terminal.ts';
import { ZkTerminal } from '../lib/devices.ts';
import { ROOT } from '../lib/directus.ts';
import { bootPlatform } from '../lib/platform.ts';

export const name = 'enrolment of 821 people with faces: Hikvision, Uniubi, ZKTeco (SQLite, full demo city)';

const GOAL_SECONDS = 60;

async function json(url: string, method: string, token: string | null, body?: unknown): Promise<any> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');

async function waitUntil(probe: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function commandsLeft(db: Knex, device: number): Promise<number> {
  return Number((await db('device_commands').where({ device }).whereNot({ status: 'done' }).count({ n: '*' }))[0]?.['n'] ?? 0);
}

function report(label: string, people: number, faces: number, seconds: number, goal: boolean): void {
  console.log(`${label.padEnd(44)} ${String(people).padStart(4)} people ${String(faces).padStart(4)} faces ${seconds.toFixed(1).padStart(6)} s${goal ? `  goal ≤ ${GOAL_SECONDS} s: ${seconds <= GOAL_SECONDS ? 'met' : 'NOT met'}` : ''}   (load ${load()})`);
}

export async function run(): Promise<void> {
  console.log(`${cpus().length} cores, load ${load()} before boot`);
  const platform = await bootPlatform({ seed: 'full', extraEnv: { LOG_LEVEL: 'error' } });
  const db = knex({ client: 'sqlite3', connection: { filename: platform.env['DB_FILENAME']! }, useNullAsDefault: true, pool: { min: 0, max: 1 } });
  const base = platform.baseUrl;
  const terminals: { stop: () => Promise<void> }[] = [];
  const dirs: string[] = [];
  try {
    const admin = (await json(`${base}/auth/login`, 'POST', null, { email: 'admin@example.com', password: 'Admin@2026' })).data.access_token as string;
    const project = await db('projects').where({ status: 'approved' }).orderBy('id').first('id');
    const onSite = await db('employments').where({ project: project.id, status: 'on_site' }).select('id', 'person', 'device_pin', 'card_no');
    // Device photos for everyone on site, round robin over the committed face photos.
    const photos = readdirSync(join(ROOT, 'tests/fixtures/faces')).filter((f) => f.startsWith('pass-')).sort();
    const files: string[] = [];
    for (const photo of photos) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/faces', photo)))], { type: 'image/jpeg' }), photo);
      const uploaded = await fetch(`${base}/files`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: form });
      files.push(((await uploaded.json()) as { data: { id: string } }).data.id);
    }
    // Faces are project facts: devices get the employment's face (queue-device-sync.ts).
    for (const [index, row] of onSite.entries()) {
      const file = files[index % files.length];
      await db('employments').where({ id: row.id }).update({ face_photo: file, face_device_photo: file });
    }
    const cards = onSite.filter((r) => r.card_no).length;
    console.log(`main project: ${onSite.length} people on site, ${cards} with a card, all with a face (${files.length} distinct photos)`);

    // Every device has its 设备密钥 (an active device needs one: devices/auth); `Bench-<last 8 of sn>`.
    const secretOf = (sn: string) => `Bench-${sn.slice(-8)}`;
    const createDevice = async (fields: Record<string, unknown> & { sn: string }) => Number((await json(`${base}/items/devices`, 'POST', admin, { direction: 'both', auth_secret: secretOf(fields.sn), ...fields })).data.id);
    const bind = (id: number, sn: string) => json(`${base}/items/devices/${id}`, 'PATCH', admin, { status: 'active', project: project.id, auth_secret: secretOf(sn) });
    const pins = new Set(onSite.map((r) => String(r.device_pin)));

    // Hikvision and Uniubi, delivered by the platform.
    const hik = new HikvisionTerminal({ password: 'Bench#hik1' });
    const uni = new UniubiTerminal({ password: 'benchuniubi' });
    await Promise.all([hik.start(), uni.start()]);
    terminals.push(hik, uni);
    const hikId = await createDevice({ sn: 'BENCH-ENROL-HIK', protocol: 'hikvision', api_url: hik.url, api_user: 'admin', api_password: 'Bench#hik1' });
    let started = Date.now();
    await bind(hikId, 'BENCH-ENROL-HIK');
    await waitUntil(async () => hik.persons.size === pins.size && [...hik.persons.values()].every((p) => p.face) && (await commandsLeft(db, hikId)) === 0, 'the Hikvision enrolment', 600_000);
    report('Hikvision (ISAPI, digest) by the platform', hik.persons.size, [...hik.persons.values()].filter((p) => p.face).length, (Date.now() - started) / 1000, true);

    const uniId = await createDevice({ sn: 'BENCH-ENROL-UNI', protocol: 'uniubi', api_url: uni.url, api_password: 'benchuniubi' });
    started = Date.now();
    await bind(uniId, 'BENCH-ENROL-UNI');
    await waitUntil(async () => uni.persons.size === pins.size && [...uni.persons.values()].every((p) => p.faces.size === 1) && (await commandsLeft(db, uniId)) === 0, 'the Uniubi enrolment', 600_000);
    report('Uniubi (LAN API) by the platform', uni.persons.size, [...uni.persons.values()].filter((p) => p.faces.size).length, (Date.now() - started) / 1000, true);

    // Hikvision through the site agent.
    const agentHik = new HikvisionTerminal({ password: 'Bench#hik2' });
    await agentHik.start();
    terminals.push(agentHik);
    const credential = await json(`${base}/items/credentials`, 'POST', admin, { kind: 'site_agent', name: '压测现场代理', project: project.id });
    const token = (await json(`${base}/utils/random/string`, 'GET', admin)).data as string;
    await json(`${base}/items/credentials/${credential.data.id}`, 'PATCH', admin, { token });
    const agentHikId = await createDevice({ sn: 'BENCH-ENROL-AGENT', protocol: 'hikvision', project: project.id, api_url: agentHik.url, api_user: 'admin', api_password: 'Bench#hik2', agent: credential.data.id });
    const dir = mkdtempSync(join(tmpdir(), 'bench-agent-'));
    dirs.push(dir);
    started = Date.now();
    await bind(agentHikId, 'BENCH-ENROL-AGENT');
    const agent = startAgent({ server: base, token, dataDir: dir, args: ['--once', '--batch', '200'] });
    const code = await agent.exited;
    if (code !== 0 || (await commandsLeft(db, agentHikId)) !== 0) throw new Error(`the agent ended with ${code}: ${agent.output()}`);
    report(`Hikvision through the site agent (${AGENT_NODE.version})`, agentHik.persons.size, [...agentHik.persons.values()].filter((p) => p.face).length, (Date.now() - started) / 1000, true);

    // ZKTeco: the terminal pulls; here it polls back to back and confirms everything.
    // It registers itself (待绑定) on its first handshake; once bound with its secret, its keyed
    // handshake admits its address for getrequest.
    const zk = new ZkTerminal(base, 'BENCH-ENROL-ZK', { secret: secretOf('BENCH-ENROL-ZK') });
    await zk.handshake();
    const zkId = Number((await db('devices').where({ sn: 'BENCH-ENROL-ZK' }).first('id')).id);
    started = Date.now();
    await bind(zkId, 'BENCH-ENROL-ZK');
    if ((await zk.handshake()).status !== 200) throw new Error('the ZKTeco terminal was not admitted after binding');
    await waitUntil(async () => Number((await db('device_commands').where({ device: zkId }).count({ n: '*' }))[0]?.['n']) > 0, 'the ZKTeco queue', 60_000);
    let polls = 0;
    let users = 0;
    let faces = 0;
    for (;;) {
      const { commands } = await zk.poll();
      polls += 1;
      if (!commands.length && (await commandsLeft(db, zkId)) === 0) break;
      users += commands.filter((c) => c.command.startsWith('DATA UPDATE USERINFO')).length;
      faces += commands.filter((c) => c.command.startsWith('DATA UPDATE BIOPHOTO')).length;
      if (commands.length) await zk.ack(commands.map((c) => ({ id: c.id, returnCode: 0 })));
    }
    report(`ZKTeco (PUSH, ${polls} polls back to back)`, users, faces, (Date.now() - started) / 1000, false);
    console.log(`(a ZKTeco terminal waits Delay=10 s between polls: ${polls} polls take it about ${Math.round((polls * 10) / 60)} minutes)`);
  } finally {
    await db.destroy();
    for (const terminal of terminals) await terminal.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await platform.stop();
  }
}
