import type { Knex } from 'knex';

/** Device pins are zero-padded numbers, like the demo city's '000042'. */
export const DEVICE_PIN_WIDTH = 6;

/**
 * The next device pin (设备工号) of a project: one above the highest ever issued there, so a pin
 * freed by an exit is never handed to someone else while a device may still hold it. A concurrent
 * registration taking the same pin is refused by the unique (project, device_pin) index; the
 * caller retries.
 */
export async function nextDevicePin(trx: Knex, projectId: number): Promise<string> {
  // Compared as numbers in code: a pin someone typed by hand ('T12') must not break the cast on PostgreSQL.
  const pins: { device_pin: string | null }[] = await trx('employments').where({ project: projectId }).select('device_pin');
  let highest = 0;
  for (const { device_pin: pin } of pins) if (pin && /^\d{1,9}$/.test(pin)) highest = Math.max(highest, Number(pin));
  return String(highest + 1).padStart(DEVICE_PIN_WIDTH, '0');
}
