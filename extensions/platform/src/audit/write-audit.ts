import type { Knex } from 'knex';
import { maskedFields, maskFieldValue, secretFields } from '../../../../schema/model/field-flags';
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

/** What a secret's value becomes in the audit log: that it was set, never what to. */
export const SECRET_IN_AUDIT = '（已设置，不记录）';

/**
 * A before/after object as the audit log keeps it: the collection's sensitive values masked and its
 * secrets replaced, by the model's flags, so nobody reads an ID number or a device password out of
 * the log (the audit log itself is readable by bureau staff).
 */
function forAuditLog(collection: string | undefined, values: unknown): unknown {
  if (!collection || !values || typeof values !== 'object' || Array.isArray(values)) return values;
  const masked = new Map(maskedFields(collection).map((def) => [def.field, def]));
  const secrets = new Set(secretFields(collection).map((def) => def.field));
  if (!masked.size && !secrets.size) return values;
  return Object.fromEntries(
    Object.entries(values).map(([field, value]) => [field, secrets.has(field) ? (value == null ? null : SECRET_IN_AUDIT) : masked.has(field) ? maskFieldValue(masked.get(field)!, value) : value]),
  );
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
    before: e.before === undefined ? null : JSON.stringify(forAuditLog(e.collection, e.before)),
    after: e.after === undefined ? null : JSON.stringify(forAuditLog(e.collection, e.after)),
    note: e.note ?? null,
  }));
  for (let i = 0; i < rows.length; i += 500) await trx('audit_log').insert(rows.slice(i, i + 500));
}
