import { toChoices } from '../../../../schema/codes';
import { COLLECTIONS } from '../../../../schema/model';
import type { AliasDef, CollectionDef, FieldDef } from '../../../../schema/model';

const ZH = 'zh-CN';

/** Directus field payload (schema + meta) for one typed field definition. */
export function toFieldSpec(def: FieldDef, sort: number): Record<string, unknown> {
  const isFile = def.m2o?.collection === 'directus_files';
  const choices = def.choices ? toChoices(def.choices) : undefined;
  return {
    field: def.field,
    type: isFile ? 'uuid' : def.type,
    schema: {
      is_nullable: !def.required,
      is_unique: def.unique ?? false,
      default_value: def.default ?? null,
      ...(def.maxLength ? { max_length: def.maxLength } : {}),
      ...(def.precision ? { numeric_precision: def.precision, numeric_scale: def.scale ?? 0 } : {}),
    },
    meta: fieldMeta(def, sort, isFile, choices),
  };
}

function fieldMeta(def: FieldDef, sort: number, isFile: boolean, choices: { text: string; value: string }[] | undefined) {
  return {
    interface: def.interface ?? defaultInterface(def, isFile, Boolean(choices)),
    options: def.options ?? (choices ? { choices } : defaultOptions(def)),
    display: def.display ?? defaultDisplay(def, isFile, Boolean(choices)),
    display_options: def.displayOptions ?? (choices ? { choices: choices.map((c) => ({ text: c.text, value: c.value })) } : relatedTemplate(def)),
    special: def.special ?? (def.secret ? ['encrypt'] : def.type === 'json' ? ['cast-json'] : isFile ? ['file'] : def.m2o ? ['m2o'] : def.type === 'boolean' ? ['cast-boolean'] : null),
    required: def.required ?? false,
    readonly: def.readonly ?? false,
    hidden: def.hidden ?? false,
    width: def.width ?? 'full',
    note: def.note ?? null,
    sort,
    translations: [{ language: ZH, translation: def.label }],
  };
}

function defaultInterface(def: FieldDef, isFile: boolean, hasChoices: boolean): string {
  if (isFile) return 'file-image';
  if (def.m2o) return 'select-dropdown-m2o';
  if (def.secret) return 'input';
  if (hasChoices) return 'select-dropdown';
  switch (def.type) {
    case 'boolean':
      return 'boolean';
    case 'date':
    case 'dateTime':
    case 'timestamp':
      return 'datetime';
    case 'json':
      return 'input-code';
    case 'text':
      return 'input-multiline';
    default:
      return 'input';
  }
}

function defaultOptions(def: FieldDef): Record<string, unknown> | null {
  // A secret is typed blind and never shown again (reads give `**********`).
  if (def.secret) return { masked: true, trim: true };
  if (def.type === 'json') return { language: 'JSON' };
  if (def.m2o && def.m2o.collection !== 'directus_files') return relatedTemplate(def);
  return null;
}

/** A many-to-one shows the related item by its collection's display template, not its id. */
function relatedTemplate(def: FieldDef): { template: string } | null {
  const related = COLLECTIONS.find((c) => c.collection === def.m2o?.collection);
  return related?.displayTemplate ? { template: related.displayTemplate } : null;
}

function defaultDisplay(def: FieldDef, isFile: boolean, hasChoices: boolean): string | null {
  if (isFile) return 'image';
  if (def.m2o) return 'related-values';
  if (hasChoices) return 'labels';
  if (def.type === 'boolean') return 'boolean';
  if (def.type === 'date' || def.type === 'timestamp' || def.type === 'dateTime') return 'datetime';
  return null;
}

/** Alias field (one-to-many list or files many-to-many) shown on the parent item. */
export function toAliasSpec(def: AliasDef, sort: number): Record<string, unknown> {
  if (def.kind === 'links') {
    return {
      field: def.field,
      type: 'alias',
      schema: null,
      meta: {
        interface: 'presentation-links',
        special: ['alias', 'no-data'],
        options: { links: def.links.map((link) => ({ label: link.label, icon: link.icon, type: 'normal', actionType: 'url', url: link.url })) },
        display: null,
        width: 'full',
        sort,
        note: def.note ?? null,
        translations: [{ language: ZH, translation: def.label }],
      },
    };
  }
  const files = def.kind === 'files';
  return {
    field: def.field,
    type: 'alias',
    schema: null,
    meta: {
      interface: files ? 'files' : 'list-o2m',
      special: [files ? 'files' : 'o2m'],
      options: null,
      display: 'related-values',
      width: 'full',
      sort,
      note: def.note ?? null,
      translations: [{ language: ZH, translation: def.label }],
    },
  };
}

/** Collection meta: Chinese name, icon, display template, studio folder. */
export function collectionMeta(def: CollectionDef, sort: number): Record<string, unknown> {
  return {
    icon: def.icon,
    note: def.note,
    display_template: def.displayTemplate ?? null,
    hidden: def.hidden ?? false,
    group: def.group ?? null,
    sort,
    archive_field: null,
    accountability: def.appendOnly ? null : 'all',
    translations: [{ language: ZH, translation: def.label, singular: def.singular ?? def.label, plural: def.label }],
  };
}
