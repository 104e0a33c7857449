import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bulkInsert, bulkInsertSql, fitsOneStatement } from './bulk-insert';

describe('bulkInsertSql', () => {
  test('one VALUES list with bound values and the conflict action', () => {
    const { sql, bindings } = bulkInsertSql('punches', ['dedup_key', 'raw'], [{ dedup_key: 'a', raw: "x'; drop table punches; --" }, { dedup_key: 'b' }], { conflict: ['dedup_key'], onConflict: 'ignore' });
    expect(sql).toBe('insert into "punches" ("dedup_key", "raw") values (?, ?), (?, ?) on conflict ("dedup_key") do nothing');
    expect(bindings).toEqual(['a', "x'; drop table punches; --", 'b', null]);
  });

  test('merge overwrites every column outside the conflict key', () => {
    const { sql } = bulkInsertSql('project_days', ['project', 'day', 'present'], [{ project: 1, day: 2, present: 3 }], { conflict: ['project', 'day'], onConflict: 'merge' });
    expect(sql).toMatch(/on conflict \("project", "day"\) do update set "present" = excluded\."present"$/);
  });

  test('without a conflict key it is a plain insert', () => {
    expect(bulkInsertSql('t', ['k'], [{ k: 1 }], {}).sql).toBe('insert into "t" ("k") values (?)');
  });

  test('refuses an identifier that is not a plain column name', () => {
    expect(() => bulkInsertSql('punches', ['raw"; --'], [{}], { conflict: ['id'], onConflict: 'ignore' })).toThrow(/unexpected identifier/);
  });

  test('fitsOneStatement follows the parameter budget', () => {
    const row = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`c${i}`, i]));
    expect(fitsOneStatement(Array.from({ length: 2_500 }, () => row))).toBe(true);
    expect(fitsOneStatement(Array.from({ length: 2_501 }, () => row))).toBe(false);
  });
});

describe('bulkInsert on SQLite', () => {
  let db: Knex;
  beforeAll(async () => {
    db = knexFactory({ client: 'sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    await db.schema.createTable('t', (table) => {
      table.increments('id');
      table.string('k').unique();
      table.integer('n');
      table.string('note');
    });
  });
  afterAll(() => db.destroy());

  test('stores more rows than one statement holds, and a resend changes nothing', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => ({ k: `k${i}`, n: i, note: null }));
    await bulkInsert(db, 't', rows, { conflict: ['k'], onConflict: 'ignore' });
    await bulkInsert(db, 't', rows.map((row) => ({ ...row, n: -1 })), { conflict: ['k'], onConflict: 'ignore' });
    const [{ count, sum }] = (await db('t').select(db.raw('count(*) as count'), db.raw('sum(n) as sum'))) as [{ count: number; sum: number }];
    expect(count).toBe(12_000);
    expect(sum).toBe((11_999 * 12_000) / 2);
  });

  test('merge updates the stored row in place', async () => {
    await bulkInsert(db, 't', [{ k: 'k5', n: 500, note: '已更正' }], { conflict: ['k'], onConflict: 'merge' });
    expect(await db('t').where({ k: 'k5' }).first('n', 'note')).toEqual({ n: 500, note: '已更正' });
    expect((await db('t').count({ c: '*' }))[0]?.['c']).toBe(12_000);
  });

  test('accumulate adds to counters of the stored row and replaces the rest named', async () => {
    const options = { conflict: ['k'], onConflict: 'accumulate', add: ['n'], replace: ['note'] } as const;
    expect(bulkInsertSql('t', ['k', 'n', 'note'], [{ k: 'x', n: 1, note: 'a' }], options).sql).toMatch(
      /on conflict \("k"\) do update set "n" = "t"\."n" \+ excluded\."n", "note" = excluded\."note"$/,
    );
    await bulkInsert(db, 't', [{ k: 'counted', n: 2, note: 'first' }], options);
    await bulkInsert(db, 't', [{ k: 'counted', n: 3, note: 'second' }, { k: 'new', n: 1, note: 'x' }], options);
    expect(await db('t').where({ k: 'counted' }).first('n', 'note')).toEqual({ n: 5, note: 'second' });
    expect(await db('t').where({ k: 'new' }).first('n')).toEqual({ n: 1 });
  });
});
