import { COLLECTIONS } from '../../../../schema/model';
import { writeAudit } from '../audit/write-audit';
import { fromDbRow } from '../db/values';
import type { DirectusApi } from '../directus';
import type { ActionRegistrar, Accountability, FilterRegistrar } from './registrars';

type Row = Record<string, unknown>;

/**
 * Changes people make through Directus (studio forms, REST) to collections the model marks
 * `auditChanges` (devices: binding, status, direction, name, API settings) are written to the audit
 * log with the changed fields before and after (write-audit.ts masks personal data and hides
 * secrets). The rows as they were are read in the filter, before Directus writes, and the audit row
 * written in the action, after it committed; our own service calls (no accountability) are not
 * studio changes and audit themselves.
 */
export function auditStudioChanges(filter: FilterRegistrar, action: ActionRegistrar, api: DirectusApi): void {
  // Rows as they were before an update or delete, by collection and keys, until the action runs.
  const before = new Map<string, Row[]>();
  const keyOf = (collection: string, keys: unknown[]) => `${collection}|${keys.map(String).sort().join(',')}`;

  for (const { collection } of COLLECTIONS.filter((def) => def.auditChanges)) {
    const load = async (keys: unknown[]): Promise<Row[]> => (await api.database(collection).whereIn('id', keys.map(Number))).map((row: Row) => fromDbRow(collection, row));

    filter(`${collection}.items.update`, async (payload, meta, context) => {
      if (context.accountability) before.set(keyOf(collection, meta['keys'] ?? []), await load(meta['keys'] ?? []));
      return payload;
    });
    filter(`${collection}.items.delete`, async (keys, _meta, context) => {
      if (context.accountability) before.set(keyOf(collection, keys ?? []), await load(keys ?? []));
      return keys;
    });

    action(`${collection}.items.create`, async (meta, context) => {
      if (!context.accountability) return;
      await audit(context.accountability, 'record.create', meta['key'], undefined, meta['payload'] as Row);
    });
    action(`${collection}.items.update`, async (meta, context) => {
      if (!context.accountability) return;
      const keys: unknown[] = meta['keys'] ?? [];
      const rows = before.get(keyOf(collection, keys)) ?? [];
      before.delete(keyOf(collection, keys));
      const changes = meta['payload'] as Row;
      for (const key of keys) {
        const old = rows.find((row) => String(row['id']) === String(key));
        await audit(context.accountability, 'record.update', key, old ? pick(old, Object.keys(changes)) : undefined, changes, old);
      }
    });
    action(`${collection}.items.delete`, async (meta, context) => {
      if (!context.accountability) return;
      const keys: unknown[] = meta['keys'] ?? meta['payload'] ?? [];
      const rows = before.get(keyOf(collection, keys)) ?? [];
      before.delete(keyOf(collection, keys));
      for (const key of keys) await audit(context.accountability, 'record.delete', key, rows.find((row) => String(row['id']) === String(key)), undefined);
    });

    async function audit(who: Accountability, what: 'record.create' | 'record.update' | 'record.delete', key: unknown, was: Row | undefined, now: Row | undefined, old?: Row): Promise<void> {
      const project = now?.['project'] ?? was?.['project'] ?? old?.['project'];
      await writeAudit(api.database, {
        actor: who.user ?? null,
        actorKind: 'user',
        project: project === undefined || project === null ? null : Number(project),
        action: what,
        collection,
        item: String(key),
        ...(was ? { before: was } : {}),
        ...(now ? { after: now } : {}),
      });
    }
  }
}

function pick(row: Row, fields: string[]): Row {
  return Object.fromEntries(fields.map((field) => [field, row[field] ?? null]));
}
