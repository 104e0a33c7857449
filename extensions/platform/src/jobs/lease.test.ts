/**
 * The job lease against real databases: a temporary SQLite file opened by two connections (two
 * "replicas"), and PostgreSQL in a scratch schema when TEST_PG_URL is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knex, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { holderName, isDeadLocalHolder, JOB_TABLE, readJobState, withJobLease } from './lease';
import { exitedPid } from '../../../../tests/support/exited-pid';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('isDeadLocalHolder', () => {
  test('only a holder on this host whose process is gone is dead', async () => {
    expect(isDeadLocalHolder(holderName(await exitedPid()))).toBe(true);
    expect(isDeadLocalHolder(holderName())).toBe(false);
    expect(isDeadLocalHolder(holderName(process.ppid))).toBe(false);
    // A restarted container: the same host and pid, but an earlier process.
    expect(isDeadLocalHolder(holderName(process.pid, undefined, 'deadbeef'))).toBe(true);
    expect(isDeadLocalHolder(holderName(await exitedPid(), 'another-host'))).toBe(false);
    expect(isDeadLocalHolder('replica-1')).toBe(false);
    expect(isDeadLocalHolder(null)).toBe(false);
  });
});

/** A second handle on the same connection pool, so ensureJobTable's per-connection memo starts afresh. */
const knexLike = (db: Knex): Knex => db.withUserParams({ fresh: Date.now() });

interface Replicas {
  one: Knex;
  two: Knex;
  close: () => Promise<void>;
}

function sqliteReplicas(): Replicas {
  const dir = mkdtempSync(join(tmpdir(), 'lease-test-'));
  const open = () => knex({ client: 'sqlite3', connection: { filename: join(dir, 'jobs.db') }, useNullAsDefault: true, pool: { min: 1, max: 1 } });
  const one = open();
  const two = open();
  return {
    one,
    two,
    close: async () => {
      await one.destroy();
      await two.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function pgReplicas(url: string): Promise<Replicas> {
  const schema = `lease_test_${Date.now().toString(36)}`;
  const admin = knex({ client: 'pg', connection: url });
  await admin.raw(`create schema "${schema}"`);
  const open = () => knex({ client: 'pg', connection: url, searchPath: [schema], pool: { min: 0, max: 2 } });
  const one = open();
  const two = open();
  return {
    one,
    two,
    close: async () => {
      await one.destroy();
      await two.destroy();
      await admin.raw(`drop schema "${schema}" cascade`);
      await admin.destroy();
    },
  };
}

function leaseSuite(label: string, make: () => Replicas | Promise<Replicas>): void {
  describe(`job lease (${label})`, () => {
    let replicas: Replicas;
    beforeAll(async () => {
      replicas = await make();
    });
    afterAll(async () => {
      await replicas.close();
    });

    test('of two runners started together exactly one works; the other is told who holds the lease', async () => {
      let runs = 0;
      const task = async () => {
        runs += 1;
        await sleep(400);
        return 'done';
      };
      const [first, second] = await Promise.all([
        withJobLease(replicas.one, 'race', task, { holder: 'replica-1' }),
        withJobLease(replicas.two, 'race', task, { holder: 'replica-2' }),
      ]);
      expect(runs).toBe(1);
      const outcomes = [first, second];
      const winner = outcomes.find((o) => o.ran);
      const loser = outcomes.find((o) => !o.ran);
      expect(winner).toEqual({ ran: true, result: 'done' });
      expect(loser).toEqual({ ran: false, heldBy: first.ran ? 'replica-1' : 'replica-2' });
      // Released: the next run goes ahead.
      expect(await withJobLease(replicas.two, 'race', async () => 'again')).toEqual({ ran: true, result: 'again' });
    });

    test('a waiting runner starts only after the holder finished', async () => {
      const spans: [number, number][] = [];
      const task = async () => {
        const start = Date.now();
        await sleep(300);
        spans.push([start, Date.now()]);
      };
      const outcomes = await Promise.all([
        withJobLease(replicas.one, 'queue', task, { waitMs: 5_000 }),
        withJobLease(replicas.two, 'queue', task, { waitMs: 5_000 }),
      ]);
      expect(outcomes.every((o) => o.ran)).toBe(true);
      const [a, b] = spans.sort((x, y) => x[0] - y[0]);
      expect(b![0]).toBeGreaterThanOrEqual(a![1]);
    });

    test('state saved by one run is what the next run reads', async () => {
      await withJobLease(replicas.one, 'stateful', async (lease) => {
        expect(lease.state).toEqual({});
        await lease.saveState({ watermark: 42, lastRunDay: '2025-03-03' });
      });
      const seen = await withJobLease(replicas.two, 'stateful', async (lease) => lease.state);
      expect(seen).toEqual({ ran: true, result: { watermark: 42, lastRunDay: '2025-03-03' } });
      expect(await readJobState(replicas.one, 'stateful')).toEqual({ watermark: 42, lastRunDay: '2025-03-03' });
    });

    test('a crashed holder’s expired lease is taken over; a live one is not', async () => {
      await withJobLease(replicas.one, 'crash', async () => undefined);
      await replicas.one(JOB_TABLE).where({ name: 'crash' }).update({ holder: 'dead-replica', lease_until: Date.now() + 60_000 });
      expect(await withJobLease(replicas.two, 'crash', async () => 'ran')).toEqual({ ran: false, heldBy: 'dead-replica' });
      await replicas.one(JOB_TABLE).where({ name: 'crash' }).update({ lease_until: Date.now() - 1 });
      expect(await withJobLease(replicas.two, 'crash', async () => 'ran')).toEqual({ ran: true, result: 'ran' });
    });

    test('a lease held by a killed process on this host is taken over at once; a live or remote holder’s is not', async () => {
      const dead = holderName(await exitedPid());
      await withJobLease(replicas.one, 'killed', async () => undefined);
      const hold = (holder: string) => replicas.one(JOB_TABLE).where({ name: 'killed' }).update({ holder, lease_until: Date.now() + 60_000 });

      await hold(holderName(process.ppid));
      expect(await withJobLease(replicas.two, 'killed', async () => 'ran')).toMatchObject({ ran: false });
      await hold('other-host:1:abcd1234');
      expect(await withJobLease(replicas.two, 'killed', async () => 'ran')).toEqual({ ran: false, heldBy: 'other-host:1:abcd1234' });

      await hold(dead);
      expect(await withJobLease(replicas.two, 'killed', async () => 'ran')).toEqual({ ran: true, result: 'ran' });
      // Two replicas noticing the dead holder together: one takes it over.
      await hold(dead);
      let runs = 0;
      const task = async () => {
        runs += 1;
        await sleep(300);
      };
      const outcomes = await Promise.all([withJobLease(replicas.one, 'killed', task), withJobLease(replicas.two, 'killed', task)]);
      expect(runs).toBe(1);
      expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    });

    test('a long run keeps its lease by renewing it', async () => {
      let refused: unknown;
      const outcome = await withJobLease(
        replicas.one,
        'long',
        async () => {
          await sleep(2_600); // longer than the lease's time to live
          refused = await withJobLease(replicas.two, 'long', async () => 'stolen');
          return 'finished';
        },
        { ttlMs: 1_200 },
      );
      expect(outcome).toEqual({ ran: true, result: 'finished' });
      expect(refused).toMatchObject({ ran: false });
    });

    test('a scheduled tick runs once: a replica whose tick fires after the first run finished skips it', async () => {
      const tick = Date.UTC(2026, 0, 1, 8, 0, 0);
      let runs = 0;
      const task = async () => {
        runs += 1;
      };
      expect(await withJobLease(replicas.one, 'tick', task, { tick })).toEqual({ ran: true, result: undefined });
      expect(await withJobLease(replicas.two, 'tick', task, { tick })).toEqual({ ran: false, heldBy: null, alreadyRan: true });
      // Both at once on the next tick: still one run.
      const next = tick + 60_000;
      await Promise.all([withJobLease(replicas.one, 'tick', task, { tick: next }), withJobLease(replicas.two, 'tick', task, { tick: next, waitMs: 5_000 })]);
      expect(runs).toBe(2);
      // A run without a tick (the CLI) is not affected, and the lease is free afterwards.
      expect(await withJobLease(replicas.two, 'tick', async () => 'manual')).toEqual({ ran: true, result: 'manual' });
    });

    test('a table from before ticks were recorded gets the column', async () => {
      await replicas.one.schema.alterTable(JOB_TABLE, (table) => table.dropColumn('last_tick'));
      const fresh = knexLike(replicas.two);
      expect(await withJobLease(fresh, 'old-table', async () => 'ok', { tick: 1 })).toEqual({ ran: true, result: 'ok' });
      expect(await replicas.one.schema.hasColumn(JOB_TABLE, 'last_tick')).toBe(true);
    });

    test('a runner that lost its lease stops before writing its state', async () => {
      const outcome = withJobLease(replicas.one, 'lost', async (lease) => {
        await replicas.two(JOB_TABLE).where({ name: 'lost' }).update({ holder: 'usurper' });
        await lease.saveState({ watermark: 1 });
      });
      await expect(outcome).rejects.toThrow(/Lost the lease/);
      expect(await readJobState(replicas.two, 'lost')).toEqual({});
    });
  });
}

leaseSuite('SQLite, two connections', sqliteReplicas);

const pgUrl = process.env['TEST_PG_URL'];
if (pgUrl) leaseSuite('PostgreSQL, two pools', () => pgReplicas(pgUrl));
