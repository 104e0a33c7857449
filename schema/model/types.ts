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
  /**
   * Sensitive personal data (ID numbers, phones, bank cards, addresses, ID and face photos): every
   * read through Directus by anyone but an administrator returns it masked, the studio shows it in
   * full only through the audited 查看完整信息 action, and photos only through the audited viewer.
   */
  sensitive?: boolean;
  /**
   * For a sensitive JSON object whose keys are fields of another collection (an employment's
   * `id_card` holds the card's address, issuing authority and dates as `people` names them): inside
   * it each key is masked exactly as that collection's field is, so the address is masked here as
   * on `people` and the dates stay readable.
   */
  fieldsOf?: string;
  /**
   * A write-only secret (a device's key, an API password): stored encrypted with Directus's `encrypt`
   * special (SECRET is the key); every accountable read (REST, GraphQL, studio, exports, revisions)
   * shows `**********`; only internal reads without accountability decrypt it. Never revealed by
   * 查看完整信息 and never written to the audit log in clear (a change is audited as 已更改).
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

/**
 * A panel of our studio extension on the item page (extensions/platform/src/app/interfaces):
 * - `review`: the bureau's decision on this record, offered only in the state it applies to, and
 *   its outcome (projects: the issued account and its status);
 * - `history`: the record's own audit log, in Chinese;
 * - `reveal`: 查看完整信息 (audited); not declared, provisioning adds it to every collection with
 *   masked sensitive fields.
 */
export interface StudioAliasDef {
  field: string;
  label: string;
  kind: 'review' | 'history' | 'reveal';
  note?: string;
}

export type AliasDef = RelationAliasDef | LinksAliasDef | StudioAliasDef;

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
  /** Changes people make through Directus (studio, REST) are written to the audit log with before and after. */
  auditChanges?: boolean;
}

/** Columns, or columns with a partial-index condition in portable SQL. */
export type IndexDef = string[] | { columns: string[]; where: string };
