import { STUDIO_TRANSLATIONS } from '../../../../schema/studio-translations';
import type { ProvisionContext } from './context';

const LANGUAGE = 'zh-CN';

/**
 * The studio's missing Chinese strings as translation strings (schema/studio-translations.ts): rows
 * of `directus_translations` by language and key, created or corrected, never duplicated.
 */
export async function provisionTranslations(ctx: ProvisionContext): Promise<void> {
  const stored: { id: string; key: string; value: string }[] = await ctx.database('directus_translations').select('id', 'key', 'value').where({ language: LANGUAGE });
  const byKey = new Map(stored.map((row) => [row.key, row]));
  const missing = [];
  for (const [key, value] of Object.entries(STUDIO_TRANSLATIONS)) {
    const row = byKey.get(key);
    if (!row) missing.push({ id: crypto.randomUUID(), language: LANGUAGE, key, value });
    else if (row.value !== value) await ctx.database('directus_translations').where({ id: row.id }).update({ value });
  }
  if (missing.length) {
    await ctx.database('directus_translations').insert(missing);
    ctx.log(`${missing.length} studio translation strings created`);
  }
}
