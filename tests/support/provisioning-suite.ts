import type { Knex } from 'knex';
import { expect, test } from 'vitest';
import { COLLECTIONS, FOLDERS } from '../../schema/model';
import { prepareDatabase, type Env } from '../../scripts/lib/directus.ts';
import { countRows } from './db';

const COUNTED = [
  'directus_collections', 'directus_fields', 'directus_relations', 'directus_roles', 'directus_policies', 'directus_access',
  'directus_permissions', 'directus_flows', 'directus_operations', 'directus_presets', 'directus_users', 'directus_settings',
  'directus_dashboards', 'directus_panels',
  'projects', 'units', 'project_units', 'teams', 'people', 'employments', 'key_posts', 'contracts', 'devices', 'punches',
] as const;

/**
 * Provisioning checks shared by the SQLite and PostgreSQL runs: a second bootstrap + provision +
 * seed changes nothing, and the model stays inside the Directus Core tier.
 * @example provisioningSuite(() => env, () => db);
 */
export function provisioningSuite(env: () => Env, db: () => Knex): void {
  test('a second provision and seed on the same database applies nothing twice', async () => {
    const snapshot = async () => Object.fromEntries(await Promise.all(COUNTED.map(async (t) => [t, await countRows(db(), t)] as const)));
    const before = await snapshot();
    const panelsBefore = await db()('directus_panels').select('*').orderBy('id');
    expect(before['projects']).toBeGreaterThanOrEqual(4);
    expect(before['directus_flows']).toBeGreaterThanOrEqual(1);
    await prepareDatabase(env(), 'small', true);
    expect(await snapshot()).toEqual(before);
    expect(await db()('directus_panels').select('*').orderBy('id')).toEqual(panelsBefore);
  });

  test('the model fits the Core tier: ≤ 25 active collections, ≤ 5 active flows, no permission rules', async () => {
    const userCollections = (await db()('directus_collections').select('collection', 'status')).filter(
      (c) => !String(c.collection).startsWith('directus_') && COLLECTIONS.some((d) => d.collection === c.collection),
    );
    expect(userCollections.length).toBe(COLLECTIONS.length);
    expect(userCollections.length).toBeLessThanOrEqual(25);
    expect(await countRows(db(), 'directus_collections')).toBe(COLLECTIONS.length + FOLDERS.length);
    const [flows] = await db()('directus_flows').where({ status: 'active' }).count({ n: '*' });
    expect(Number(flows?.['n'])).toBeLessThanOrEqual(5);
    const permissions = await db()('directus_permissions').select('permissions', 'validation', 'presets', 'fields');
    for (const p of permissions) {
      expect([null, '{}', '']).toContain(typeof p.permissions === 'string' ? p.permissions : p.permissions && JSON.stringify(p.permissions));
      expect(p.validation ?? null).toBeNull();
      expect(p.presets ?? null).toBeNull();
      expect(String(p.fields)).toBe('*');
    }
  });
}
