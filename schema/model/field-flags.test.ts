import { describe, expect, test } from 'vitest';
import { maskedFields, readonlyFields, secretFields } from './field-flags';
import { COLLECTIONS } from './index';

const names = (defs: readonly { field: string }[]) => defs.map((def) => def.field);

describe('field flags', () => {
  test('a secret is never among the fields 查看完整信息 reveals, in any collection', () => {
    for (const { collection } of COLLECTIONS) {
      const secrets = new Set(names(secretFields(collection)));
      expect(names(maskedFields(collection)).filter((field) => secrets.has(field)), collection).toEqual([]);
    }
  });

  test('devices: the key and the terminal’s API password are secret, what the terminal reports is machine-written, the binding and access settings are not', () => {
    expect(names(secretFields('devices'))).toEqual(['auth_secret', 'api_password']);
    expect(maskedFields('devices')).toEqual([]);
    const machine = names(readonlyFields('devices'));
    expect(machine).toEqual(expect.arrayContaining(['last_seen_at', 'last_ip', 'attlog_stamp', 'clock_error_at', 'clock_error', 'bound_at', 'auth_ip', 'auth_at', 'synced_project']));
    for (const field of ['project', 'name', 'status', 'direction', 'auth_secret', 'allowed_ips', 'api_url', 'api_user', 'api_password']) expect(machine, field).not.toContain(field);
  });

  test('device events are written by terminals only: every field is machine-written', () => {
    const def = COLLECTIONS.find((c) => c.collection === 'device_events')!;
    expect(names(readonlyFields('device_events')).sort()).toEqual(names(def.fields).sort());
  });
});
