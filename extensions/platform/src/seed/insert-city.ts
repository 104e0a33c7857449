import type { Knex } from 'knex';
import { COLLECTIONS } from '../../../../schema/model';
import { DEMO_TABLES, type DemoCity } from '../../../../seeds/demo-city';
import { toDbRow } from '../db/values';

type Row = Record<string, unknown>;

// SQLite compiles a multi-row insert to one compound SELECT, limited to 500 terms, and every
// driver limits bound parameters (SQLite 32766, PostgreSQL 65535): stay well under both.
const MAX_ROWS = 400;
const MAX_PARAMS = 20_000;

/** Per table: the json columns (serialised here) and the foreign keys into other demo tables. */
function columnKinds(table: string): { json: string[]; refs: [string, string][] } {
  const collection = COLLECTIONS.find((item) => item.collection === table);
  if (!collection) throw new Error(`Demo table ${table} is not in the model`);
  const demoTables: readonly string[] = DEMO_TABLES;
  return {
    json: collection.fields.filter((field) => field.type === 'json').map((field) => field.field),
    refs: collection.fields.flatMap((field) =>
      field.m2o && demoTables.includes(field.m2o.collection) ? [[field.field, field.m2o.collection] as [string, string]] : [],
    ),
  };
}

/**
 * The city's ids start at 1; a database that already has rows (say a declaration sent before the
 * seed) gets every id and reference shifted past its current maximum instead of a key clash.
 */
async function idOffsets(trx: Knex): Promise<Map<string, number>> {
  const offsets = new Map<string, number>();
  for (const table of DEMO_TABLES) {
    const row = await trx(table).max({ max: 'id' }).first();
    offsets.set(table, Number(row?.['max'] ?? 0));
  }
  return offsets;
}

function prepareRows(trx: Knex, table: string, rows: readonly object[], offsets: Map<string, number>): Row[] {
  const { json, refs } = columnKinds(table);
  const own = offsets.get(table) ?? 0;
  return rows.map((source) => {
    const row: Row = { ...source };
    row['id'] = (row['id'] as number) + own;
    for (const [field, target] of refs) {
      if (typeof row[field] === 'number') row[field] = (row[field] as number) + (offsets.get(target) ?? 0);
    }
    for (const field of json) if (row[field] !== null && row[field] !== undefined) row[field] = JSON.stringify(row[field]);
    // Dates and timestamps as Directus stores them (epoch ms on SQLite).
    return toDbRow(trx, table, row);
  });
}

/**
 * Inserts the whole city in `trx`, table by table in foreign-key order, in multi-row batches.
 * Raw knex on purpose: services would run hooks, validation and revisions per row, which turns a
 * few seconds into many minutes for sixty thousand punches. Returns the rows as inserted (ids shifted).
 */
export async function insertCity(trx: Knex, city: DemoCity): Promise<Record<keyof DemoCity, Row[]>> {
  const offsets = await idOffsets(trx);
  const inserted = {} as Record<keyof DemoCity, Row[]>;
  for (const table of DEMO_TABLES) {
    const rows = prepareRows(trx, table, city[table], offsets);
    inserted[table] = rows;
    const columns = Object.keys(rows[0] ?? {}).length || 1;
    const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns)));
    for (let start = 0; start < rows.length; start += size) await trx(table).insert(rows.slice(start, start + size));
  }
  if (['pg', 'postgres', 'postgresql'].includes(String(trx.client.config.client))) {
    // Explicit ids do not advance PostgreSQL sequences: move each past its table's maximum.
    for (const table of DEMO_TABLES) {
      await trx.raw(`select setval(pg_get_serial_sequence(?, 'id'), (select max(id) from ??))`, [table, table]);
    }
  }
  return inserted;
}
