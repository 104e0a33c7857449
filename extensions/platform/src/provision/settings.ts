import { adminService, type ProvisionContext } from './context';
import { BOOKMARKS, SETTINGS } from '../../../../schema/studio';

/** Studio settings (language, name, login attempts) and the bureau's shared bookmarks. */
export async function provisionSettings(ctx: ProvisionContext): Promise<void> {
  const settings = await adminService(ctx, 'SettingsService');
  await settings.upsertSingleton(SETTINGS);
  for (const bookmark of BOOKMARKS) {
    const presets = await adminService(ctx, 'PresetsService');
    const payload = {
      bookmark: bookmark.name,
      collection: bookmark.collection,
      role: bookmark.role,
      user: null,
      icon: bookmark.icon,
      layout: 'tabular',
      layout_query: { tabular: { fields: bookmark.fields, sort: bookmark.sort } },
      filter: bookmark.filter,
    };
    const existing = await ctx.database('directus_presets').where({ bookmark: bookmark.name, collection: bookmark.collection }).first();
    if (existing) await presets.updateOne(existing.id, payload);
    else await presets.createOne(payload);
  }
}
