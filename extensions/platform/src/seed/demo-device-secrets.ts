import type { Knex } from 'knex';
import { demoDeviceSecret } from '../../../../seeds/catalogue';
import { createItemsService, type DirectusApi } from '../directus';

/**
 * Gives the demo city's bound terminals their published secrets (`demoDeviceSecret`), through
 * Directus's ItemsService so they are stored encrypted as any secret saved in the studio is.
 */
export async function setDemoDeviceSecrets(api: DirectusApi, trx: Knex, devices: readonly Record<string, unknown>[]): Promise<void> {
  const service = await createItemsService(api, 'devices', trx);
  for (const device of devices) {
    if (device['project'] === null || device['project'] === undefined) continue;
    await service.updateOne(device['id'], { auth_secret: demoDeviceSecret(String(device['sn'])) }, { emitEvents: false });
  }
}
