/**
 * Dates and timestamps exactly as Directus stores them, for our raw knex reads and writes.
 * Directus keeps `date` and `timestamp` fields on SQLite as epoch milliseconds (its SQLite date
 * helper) and as native types on PostgreSQL; rows we write in bulk must look the same, or the
 * studio's filters and our own comparisons disagree. Which fields are temporal comes from the model.
 */
import type { Knex } from 'knex';
import { COLLECTIONS } from '../../../../schema/model';

type Temporal = 'date' | 'timestamp';
type Row = Record<string, unknown>;

function temporalKind(type: string): Temporal | null {
  if (type === 'date') return 'date';
  return type === 'timestamp' || type === 'dateTime' ? 'timestamp' : null;
}

const TEMPORAL_FIELDS = new Map<string, Map<string, Temporal>>(
  COLLECTIONS.map((c) => {
    const fields = new Map<string, Temporal>();
    for (const f of c.fields) {
      const kind = temporalKind(f.type);
      if (kind) fields.set(f.field, kind);
    }
    return [c.collection, fields];
  }),
);

export function isSqlite(knex: Knex): boolean {
  return String(knex.client.config.client).startsWith('sqlite');
}

/** A `YYYY-MM-DD` date as the database column expects it. */
export function dbDate(knex: Knex, date: string | null | undefined): string | number | null {
  if (!date) return null;
  return isSqlite(knex) ? Date.parse(`${date}T00:00:00Z`) : date;
}

/** An instant (ISO string or Date) as the database column expects it. */
export function dbTimestamp(knex: Knex, value: string | Date | null | undefined): string | number | null {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  return isSqlite(knex) ? date.getTime() : date.toISOString();
}

/** `now` as a timestamp column value. */
export function dbNow(knex: Knex): string | number {
  return dbTimestamp(knex, new Date()) as string | number;
}

/** A stored date (epoch ms, Date, or text) as `YYYY-MM-DD`. */
export function readDate(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) {
    // node-postgres parses a DATE as local midnight.
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  if (typeof value === 'number' || /^\d{9,}$/.test(String(value))) return new Date(Number(value)).toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

/** A stored instant (epoch ms, Date, or text) as an ISO string. */
export function readTimestamp(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || /^\d{9,}$/.test(String(value))) return new Date(Number(value)).toISOString();
  return new Date(String(value)).toISOString();
}

/** Converts the temporal fields of a `collection` row for writing. */
export function toDbRow<T extends Row>(knex: Knex, collection: string, row: T): T {
  const fields = TEMPORAL_FIELDS.get(collection);
  if (!fields) return row;
  const out: Row = { ...row };
  for (const [field, kind] of fields) {
    if (field in out) out[field] = kind === 'date' ? dbDate(knex, out[field] as string | null) : dbTimestamp(knex, out[field] as string | null);
  }
  return out as T;
}

/** Converts the temporal fields of a `collection` row read with raw knex to `YYYY-MM-DD` / ISO. */
export function fromDbRow<T extends Row>(collection: string, row: T): T {
  const fields = TEMPORAL_FIELDS.get(collection);
  if (!fields) return row;
  const out: Row = { ...row };
  for (const [field, kind] of fields) if (field in out) out[field] = kind === 'date' ? readDate(out[field]) : readTimestamp(out[field]);
  return out as T;
}

/** A nullable text column as text or null ('' counts as absent). */
export function readText(value: unknown): string | null {
  return value === null || value === undefined || value === '' ? null : String(value);
}

/** A nullable numeric column (decimals come back as strings on PostgreSQL) as a number or null. */
export function readNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
