/**
 * The query of the 日趋势 panel (platform-trend), the same one the studio's core time-series panel
 * builds from the same options: group by the date's parts, one aggregate, the last `range`. One
 * definition for the panel (extensions/platform/src/app/panels/trend) and for the benchmark and test
 * that replay the dashboard's queries (scripts/lib/insights-queries.ts). No runtime imports: scripts
 * load it with Node's type stripping.
 */

/** The date parts a time series groups by, per precision (the studio's own table). */
export const GROUP_PARTS: Readonly<Record<string, readonly string[]>> = {
  year: ['year'],
  month: ['year', 'month'],
  week: ['year', 'month', 'week'],
  day: ['year', 'month', 'day'],
  hour: ['year', 'month', 'day', 'hour'],
  minute: ['year', 'month', 'day', 'hour', 'minute'],
  second: ['year', 'month', 'day', 'hour', 'minute', 'second'],
};

export interface SeriesQuery {
  collection: string;
  query: { group: string[]; aggregate: Record<string, string[]>; filter: Record<string, unknown>; limit: number };
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The time-series query of a panel's options (collection, dateField, valueField, function, precision, range, filter). */
export function trendQuery(options: Record<string, unknown>): SeriesQuery {
  const dateField = str(options['dateField']);
  const parts = GROUP_PARTS[str(options['precision']) || 'hour'] ?? [];
  const range = str(options['range']) || '1 week';
  const filter = (options['filter'] ?? {}) as Record<string, unknown>;
  return {
    collection: str(options['collection']),
    query: {
      group: parts.map((part) => `${part}(${dateField})`),
      aggregate: { [str(options['function'])]: [str(options['valueField'])] },
      filter: { _and: [filter, ...(range === 'auto' ? [] : [{ [dateField]: { _gte: `$NOW(-${range})` } }, { [dateField]: { _lte: '$NOW' } }])] },
      limit: -1,
    },
  };
}
