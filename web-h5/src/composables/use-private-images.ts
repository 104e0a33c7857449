import { onBeforeUnmount, reactive } from 'vue';
import { fetchPrivateFile } from '@/api/files';

/**
 * Blob URLs for private files (`/platform/files/:id` needs the session token, which an `<img>`
 * cannot send). URLs are revoked when the page goes away or a file is forgotten.
 * @example const images = usePrivateImages(); await images.load(ids); images.urlOf(ids[0])
 */
export function usePrivateImages() {
  const urls = reactive(new Map<string, string>());
  const failed = reactive(new Set<string>());

  /** Loads the files not loaded yet; a file that cannot be read is remembered in `failed`. */
  async function load(ids: readonly (string | null | undefined)[]): Promise<void> {
    const missing = ids.filter((id): id is string => Boolean(id) && !urls.has(id!) && !failed.has(id!));
    await Promise.all(
      missing.map(async (id) => {
        try {
          urls.set(id, URL.createObjectURL(await fetchPrivateFile(id)));
        } catch {
          failed.add(id);
        }
      }),
    );
  }

  function urlOf(id: string | null | undefined): string {
    return (id && urls.get(id)) || '';
  }

  function forget(id: string): void {
    const url = urls.get(id);
    if (url) URL.revokeObjectURL(url);
    urls.delete(id);
  }

  onBeforeUnmount(() => {
    for (const url of urls.values()) URL.revokeObjectURL(url);
    urls.clear();
  });

  return { load, urlOf, forget, failed };
}
