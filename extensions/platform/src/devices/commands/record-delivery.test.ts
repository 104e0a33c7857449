/**
 * Recording delivery results against a real (temporary SQLite) database with the columns the
 * platform uses: once per command and attempt, other devices' commands refused, the backoff, the
 * last attempt, and deliveries made with settings that changed since.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knex, { type Knex } from 'knex';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { DeliveryResult } from '../delivery/types';
import { recordDeliveryResults } from './record-delivery';

const dir = mkdtempSync(join(tmpdir(), 'record-delivery-'));
let db: Knex;
const settings = { maxAttempts: 3, backoffMs: 30_000 };
const now = new Date('2026-03-02T08:00:00Z');

beforeAll(async () => {
  db = knex({ client: 'sqlite3', connection: { filename: join(dir, 'db.sqlite') }, useNullAsDefault: true, pool: { min: 1, max: 1 } });
  await db.schema.createTable('devices', (t) => {
    t.integer('id').primary();
    t.bigInteger('settings_changed_at').nullable();
  });
  await db.schema.createTable('device_commands', (t) => {
    t.integer('id').primary();
    t.integer('device');
    t.string('status');
    t.integer('attempts');
    t.string('return_code').nullable();
    t.string('error_message').nullable();
    t.bigInteger('sent_at').nullable();
    t.bigInteger('next_attempt_at').nullable();
    t.bigInteger('done_at').nullable();
  });
});

beforeEach(async () => {
  await db('device_commands').delete();
  await db('devices').delete();
  await db('devices').insert([{ id: 1, settings_changed_at: null }, { id: 2, settings_changed_at: null }]);
  const sent = now.getTime() - 5_000;
  await db('device_commands').insert([
    { id: 10, device: 1, status: 'sent', attempts: 1, sent_at: sent },
    { id: 11, device: 1, status: 'sent', attempts: 2, sent_at: sent },
    { id: 12, device: 1, status: 'sent', attempts: 3, sent_at: sent },
    { id: 13, device: 1, status: 'done', attempts: 1, sent_at: sent },
    { id: 20, device: 2, status: 'sent', attempts: 1, sent_at: sent },
  ]);
});

afterAll(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const result = (id: number, attempt: number, outcome: DeliveryResult['outcome'], code = outcome === 'done' ? '0' : 'X', message: string | null = null): DeliveryResult => ({ id, attempt, outcome, code, message });
const row = (id: number) => db('device_commands').where({ id }).first();

describe('recordDeliveryResults', () => {
  test('done, a retry with backoff, the last attempt, a refusal', async () => {
    const recorded = await recordDeliveryResults(
      db,
      [result(10, 1, 'done'), result(11, 2, 'retry', 'UNREACHABLE', '无法连接终端'), result(12, 3, 'retry', 'BUSY', 'Device Busy')],
      settings,
      now,
      { deviceIds: [1] },
    );
    expect(recorded).toEqual({ recorded: [10, 11, 12], stale: [], foreign: [] });
    expect(await row(10)).toMatchObject({ status: 'done', return_code: '0', done_at: now.getTime(), error_message: null });
    // Second failure: 30 s × 2.
    expect(await row(11)).toMatchObject({ status: 'failed', return_code: 'UNREACHABLE', error_message: '无法连接终端', next_attempt_at: now.getTime() + 60_000 });
    expect(await row(12)).toMatchObject({ status: 'error', return_code: 'BUSY', error_message: 'Device Busy', next_attempt_at: null });
    await recordDeliveryResults(db, [result(20, 1, 'failed', 'AUTH', '密码错误')], settings, now, { deviceIds: [2] });
    expect(await row(20)).toMatchObject({ status: 'error', return_code: 'AUTH', error_message: '密码错误' });
  });

  test('a repeated report, a late answer to an earlier attempt and a duplicate change nothing', async () => {
    await recordDeliveryResults(db, [result(10, 1, 'done')], settings, now, { deviceIds: [1] });
    const again = await recordDeliveryResults(db, [result(10, 1, 'failed', 'AUTH', 'late'), result(11, 1, 'done'), result(13, 1, 'failed'), result(12, 3, 'done'), result(12, 3, 'failed')], settings, now, { deviceIds: [1] });
    expect(again).toEqual({ recorded: [12], stale: [10, 11, 13, 12], foreign: [] });
    expect(await row(10)).toMatchObject({ status: 'done' });
    expect(await row(11)).toMatchObject({ status: 'sent' });
    expect(await row(12)).toMatchObject({ status: 'done' });
  });

  test("another device's commands and unknown ids are refused", async () => {
    expect(await recordDeliveryResults(db, [result(20, 1, 'done'), result(999, 1, 'done')], settings, now, { deviceIds: [1] })).toEqual({ recorded: [], stale: [], foreign: [20, 999] });
    expect(await row(20)).toMatchObject({ status: 'sent' });
  });

  test('a failure with settings read before they were corrected goes back to the queue', async () => {
    await db('devices').where({ id: 1 }).update({ settings_changed_at: now.getTime() - 1_000 });
    await recordDeliveryResults(db, [result(10, 1, 'failed', 'AUTH', '密码错误'), result(11, 2, 'done')], settings, now, { deviceIds: [1], settingsReadAt: new Date(now.getTime() - 2_000) });
    expect(await row(10)).toMatchObject({ status: 'pending', attempts: 0, error_message: null, return_code: null });
    expect(await row(11)).toMatchObject({ status: 'done' });
    // Without a read time (a site agent), the time the command was sent decides: sent before the change.
    await recordDeliveryResults(db, [result(20, 1, 'failed', 'AUTH')], settings, now, { deviceIds: [2] });
    expect(await row(20)).toMatchObject({ status: 'error' });
  });
});
