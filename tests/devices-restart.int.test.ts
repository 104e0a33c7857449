/**
 * The server is killed (SIGKILL) while a ZKTeco terminal is uploading its backlog, then started
 * again on the same database: the terminal resumes from the stamp the server hands back, and every
 * punch is stored exactly once. Runs its own platform, since the shared one must stay up.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { attlogLine, ZkTerminal } from '../scripts/lib/devices.ts';
import { embeddedEnv, prepareDatabase, startServer, stopServer, type Env } from '../scripts/lib/directus.ts';
import { freePort } from '../scripts/lib/platform.ts';
import { openDatabase } from './support/db';
import { ADMIN } from './support/fixtures';
import { api, login } from './support/http';

const RECORDS = 2_000;
const BATCH = 100;

let dataDir: string;
let env: Env;
let baseUrl: string;
let server: ChildProcess | null = null;
let db: Knex;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'platform-restart-'));
  const port = await freePort();
  env = embeddedEnv(dataDir, port, { LOG_LEVEL: 'error' });
  baseUrl = `http://127.0.0.1:${port}`;
  await prepareDatabase(env, 'small', true);
  server = await startServer(env, { quiet: true });
  db = openDatabase(env);
}, 240_000);

afterAll(async () => {
  await db?.destroy();
  if (server) await stopServer(server);
  rmSync(dataDir, { recursive: true, force: true });
});

test('a terminal uploading through a server crash ends with every punch stored once', async () => {
  const terminal = new ZkTerminal(baseUrl, 'ZKRESTART01', { secret: 'Zk-Restart-0001' });
  expect((await terminal.handshake()).status).toBe(200);
  const device = await db('devices').where({ sn: terminal.sn }).first('id');
  const project = await db('projects').where({ status: 'approved' }).orderBy('id').first('id');
  const admin = await login(ADMIN.email, ADMIN.password, baseUrl);
  expect((await api('PATCH', `/items/devices/${device.id}`, { token: admin, json: { status: 'active', project: project.id, auth_secret: terminal.setup.secret }, baseUrl })).status).toBe(200);
  // Bound: its next handshake, with the key, admits it.
  expect((await terminal.handshake()).status).toBe(200);
  const pins: string[] = await db('employments').where({ project: project.id }).pluck('device_pin');
  // Two days back: inside the plausible window of a device bound today.
  const start = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 2 * 86_400_000;
  for (let i = 0; i < RECORDS; i += 1) terminal.record(attlogLine(i % 7 === 6 ? `UNK${i % 5}` : pins[i % pins.length]!, new Date(start + i * 37_000), (i % 2) as 0 | 1));

  // Pull the plug as the 8th batch goes out: its answer never arrives, committed or not.
  let killedAtStamp = 0;
  const first = await terminal
    .pushAll(BATCH, (firstStamp) => {
      if (firstStamp === 7 * BATCH + 1 && server) {
        killedAtStamp = firstStamp;
        setTimeout(() => server?.kill('SIGKILL'), 5);
      }
    })
    .catch((error: unknown) => ({ sent: -1, refused: null, error }));
  expect(killedAtStamp).toBe(7 * BATCH + 1);
  expect(first.sent === -1 || first.refused !== null).toBe(true);
  const dead = server!;
  if (dead.exitCode === null && dead.signalCode === null) await once(dead, 'exit');
  // Acknowledged before the plug was pulled: 7 batches, or 8 if the answer just made it out.
  expect([7 * BATCH, 8 * BATCH]).toContain(terminal.serverStamp);

  server = await startServer(env, { quiet: true });
  const handshake = await terminal.handshake();
  expect(handshake.status).toBe(200);
  // The server hands back what it committed: the batch in flight either made it or not.
  expect([7 * BATCH, 8 * BATCH]).toContain(terminal.serverStamp);
  const rest = await terminal.pushAll(BATCH);
  expect(rest.refused).toBeNull();
  expect(terminal.serverStamp).toBe(RECORDS);

  const stored = await db('punches').where({ device: device.id }).select('raw', 'dedup_key', 'employment');
  expect(stored).toHaveLength(RECORDS);
  expect(new Set(stored.map((p) => p.dedup_key)).size).toBe(RECORDS);
  expect(new Set(stored.map((p) => p.raw))).toEqual(new Set(terminal.log));
  expect(stored.filter((p) => p.employment === null)).toHaveLength(terminal.log.filter((line) => line.startsWith('UNK')).length);

  // Sending the whole log once more (a terminal reset to stamp None) changes nothing.
  terminal.serverStamp = 0;
  expect((await terminal.pushAll(BATCH)).refused).toBeNull();
  expect(await db('punches').where({ device: device.id }).count({ n: '*' })).toEqual([{ n: RECORDS }]);
}, 240_000);
