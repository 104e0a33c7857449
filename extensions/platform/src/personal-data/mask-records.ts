/**
 * Masks the sensitive fields of records read through Directus (items, GraphQL, exports) for anyone
 * but an administrator, at every depth: `GET /items/key_posts?fields=person.id_number` masks the
 * nested number as `GET /items/people` does. Field aliases (`alias[x]=id_number`, GraphQL aliases)
 * and aggregates (`min(id_number)`, group by id_number) are resolved to the real field first, so
 * no renaming gets a number out in clear. Which fields are sensitive comes from the model's flags.
 */
import { maskedFields, maskFieldValue } from '../../../../schema/model/field-flags';
import type { FieldDef } from '../../../../schema/model/types';

/** The part of Directus's schema overview this needs: its relations. */
export interface RelationsOverview {
  relations: readonly { collection: string; field: string; related_collection: string | null; meta?: { one_field?: string | null } | null }[];
}

/** The parts of a Directus query that rename or nest fields. */
export interface MaskQuery {
  alias?: Record<string, string> | null;
  deep?: Record<string, unknown> | null;
  aggregate?: Record<string, unknown> | null;
}

const maskedByCollection = new Map<string, ReadonlyMap<string, FieldDef>>();
function masked(collection: string): ReadonlyMap<string, FieldDef> {
  let map = maskedByCollection.get(collection);
  if (!map) maskedByCollection.set(collection, (map = new Map(maskedFields(collection).map((def) => [def.field, def]))));
  return map;
}

/** The collection a relational field of `collection` leads to (many-to-one or one-to-many), if any. */
function relatedCollection(schema: RelationsOverview, collection: string, field: string): string | null {
  for (const relation of schema.relations) {
    if (relation.collection === collection && relation.field === field && relation.related_collection) return relation.related_collection;
    if (relation.related_collection === collection && relation.meta?.one_field === field) return relation.collection;
  }
  return null;
}

/** A nested `deep` entry as a query: `{ _alias: {...}, child: {...} }` → `{ alias, deep: { child } }`. */
function deepQuery(deep: unknown): MaskQuery {
  if (!deep || typeof deep !== 'object') return {};
  const query: MaskQuery = { deep: {} };
  for (const [key, value] of Object.entries(deep)) {
    if (key === '_alias' && value && typeof value === 'object') query.alias = value as Record<string, string>;
    else if (!key.startsWith('_')) query.deep![key] = value;
  }
  return query;
}

/** Masks `records` (an array, one record, or null) of `collection` in place and returns them. */
export function maskRecords<T>(records: T, collection: string, query: MaskQuery, schema: RelationsOverview): T {
  const mask = (record: unknown, at: string, q: MaskQuery, depth: number): void => {
    if (!record || typeof record !== 'object' || depth > 12) return;
    if (Array.isArray(record)) {
      for (const row of record) mask(row, at, q, depth);
      return;
    }
    const row = record as Record<string, unknown>;
    const sensitive = masked(at);
    for (const key of Object.keys(row)) {
      const field = q.alias?.[key] ?? key;
      const value = row[key];
      const def = sensitive.get(field);
      if (def) row[key] = maskFieldValue(def, value);
      else if (value && typeof value === 'object') {
        // Aggregates: { min: { id_number: … } } are values of this collection's fields.
        if (q.aggregate && key in q.aggregate) mask(value, at, { alias: null }, depth + 1);
        else {
          const related = relatedCollection(schema, at, field);
          if (related) mask(value, related, deepQuery(q.deep?.[key]), depth + 1);
        }
      }
    }
  };
  mask(records, collection, query, 0);
  return records;
}
