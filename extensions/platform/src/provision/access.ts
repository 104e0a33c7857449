import { POLICIES, ROLES } from '../../../../schema/access/roles';
import { adminService, type ProvisionContext } from './context';

/** Policies, roles, role↔policy links and whole-collection permissions; adds what is missing, removes stale grants. */
export async function provisionAccess(ctx: ProvisionContext): Promise<void> {
  for (const policy of POLICIES) {
    const payload = {
      name: policy.name,
      icon: policy.icon,
      description: policy.description,
      app_access: policy.appAccess,
      admin_access: false,
      enforce_tfa: false,
    };
    await upsert(ctx, 'directus_policies', 'PoliciesService', policy.id, payload);
    await syncPermissions(ctx, policy.id, policy.grants);
  }
  await nameAdministrators(ctx);
  for (const role of ROLES) {
    await upsert(ctx, 'directus_roles', 'RolesService', role.id, { name: role.name, icon: role.icon, description: role.description });
    const linked = await ctx.database('directus_access').where({ role: role.id, policy: role.policy, user: null }).first();
    if (!linked) await (await adminService(ctx, 'AccessService')).createOne({ role: role.id, policy: role.policy });
  }
}

/**
 * The role, policy and first user `directus bootstrap` names "Administrator" / "Admin User", in
 * Chinese for the studio's lists (names set by hand are kept).
 */
async function nameAdministrators(ctx: ProvisionContext): Promise<void> {
  await ctx.database('directus_roles').where({ name: 'Administrator' }).update({ name: '管理员', description: '系统管理员（可管理所有数据与设置）' });
  await ctx.database('directus_policies').where({ name: 'Administrator', admin_access: true }).update({ name: '管理员' });
  await ctx.database('directus_users').where({ first_name: 'Admin', last_name: 'User' }).update({ first_name: '系统管理员', last_name: null });
}

async function upsert(ctx: ProvisionContext, table: string, service: string, id: string, payload: Record<string, unknown>): Promise<void> {
  const items = await adminService(ctx, service);
  if (await ctx.database(table).where({ id }).first()) await items.updateOne(id, payload);
  else {
    await items.createOne({ id, ...payload });
    ctx.log(`${table} ${payload['name']} created`);
  }
}

async function syncPermissions(ctx: ProvisionContext, policy: string, grants: Readonly<Record<string, readonly string[]>>): Promise<void> {
  const existing: { id: number; collection: string; action: string }[] = await ctx.database('directus_permissions')
    .select('id', 'collection', 'action')
    .where({ policy });
  const wanted = new Set(Object.entries(grants).flatMap(([collection, actions]) => actions.map((a) => `${collection}:${a}`)));
  const have = new Set(existing.map((p) => `${p.collection}:${p.action}`));
  const permissions = await adminService(ctx, 'PermissionsService');
  const stale = existing.filter((p) => !wanted.has(`${p.collection}:${p.action}`)).map((p) => p.id);
  if (stale.length) await permissions.deleteMany(stale);
  const missing = [...wanted].filter((key) => !have.has(key)).map((key) => {
    const [collection, action] = key.split(':');
    return { policy, collection, action, fields: ['*'], permissions: {}, validation: null, presets: null };
  });
  if (missing.length) await permissions.createMany(missing);
}
