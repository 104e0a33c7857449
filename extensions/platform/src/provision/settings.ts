import { adminService, type ProvisionContext } from './context';
import { metaMatches } from './meta-diff';
import { BOOKMARKS, LIST_LAYOUTS, SETTINGS } from '../../../../schema/studio';

/** Studio settings (language, name, login attempts), default list layouts and the bureau's shared bookmarks. */
export async function provisionSettings(ctx: ProvisionContext): Promise<void> {
  const settings = await adminService(ctx, 'SettingsService');
  await settings.upsertSingleton(SETTINGS);
  for (const [collection, layout] of Object.entries(LIST_LAYOUTS)) {
    // A preset with no bookmark, user or role is the collection's default for everyone.
    const where = { collection, bookmark: null, user: null, role: null };
    const payload = { ...where, layout: 'tabular', layout_query: { tabular: { fields: layout.fields, sort: layout.sort, limit: 50 } } };
    const existing = await ctx.database('directus_presets').where(where).first();
    const presets = await adminService(ctx, 'PresetsService');
    if (!existing) await presets.createOne(payload);
    else if (!metaMatches(existing, { layout_query: payload.layout_query })) await presets.updateOne(existing.id, payload);
  }
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
    if (!existing) await presets.createOne(payload);
    else if (!metaMatches(existing, payload)) await presets.updateOne(existing.id, payload);
  }
}
