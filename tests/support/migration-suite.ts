/**
 * The data migration from the v1 schema (042a1ea: phone, wage card, photos and face on `people`) to
 * employment-owned project facts, started the way `npm start` starts on an old `data/`: a committed
 * v1 fixture (the small demo city plus a worker registered in project A, exited, and registered again
 * in project B with a new phone and photos; a key-post applicant with no employment; made by
 * `tests/fixtures/v1-city/make.ts` against 042a1ea) gets bootstrap, provision and seed on its own
 * server. What arrives: every row, the facts on the employment that recorded them, and each project
 * reaching its own files only. Run on SQLite and again on PostgreSQL (each with its own fixture).
 */
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readDate } from '../../extensions/platform/src/db/values';
import { COLLECTIONS } from '../../schema/model';
import { accountToEmail } from '../../schema/rules/account';
import { embeddedEnv, prepareDatabase, startServer, stopServer, type Env } from '../../scripts/lib/directus.ts';
import { DEMO_LOGINS } from '../../seeds/demo-logins';
import { countRows, openDatabase } from './db';
import { api, login } from './http';
import { freePort } from './platform';

const MOVED = ['phone', 'education', 'political_status', 'blood_type', 'bank_card_no', 'bank_name', 'photo', 'face_photo', 'face_device_photo', 'face_check'];
const TABLES = ['people', 'employments', 'key_posts', 'contracts', 'contracts_files', 'punches', 'attendance_days', 'directus_files', 'teams'] as const;
/** A json column reads back as text on SQLite and as a value on PostgreSQL. */
const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

export interface V1Fixture {
  /** The folder with `manifest.json` and `uploads/`. */
  dir: string;
  /** Directus DB settings for a data folder (SQLite file in it, or a PostgreSQL URL). */
  db: (dataDir: string) => Env;
  /** Puts the v1 database in place (copy the SQLite file, or load the dump into an emptied schema). */
  load: (dataDir: string) => Promise<void>;
}

/**
 * @example migrationSuite('SQLite', { dir, db: (d) => ({ DB_FILENAME: join(d, 'platform.db') }), load });
 */
export function migrationSuite(label: string, fixture: V1Fixture): void {
  const manifest = JSON.parse(readFileSync(join(fixture.dir, 'manifest.json'), 'utf8'));
  const uploads = join(fixture.dir, 'uploads');
  const stored = (id: string) => readFileSync(join(uploads, readdirSync(uploads).find((name) => name.startsWith(id))!));

  describe(`migration from the v1 schema (${label})`, () => {
    let dataDir: string;
    let env: Env;
    let server: ChildProcess;
    let base: string;
    let db: Knex;
    /** What v1 held, read from the fixture before anything migrated it. */
    let before: { counts: Record<string, number>; people: Record<string, unknown>[]; audit: number };

    const tokenOf = (index: number) => login(accountToEmail(DEMO_LOGINS.projects[index]!.account), DEMO_LOGINS.projects[index]!.password, base);
    const file = (id: string, token: string) => fetch(`${base}/platform/files/${id}`, { headers: { authorization: `Bearer ${token}` } });

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'platform-v1-'));
      mkdirSync(join(dataDir, 'uploads'));
      for (const name of readdirSync(uploads)) copyFileSync(join(uploads, name), join(dataDir, 'uploads', name));
      await fixture.load(dataDir);
      const port = await freePort();
      env = embeddedEnv(dataDir, port, { LOG_LEVEL: 'error', PLATFORM_OCR_WARM: 'false', ...fixture.db(dataDir) });
      base = `http://127.0.0.1:${port}`;

      const v1 = openDatabase(env);
      const counts: Record<string, number> = {};
      for (const table of TABLES) counts[table] = await countRows(v1, table);
      before = { counts, people: await v1('people').select('*').orderBy('id'), audit: await countRows(v1, 'audit_log') };
      await v1.destroy();

      // What `npm start` runs on an existing data/: bootstrap, provision (with its migrations), seed (skipped: the city is there).
      await prepareDatabase(env, 'full', true);
      server = await startServer(env, { quiet: true });
      db = openDatabase(env);
    }, 600_000);

    afterAll(async () => {
      await db?.destroy();
      if (server) await stopServer(server);
      rmSync(dataDir, { recursive: true, force: true });
    });

    test('the fixture is the schema of 042a1ea: people hold the project facts', () => {
      expect(Object.keys(before.people[0]!)).toEqual(expect.arrayContaining(MOVED));
      expect(manifest.counts).toMatchObject(before.counts);
    });

    test('the migration is recorded once, and people keep only the identity', async () => {
      expect(await db('platform_migrations').select('id')).toEqual([{ id: '2026-12-employment-facts' }]);
      for (const column of MOVED) expect(await db.schema.hasColumn('people', column), column).toBe(false);
      const fields = (await db('directus_fields').where({ collection: 'people' }).select('field')).map((row) => row.field);
      expect(fields.filter((field) => MOVED.includes(field))).toEqual([]);
      expect(await db('directus_relations').where({ many_collection: 'people' }).whereIn('many_field', MOVED).first()).toBeUndefined();
      for (const column of [...MOVED, 'id_front', 'id_back', 'id_card']) expect(await db.schema.hasColumn('employments', column), column).toBe(true);
    });

    test('the old data/ reaches the current model: every collection and field of today, device secrets encrypted', async () => {
      // Whatever later branches add (device doors: auth_secret, allowed_ips, clock_error_at, device_events) an old data/ gets too.
      for (const collection of COLLECTIONS) {
        expect(await db('directus_collections').where({ collection: collection.collection }).first(), collection.collection).toBeDefined();
        for (const field of collection.fields) expect(await db.schema.hasColumn(collection.collection, field.field), `${collection.collection}.${field.field}`).toBe(true);
      }
      const secrets = COLLECTIONS.flatMap((c) => c.fields.filter((f) => f.secret).map((f) => ({ collection: c.collection, field: f.field })));
      expect(secrets.length).toBeGreaterThan(0);
      for (const secret of secrets) expect(String((await db('directus_fields').where(secret).first())?.special), `${secret.collection}.${secret.field}`).toContain('encrypt');
    });

    test('every row arrives: counts as before, plus the key-post applicant’s employment; identities untouched', async () => {
      for (const table of TABLES) {
        const expected = table === 'employments' ? before.counts[table]! + 1 : before.counts[table];
        expect(await countRows(db, table), table).toBe(expected);
      }
      const people = await db('people').select('id', 'name', 'id_number', 'address', 'id_front', 'id_back').orderBy('id');
      expect(people).toEqual(before.people.map((p) => ({ id: p['id'], name: p['name'], id_number: p['id_number'], address: p['address'], id_front: p['id_front'], id_back: p['id_back'] })));
    });

    test('seeded people: every employment keeps the phone, card and education it showed before, and its reading of the card', async () => {
      const returning = before.people.find((p) => p['id'] === 46)!;
      const stays = await db('employments').where({ person: 46 }).select('phone', 'bank_card_no', 'bank_name', 'education', 'political_status', 'id_card');
      expect(stays).toHaveLength(2);
      for (const stay of stays) {
        expect(stay).toMatchObject({ phone: returning['phone'], bank_card_no: returning['bank_card_no'], bank_name: returning['bank_name'], education: returning['education'] });
        expect(json(stay.id_card)).toEqual({ address: returning['address'], issuing_authority: returning['issuing_authority'], id_valid_from: readDate(returning['id_valid_from']), id_valid_to: returning['id_valid_to'] });
      }
    });

    test('the worker of A and B: each employment holds what its project recorded, rebuilt from the audit log', async () => {
      const a = await db('employments').where({ id: manifest.a.employment }).first();
      const b = await db('employments').where({ id: manifest.b.employment }).first();
      // A's phone was overwritten by B's in v1 and the audit log kept it masked: gone, but not replaced by B's.
      expect(a).toMatchObject({ status: 'exited', phone: null, bank_card_no: manifest.a.bank_card_no, blood_type: 'a', id_front: manifest.a.id_front, id_back: manifest.a.id_back, photo: manifest.a.photo, face_photo: manifest.a.face_photo, face_device_photo: manifest.a.face_device_photo });
      expect(json(a.face_check).checks.length).toBeGreaterThan(5);
      expect(b).toMatchObject({ status: 'on_site', phone: manifest.b.phone, bank_card_no: null, blood_type: null, id_front: manifest.b.id_front, id_back: manifest.b.id_back, photo: manifest.b.photo, face_photo: null, face_device_photo: null, face_check: null });
    });

    test('the v1 key-post applicant has an ordinary employment, enrolled on the project’s devices', async () => {
      const post = await db('key_posts').where({ id: manifest.key_post.id }).first();
      expect(post.employment).not.toBeNull();
      const employment = await db('employments').where({ id: post.employment }).first();
      const person = before.people.find((p) => p['id'] === manifest.key_post.person)!;
      expect(employment).toMatchObject({ project: post.project, person: post.person, unit: post.unit, role: 'manager', trade: post.post, status: 'on_site', phone: person['phone'], id_front: person['id_front'], id_back: person['id_back'] });
      expect((await db('teams').where({ id: employment.team }).first()).kind).toBe('management');
      const devices = Number((await db('devices').where({ project: post.project, status: 'active' }).count({ n: '*' }))[0]!['n']);
      expect(await db('device_commands').where({ employment: post.employment, kind: 'user_update' })).toHaveLength(devices);
      expect(await db('audit_log').where({ action: 'employment.register', item: String(post.employment), actor_kind: 'system' })).toHaveLength(1);
    });

    test('files are reachable by the project that stored them, and by no other', async () => {
      const [a, b, c] = [await tokenOf(0), await tokenOf(1), await tokenOf(2)];
      const ofA = [manifest.a.id_front, manifest.a.id_back, manifest.a.photo, manifest.a.face_photo, manifest.a.face_device_photo, manifest.a.contract_photo];
      const ofB = [manifest.b.id_front, manifest.b.id_back, manifest.b.photo];
      const post = await db('key_posts').where({ id: manifest.key_post.id }).first();
      const applicant = before.people.find((p) => p['id'] === manifest.key_post.person)!;
      const ofC = [post.certificate, applicant['id_front'], applicant['id_back']];
      for (const [own, token, foreign] of [[ofA, a, [b, c]], [ofB, b, [a, c]], [ofC, c, [a, b]]] as const) {
        for (const id of own) {
          const response = await file(id, token);
          expect(response.status, id).toBe(200);
          expect(Buffer.from(await response.arrayBuffer()).equals(stored(id)), id).toBe(true);
          for (const other of foreign) expect((await file(id, other)).status, id).toBe(403);
        }
      }
    });

    test('查看: A sees its exited stay without B’s phone or photos; B sees its own', async () => {
      const a = (await api('GET', `/platform/people/${manifest.a.employment}`, { token: await tokenOf(0), baseUrl: base })).body.data;
      expect(a.person).toMatchObject({ name: manifest.person.name, phone: null, id_front: manifest.a.id_front, photo: manifest.a.photo, face_photo: manifest.a.face_photo });
      expect(a.person.bank_card_no).toMatch(/^6228\*+0018$/);
      const b = (await api('GET', `/platform/people/${manifest.b.employment}`, { token: await tokenOf(1), baseUrl: base })).body.data;
      expect(b.person).toMatchObject({ phone: manifest.b.phone, id_front: manifest.b.id_front, photo: manifest.b.photo, face_photo: null, bank_card_no: null });
    });

    test('starting again applies nothing twice', async () => {
      const snapshot = async () => ({
        ...Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await countRows(db, t)] as const))),
        audit: await countRows(db, 'audit_log'),
        migrations: await countRows(db, 'platform_migrations'),
      });
      const first = await snapshot();
      expect(first.audit).toBeGreaterThan(before.audit);
      await prepareDatabase(env, 'full', true);
      expect(await snapshot()).toEqual(first);
    }, 600_000);
  });
}
