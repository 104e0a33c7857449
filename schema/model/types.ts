/**
 * Typed collection definitions. The provisioner (extensions/platform/src/provision) turns these
 * into Directus collections, fields, relations and indexes, idempotently, on SQLite and PostgreSQL.
 */
import type { CodeList } from '../codes/code-list';

export type FieldType =
  | 'string'
  | 'text'
  | 'integer'
  | 'bigInteger'
  | 'float'
  | 'decimal'
  | 'boolean'
  | 'date'
  | 'dateTime'
  | 'timestamp'
  | 'json';

export interface FieldDef {
  field: string;
  type: FieldType;
  /** Studio label (zh-CN). */
  label: string;
  note?: string;
  required?: boolean;
  unique?: boolean;
  /** Database default value. */
  default?: string | number | boolean;
  maxLength?: number;
  precision?: number;
  scale?: number;
  /** Renders a dropdown (or radio) with these choices; the API validates against the same list. */
  choices?: CodeList;
  /** Many-to-one: the related collection (`directus_files` for images). */
  m2o?: { collection: string; onDelete?: 'SET NULL' | 'CASCADE' | 'NO ACTION' };
  /** Hidden in the studio item form. */
  hidden?: boolean;
  readonly?: boolean;
  width?: 'half' | 'full';
  interface?: string;
  display?: string;
  options?: Record<string, unknown>;
  displayOptions?: Record<string, unknown>;
  /** Directus `special` flags such as `date-created`, `cast-json`. */
  special?: string[];
  /** Sensitive personal data: masked by the display in list views. */
  sensitive?: boolean;
  /**
   * A write-only secret (a device's key, an API password): stored encrypted with Directus's `encrypt`
   * special (SECRET is the key); every accountable read (REST, GraphQL, studio, exports, revisions)
   * shows `**********`; only internal reads without accountability decrypt it.
   */
  secret?: true;
}

/** A one-to-many or many-to-many alias field shown in the studio. */
export interface RelationAliasDef {
  field: string;
  label: string;
  kind: 'o2m' | 'files';
  /** For o2m: the collection whose `foreignKey` points here. For files: the junction collection. */
  related: string;
  foreignKey: string;
  note?: string;
}

/**
 * Buttons on the studio's item page (Directus `presentation-links`) opening a URL built from the
 * item, e.g. `../../../platform/exports/studio?kind=roster&project={{id}}`. A URL starting with `/`
 * would be taken as a studio route, so endpoint links are relative to `/admin/content/<collection>/<id>`.
 */
export interface LinksAliasDef {
  field: string;
  label: string;
  kind: 'links';
  links: readonly { label: string; icon: string; url: string }[];
  note?: string;
}

export type AliasDef = RelationAliasDef | LinksAliasDef;

export interface CollectionDef {
  collection: string;
  label: string;
  singular?: string;
  note: string;
  icon: string;
  displayTemplate?: string;
  sortField?: string;
  /** Directus group (folder) in the studio navigation. */
  group?: string;
  hidden?: boolean;
  fields: FieldDef[];
  aliases?: AliasDef[];
  /**
   * Composite or partial unique indexes, created with `CREATE UNIQUE INDEX IF NOT EXISTS`
   * (both SQLite and PostgreSQL support the partial `where`).
   */
  uniques?: IndexDef[];
  /** Plain indexes for the hot queries. */
  indexes?: IndexDef[];
  /** Append-only collections: no update or delete for anyone but administrators. */
  appendOnly?: boolean;
}

/** Columns, or columns with a partial-index condition in portable SQL. */
export type IndexDef = string[] | { columns: string[]; where: string };
