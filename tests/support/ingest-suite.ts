/**
 * Device ingest on a given platform: a ZKTeco batch larger than one INSERT statement, its resend,
 * and single Uniubi punches sharing commits, counted from the database. Run on PostgreSQL by
 * postgres.int.test.ts (SQLite has the full device tests), since the bulk insert is hand-written SQL.
 */
import type { Knex } from 'knex';
import { beforeAll, describe, expect, test } from 'vitest';
import { attlogLine, postUniubi, uniubiForm, ZkTerminal } from '../../scripts/lib/devices.ts';
import { ADMIN } from './fixtures';
import { api, login } from './http';

export function ingestSuite(label: string, baseUrl: () => string, db: () => Knex): void {
  describe(`punch ingest (${label})`, () => {
    let project: number;
    let pins: string[];
    let zk: ZkTerminal;
    const uniubi = `UNI${Date.now().toString(36).toUpperCase()}`;
    const uniubiKey = { secret: 'Uni-Key-Ingest-1' };
    /** The start of the day `days` ago (UTC): inside the plausible window of a device bound today. */
    const daysAgo = (days: number) => Math.floor(Date.now() / 86_400_000) * 86_400_000 - days * 86_400_000;

    beforeAll(async () => {
      project = Number((await db()('projects').where({ status: 'approved' }).orderBy('id').first('id')).id);
      pins = (await db()('employments').where({ project }).orderBy('id').pluck('device_pin')).map(String);
      zk = new ZkTerminal(baseUrl(), `ZKPG${Date.now().toString(36).toUpperCase()}`, { secret: 'Zk-Key-Ingest-01' });
      await zk.handshake();
      await postUniubi(baseUrl(), uniubiForm({ deviceKey: uniubi, personId: pins[0]!, at: new Date() }), '/uniubi/callback', uniubiKey);
      const admin = await login(ADMIN.email, ADMIN.password, baseUrl());
      for (const [sn, secret] of [[zk.sn, zk.setup.secret], [uniubi, uniubiKey.secret]] as const) {
        const device = await db()('devices').where({ sn }).first('id');
        const bound = await api('PATCH', `/items/devices/${device.id}`, { token: admin, baseUrl: baseUrl(), json: { status: 'active', project, auth_secret: secret } });
        expect(bound.status).toBe(200);
      }
      // The bound terminal proves itself with its communication key, as after any reconnect.
      expect((await zk.handshake()).status).toBe(200);
    });

    const countOf = async (sn: string) => Number((await db()('punches').join('devices', 'devices.id', 'punches.device').where('devices.sn', sn).count({ n: '*' }))[0]?.['n']);

    test('a 3,000-line upload is stored once, and its resend changes nothing', async () => {
      const start = daysAgo(3);
      const lines = Array.from({ length: 3_000 }, (_, i) => attlogLine(pins[i % pins.length]!, new Date(start + i * 60_000), (i % 2) as 0 | 1));
      const first = await zk.upload(lines, 3_000);
      expect(first.text).toBe('OK: 3000');
      const again = await zk.upload(lines, 3_000);
      expect(again.text.startsWith('OK')).toBe(true);
      expect(await countOf(zk.sn)).toBe(3_000);
      const person = await db()('punches').join('devices', 'devices.id', 'punches.device').where('devices.sn', zk.sn).whereNotNull('punches.employment').count({ n: '*' });
      expect(Number(person[0]?.['n'])).toBe(3_000);
    });

    test('single punches posted at once share commits and each is stored once', async () => {
      const at = (i: number) => new Date(daysAgo(1) + i * 1000);
      const post = (i: number) => postUniubi(baseUrl(), uniubiForm({ deviceKey: uniubi, personId: pins[i % pins.length]!, at: at(i) }), '/uniubi/callback', uniubiKey);
      const replies = await Promise.all(Array.from({ length: 40 }, (_, i) => post(i)));
      expect(replies.map((reply) => reply.status)).toEqual(Array(40).fill(200));
      await Promise.all(Array.from({ length: 40 }, (_, i) => post(i)));
      // The first post, before binding, was refused (503) and not stored.
      expect(await countOf(uniubi)).toBe(40);
    });
  });
}
