/**
 * A device secret in clear, for checking what a terminal presents. The column holds Directus's
 * `encrypt` ciphertext (scrypt + AES-GCM with SECRET, tens of milliseconds to open); this process
 * opens each ciphertext once, through Directus's own system read, and remembers the clear text by
 * ciphertext, so the ingest hot path never decrypts and a changed secret is seen at once.
 */
import { createItemsService, type DirectusApi } from '../../directus';

const MAX_ENTRIES = 10_000;
const opened = new Map<string, string | null>();

/** The clear text of device `id`'s secret whose stored ciphertext is `cipher`. */
export async function openDeviceSecret(api: DirectusApi, id: number, cipher: string): Promise<string | null> {
  const known = opened.get(cipher);
  if (known !== undefined) return known;
  const service = await createItemsService(api, 'devices');
  const row = (await service.readOne(id, { fields: ['auth_secret'] })) as { auth_secret?: unknown } | null;
  // A ciphertext Directus cannot open (SECRET changed) reads as null: the device is then refused.
  const plain = typeof row?.auth_secret === 'string' && row.auth_secret !== '' ? row.auth_secret : null;
  // Remembered only if the row still holds the ciphertext we were asked about (no save in between).
  const stored = await api.database('devices').where({ id }).first('auth_secret');
  if (stored?.auth_secret !== cipher) return plain;
  if (opened.size >= MAX_ENTRIES) opened.clear();
  opened.set(cipher, plain);
  return plain;
}
