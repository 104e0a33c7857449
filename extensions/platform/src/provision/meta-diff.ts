/**
 * Whether a stored `directus_fields` / `directus_collections` row already carries the wanted meta,
 * so a second provisioning run writes nothing. Stored values are normalised first: JSON columns
 * may be text, `special` is comma-separated, booleans may be 0/1 (SQLite).
 */
const JSON_KEYS = new Set(['options', 'display_options', 'translations', 'conditions', 'validation', 'layout_query', 'filter']);
const BOOLEAN_KEYS = new Set(['readonly', 'hidden', 'required', 'singleton']);

function normalise(key: string, value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null;
  if (JSON_KEYS.has(key) && typeof value === 'string') return JSON.parse(value);
  if (key === 'special') return Array.isArray(value) ? value : String(value).split(',');
  if (BOOLEAN_KEYS.has(key)) return Boolean(value);
  if (key === 'sort') return Number(value);
  return value;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** True when every key of `wanted` equals the stored row's value. */
export function metaMatches(row: Record<string, unknown> | undefined, wanted: Record<string, unknown>): boolean {
  if (!row) return false;
  return Object.entries(wanted).every(([key, value]) => canonical(normalise(key, row[key])) === canonical(normalise(key, value)));
}
