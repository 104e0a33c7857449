/**
 * The GraphQL request the Directus 12.4 studio sends for an Insights panel, rebuilt from the
 * panel's options the way the studio does (node_modules/@directus/app: each core panel's `query()`,
 * then the insights store turns every panel query into one aliased field of a `POST /graphql`
 * query). Used by the dashboard test and benchmark to ask exactly what the dashboard asks.
 */
import type { PanelDef } from '../../schema/insights.ts';
import { trendQuery } from '../../schema/insights-query.ts';

export interface PanelQuery {
  collection: string;
  query: {
    fields?: string[];
    filter?: Record<string, unknown>;
    sort?: string | string[];
    limit?: number;
    aggregate?: Record<string, string[]>;
    group?: string[];
  };
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Fields a display template names (`{{project.name}}` → `project.name`). */
function templateFields(template: string): string[] {
  return [...template.matchAll(/{{\s*([\w.]+)\s*}}/g)].map((match) => match[1]!);
}

/** What the panel type's `query(options)` returns in the studio. */
export function panelQuery(panel: PanelDef): PanelQuery {
  const o = panel.options;
  const collection = str(o['collection']);
  const filter = (o['filter'] ?? {}) as Record<string, unknown>;
  switch (panel.type) {
    case 'metric': {
      const fn = str(o['function']);
      const firstOrLast = fn === 'first' || fn === 'last';
      const query: PanelQuery['query'] = firstOrLast
        ? { sort: `${fn === 'last' ? '-' : ''}${str(o['sortField'])}`, limit: 1, fields: [str(o['field'])] }
        : { limit: 1, aggregate: { [fn]: [str(o['field']) || '*'] } };
      if (Object.keys(filter).length) query.filter = filter;
      return { collection, query };
    }
    case 'list': {
      const sortField = str(o['sortField']) || 'id';
      return {
        collection,
        query: {
          filter,
          fields: ['id', ...templateFields(str(o['displayTemplate']))],
          sort: o['sortDirection'] === 'asc' ? sortField : `-${sortField}`,
          limit: typeof o['limit'] === 'number' ? o['limit'] : 5,
        },
      };
    }
    // Our 日趋势 panel asks exactly what the core time-series panel would (schema/insights-query.ts).
    case 'time-series':
    case 'platform-trend':
      return trendQuery(o);
  }
}

/** GraphQL literal of an argument value (json-to-graphql-query's rendering). */
function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, v]) => `${key}: ${literal(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** A selection set from dot paths (`project.name` → `project { name }`). */
function selection(paths: readonly string[]): string {
  const tree = new Map<string, string[]>();
  for (const path of paths) {
    const [head, ...rest] = path.split('.');
    if (!tree.has(head!)) tree.set(head!, []);
    if (rest.length) tree.get(head!)!.push(rest.join('.'));
  }
  return [...tree].map(([field, children]) => (children.length ? `${field} { ${selection(children)} }` : field)).join(' ');
}

/** The aliased field `alias: collection(args) { … }` the studio puts in its one dashboard query. */
export function graphqlField(alias: string, { collection, query }: PanelQuery): string {
  const args: Record<string, unknown> = {};
  for (const key of ['limit', 'sort', 'filter'] as const) if (query[key] !== undefined) args[key] = query[key];
  let body: string;
  let name = collection;
  if (query.aggregate && Object.keys(query.aggregate).length) {
    name = `${collection}_aggregated`;
    body = Object.entries(query.aggregate)
      .map(([fn, fields]) => `${fn} { ${fields.join(' ')} }`)
      .join(' ');
    if (query.group) {
      args['groupBy'] = query.group;
      body += ' group';
    }
  } else body = selection(query.fields ?? ['id']);
  const argList = Object.entries(args)
    .map(([key, value]) => `${key}: ${literal(value)}`)
    .join(', ');
  return `${alias}: ${name}${argList ? ` (${argList})` : ''} { ${body} }`;
}

/** The whole `POST /graphql` body for `panels` (the studio batches every panel of a dashboard). */
export function dashboardQuery(panels: readonly PanelDef[]): string {
  return `query { ${panels
    .map((panel, i) => graphqlField(`query_${i}`, panelQuery(panel)))
    .join(' ')} }`;
}
