import type { Knex } from 'knex';
import { dbNow } from '../db/values';

export interface AuditEntry {
  actor: string | null;
  actorKind: 'user' | 'device' | 'system' | 'public';
  project?: number | null;
  action: string;
  collection?: string;
  item?: string | number;
  before?: unknown;
  after?: unknown;
  note?: string | null;
}

/** Appends one row to `audit_log` (call with the transaction of the change it records). */
export async function writeAudit(trx: Knex, entry: AuditEntry): Promise<void> {
  await writeAuditMany(trx, [entry]);
}

/** Appends many rows in one insert (e.g. one per person of a team exit). */
export async function writeAuditMany(trx: Knex, entries: readonly AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  const at = dbNow(trx);
  const rows = entries.map((e) => ({
    at,
    actor: e.actor,
    actor_kind: e.actorKind,
    project: e.project ?? null,
    action: e.action,
    collection: e.collection ?? null,
    item: e.item === undefined ? null : String(e.item),
    before: e.before === undefined ? null : JSON.stringify(e.before),
    after: e.after === undefined ? null : JSON.stringify(e.after),
    note: e.note ?? null,
  }));
  for (let i = 0; i < rows.length; i += 500) await trx('audit_log').insert(rows.slice(i, i + 500));
}
