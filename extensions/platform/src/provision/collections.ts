import { createHash } from 'node:crypto';
import { COLLECTIONS, FOLDERS, USER_FIELDS } from '../../../../schema/model';
import type { CollectionDef, FieldDef, IndexDef } from '../../../../schema/model';
import { isSqlite } from '../db/values';
import { adminService, type ProvisionContext } from './context';
import { aliasesOf, aliasSort, collectionMeta, toAliasSpec, toFieldSpec } from './field-spec';
import { metaMatches } from './meta-diff';

/** Folders, collections, fields, relations and indexes; creates what is missing, refreshes studio metadata. */
export async function provisionCollections(ctx: ProvisionContext): Promise<void> {
  await provisionFolders(ctx);
  for (const [index, def] of COLLECTIONS.entries()) await provisionCollection(ctx, def, index + 1);
  await provisionFields(ctx, 'directus_users', USER_FIELDS, 100);
  for (const def of COLLECTIONS) await provisionRelations(ctx, def.collection, def.fields);
  await provisionRelations(ctx, 'directus_users', USER_FIELDS);
  for (const def of COLLECTIONS) await provisionAliases(ctx, def);
  for (const def of COLLECTIONS) await provisionIndexes(ctx, def);
}

async function provisionFolders(ctx: ProvisionContext): Promise<void> {
  const collections = await adminService(ctx, 'CollectionsService');
  for (const folder of FOLDERS) {
    const meta = {
      icon: folder.icon,
      sort: folder.sort,
      collapse: 'open',
      translations: [{ language: 'zh-CN', translation: folder.label, singular: folder.label, plural: folder.label }],
    };
    const stored = await ctx.database('directus_collections').where({ collection: folder.collection }).first();
    if (stored) {
      if (!metaMatches(stored, meta)) await collections.updateOne(folder.collection, { meta });
    } else {
      await collections.createOne({ collection: folder.collection, schema: null, meta });
      ctx.log(`folder ${folder.collection} created`);
    }
  }
}

async function provisionCollection(ctx: ProvisionContext, def: CollectionDef, sort: number): Promise<void> {
  const collections = await adminService(ctx, 'CollectionsService');
  const meta = collectionMeta(def, sort);
  if (await ctx.database.schema.hasTable(def.collection)) {
    const stored = await ctx.database('directus_collections').where({ collection: def.collection }).first();
    if (!metaMatches(stored, meta)) await collections.updateOne(def.collection, { meta });
  } else {
    await collections.createOne({
      collection: def.collection,
      schema: {},
      meta,
      fields: [
        {
          field: 'id',
          type: 'integer',
          schema: { is_primary_key: true, has_auto_increment: true },
          meta: { hidden: true, readonly: true, interface: 'input', translations: [{ language: 'zh-CN', translation: '编号' }] },
        },
      ],
    });
    ctx.log(`collection ${def.collection} created`);
  }
  await provisionFields(ctx, def.collection, def.fields, 1);
}

async function provisionFields(ctx: ProvisionContext, collection: string, fields: readonly FieldDef[], firstSort: number): Promise<void> {
  const stored = await storedFields(ctx, collection);
  // One schema read per collection: fields created here are not updated again in the same pass.
  const service = await adminService(ctx, 'FieldsService');
  for (const [index, def] of fields.entries()) {
    const spec = toFieldSpec(def, firstSort + index);
    const meta = spec['meta'] as Record<string, unknown>;
    if (stored.has(def.field)) {
      // Only studio metadata is refreshed: column types are never altered under existing data.
      if (!metaMatches(stored.get(def.field), meta)) await service.updateField(collection, { field: def.field, meta });
    } else {
      await service.createField(collection, spec);
      ctx.log(`field ${collection}.${def.field} created`);
    }
  }
}

async function provisionRelations(ctx: ProvisionContext, collection: string, fields: readonly FieldDef[]): Promise<void> {
  const missing = [];
  for (const def of fields) {
    if (def.m2o && !(await exists(ctx, 'directus_relations', { many_collection: collection, many_field: def.field }))) missing.push(def);
  }
  if (!missing.length) return;
  const relations = await adminService(ctx, 'RelationsService');
  for (const def of missing) {
    if (!def.m2o) continue;
    await relations.createOne({
      collection,
      field: def.field,
      related_collection: def.m2o.collection,
      schema: { on_delete: def.m2o.onDelete ?? 'SET NULL' },
      meta: { sort_field: null },
    });
  }
}

async function provisionAliases(ctx: ProvisionContext, def: CollectionDef): Promise<void> {
  const aliases = aliasesOf(def);
  if (!aliases.length) return;
  const stored = await storedFields(ctx, def.collection);
  const fields = await adminService(ctx, 'FieldsService');
  for (const [index, alias] of aliases.entries()) {
    const spec = toAliasSpec(alias, aliasSort(alias, index));
    const meta = spec['meta'] as Record<string, unknown>;
    if (stored.has(alias.field)) {
      if (!metaMatches(stored.get(alias.field), meta)) await fields.updateField(def.collection, { field: alias.field, meta });
    } else {
      await fields.createField(def.collection, spec);
    }
    if (alias.kind !== 'o2m' && alias.kind !== 'files') continue;
    // Point the relation's "one" side at the alias so the studio shows the list on the parent.
    const update: Record<string, unknown> = { one_field: alias.field };
    if (alias.kind === 'files') update['junction_field'] = 'directus_files_id';
    await ctx.database('directus_relations')
      .where({ many_collection: alias.related, many_field: alias.foreignKey })
      .update(update);
    if (alias.kind === 'files') {
      await ctx.database('directus_relations')
        .where({ many_collection: alias.related, many_field: 'directus_files_id' })
        .update({ junction_field: alias.foreignKey });
    }
  }
}

/**
 * Indexes by name. A partial index's name carries a hash of its condition, so changing the
 * condition (a new status that holds a key post) creates the new index and drops the old one
 * instead of leaving it in place under the same name.
 */
async function provisionIndexes(ctx: ProvisionContext, def: CollectionDef): Promise<void> {
  const existing = await indexNames(ctx, def.collection);
  const create = async (index: IndexDef, unique: boolean) => {
    const columns = Array.isArray(index) ? index : index.columns;
    const base = `${def.collection}_${columns.join('_')}`;
    const suffix = unique ? 'uniq' : 'idx';
    const name = Array.isArray(index) ? `${base}_${suffix}` : `${base}_${createHash('sha256').update(index.where).digest('hex').slice(0, 8)}_${suffix}`;
    if (!Array.isArray(index)) {
      const stale = new RegExp(`^${base}(_[0-9a-f]{8})?_${suffix}$`);
      for (const other of existing) if (other !== name && stale.test(other)) await ctx.database.raw(`drop index if exists "${other}"`);
    }
    const where = Array.isArray(index) ? '' : ` where ${index.where}`;
    const cols = columns.map((c) => `"${c}"`).join(', ');
    await ctx.database.raw(`create ${unique ? 'unique ' : ''}index if not exists "${name}" on "${def.collection}" (${cols})${where}`);
  };
  for (const index of def.uniques ?? []) await create(index, true);
  for (const index of def.indexes ?? []) await create(index, false);
}

async function indexNames(ctx: ProvisionContext, table: string): Promise<string[]> {
  const rows: { name: string }[] = isSqlite(ctx.database)
    ? await ctx.database('sqlite_master').select('name').where({ type: 'index', tbl_name: table })
    : await ctx.database('pg_indexes').select('indexname as name').where({ tablename: table }).andWhereRaw('schemaname = current_schema()');
  return rows.map((row) => row.name);
}

async function exists(ctx: ProvisionContext, table: string, where: Record<string, string>): Promise<boolean> {
  return Boolean(await ctx.database(table).where(where).first());
}

async function storedFields(ctx: ProvisionContext, collection: string): Promise<Map<string, Record<string, unknown>>> {
  const rows: Record<string, unknown>[] = await ctx.database('directus_fields').where({ collection });
  return new Map(rows.map((row) => [String(row['field']), row]));
}
