/**
 * Who recorded what, rebuilt from the audit log (pure): in v1 a person's phone, photos and face were
 * one set of columns on `people`, overwritten by whichever project registered the person last; the
 * audit log kept, for every write, the project's employment and the values it replaced. Walking a
 * person's writes in order gives each employment the values it wrote: the value after write `w` is
 * the `before` of the next event that changed the field, or the current value if none did.
 *
 * - A field nobody's write explains (seeded data, studio edits) goes to every employment of the
 *   person: each project keeps seeing what it saw before the migration, nothing more.
 * - A value the audit kept masked (phones: `139****1111`) cannot be restored: that employment gets none.
 */

/** One audit row of the person: which employment wrote which fields, and what it replaced. */
export interface FactEvent {
  /** The employment that wrote `written` (null: the row only says what it replaced). */
  writer: number | null;
  written: readonly string[];
  /** Values of the fields this event changed, before it. */
  before: Readonly<Record<string, unknown>> | null;
}

/** A value the audit log kept masked, so not the real one. */
export function isMasked(value: unknown): boolean {
  return typeof value === 'string' && value.includes('*');
}

/**
 * The values of `fields` each employment recorded.
 * @example assignFacts(['phone'], { phone: '13900002222' }, events, [107, 108]) // → Map { 108 → { phone: '13900002222' } }
 */
export function assignFacts(
  fields: readonly string[],
  current: Readonly<Record<string, unknown>>,
  events: readonly FactEvent[],
  employments: readonly number[],
): Map<number, Record<string, unknown>> {
  const out = new Map<number, Record<string, unknown>>(employments.map((id) => [id, {}]));
  const set = (employment: number, field: string, value: unknown) => {
    const row = out.get(employment);
    if (row && value !== null && value !== undefined && !isMasked(value)) row[field] = value;
  };
  for (const field of fields) {
    const writes = events.flatMap((event, index) => (event.writer !== null && event.written.includes(field) ? [index] : []));
    if (!writes.length) {
      for (const id of employments) set(id, field, current[field]);
      continue;
    }
    for (const index of writes) {
      const next = events.slice(index + 1).find((event) => event.before !== null && field in event.before);
      set(events[index]!.writer!, field, next ? next.before![field] : current[field]);
    }
  }
  return out;
}
