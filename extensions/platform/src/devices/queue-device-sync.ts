import type { Knex } from 'knex';

/** What changed for a person on a project that devices must learn. */
export type DeviceSyncKind = 'enrol' | 'face' | 'card' | 'remove';

/**
 * Queues, in the caller's transaction, the commands that bring every active device of each
 * employment's project in line with the change (enrol a person, send a face, change a card,
 * remove a person). Every write to people/employments that devices care about calls this.
 */
export async function queueDeviceSync(trx: Knex, employmentIds: readonly number[], kind: DeviceSyncKind): Promise<void> {
  // Filled in by the device-protocol work (issue 6); callers already use this contract.
  void trx;
  void employmentIds;
  void kind;
}
