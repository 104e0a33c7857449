import knex, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeAudit } from './write-audit';

describe('writeAudit', () => {
  let db: Knex;
  beforeAll(async () => {
    db = knex({ client: 'sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    await db.schema.createTable('audit_log', (t) => {
      t.increments('id');
      for (const column of ['at', 'actor', 'actor_kind', 'project', 'action', 'collection', 'item', 'before', 'after', 'note']) t.text(column);
    });
  });
  afterAll(() => db.destroy());

  test('personal values of the row’s collection are masked, whatever the caller passed', async () => {
    await writeAudit(db, {
      actor: 'u1',
      actorKind: 'user',
      action: 'person.correct',
      collection: 'people',
      item: 7,
      before: { id_number: '510802199001011234', address: '四川省广元市利州区东坝街道滨河路8号', name: '王建国' },
      after: { id_number: '510802199001011242', name: '王建华' },
    });
    const person = await db('audit_log').orderBy('id', 'desc').first();
    expect(JSON.parse(person.before)).toEqual({ id_number: '5108**********1234', address: '四川省广元市************', name: '王建国' });
    expect(JSON.parse(person.after)).toEqual({ id_number: '5108**********1242', name: '王建华' });

    // The phone and wage card a project recorded are the employment's: masked on its rows.
    await writeAudit(db, {
      actor: 'u1',
      actorKind: 'user',
      action: 'employment.edit',
      collection: 'employments',
      item: 9,
      before: { phone: '13908125678', bank_card_no: null, trade: '010' },
      after: { phone: '13908125679', bank_card_no: '6222801541671071718' },
    });
    const employment = await db('audit_log').orderBy('id', 'desc').first();
    expect(JSON.parse(employment.before)).toEqual({ phone: '139****5678', bank_card_no: null, trade: '010' });
    expect(JSON.parse(employment.after)).toEqual({ phone: '139****5679', bank_card_no: '6222***********1718' });
  });

  test('fields of other collections, and values already masked, are kept as given', async () => {
    await writeAudit(db, { actor: null, actorKind: 'system', action: 'key_post.exit_effective', collection: 'key_posts', item: 3, after: { status: 'exited', exit_date: '2026-07-01' } });
    const row = await db('audit_log').orderBy('id', 'desc').first();
    expect(JSON.parse(row.after)).toEqual({ status: 'exited', exit_date: '2026-07-01' });
  });
});
