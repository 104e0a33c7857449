import { describe, expect, test } from 'vitest';
import { parseUniubiCallback } from './parse-recognition';

const form = { deviceKey: 'UNI84E0F42B7C15', personId: '2001', time: '1772494265000', type: 'face_0', recMode: '1', aliveBody: '1' };

describe('parseUniubiCallback', () => {
  test('reads the flat form fields', () => {
    const parsed = parseUniubiCallback(form);
    expect(parsed.ok && parsed.value).toMatchObject({ kind: 'punch', sn: 'UNI84E0F42B7C15', pin: '2001', verify: '15' });
    expect(parsed.ok && parsed.value.kind === 'punch' && parsed.value.punchedAt.toISOString()).toBe('2026-03-02T23:31:05.000Z');
  });

  test('reads the JSON envelope with content (object or JSON text)', () => {
    const content = { deviceKey: 'UNI1', empNo: '2002', recTime: '2026-03-02 07:31:05', identifyType: 'card' };
    for (const body of [{ msgId: 'm-1', type: 'recognition', content }, { msgId: 'm-1', type: 'recognition', content: JSON.stringify(content) }]) {
      const parsed = parseUniubiCallback(body);
      expect(parsed.ok && parsed.value).toMatchObject({ kind: 'punch', sn: 'UNI1', pin: '2002', verify: '3' });
      expect(parsed.ok && parsed.value.kind === 'punch' && parsed.value.punchedAt.toISOString()).toBe('2026-03-01T23:31:05.000Z');
    }
  });

  test.each([
    ['epoch seconds', { ...form, time: '1772494265' }, '2026-03-02T23:31:05.000Z'],
    ['wall time', { ...form, time: '2026-03-03 07:31:05' }, '2026-03-02T23:31:05.000Z'],
    ['recTime wins', { ...form, recTime: '2026-03-03 08:00:00' }, '2026-03-03T00:00:00.000Z'],
  ])('time as %s', (_label, body, iso) => {
    const parsed = parseUniubiCallback(body);
    expect(parsed.ok && parsed.value.kind === 'punch' && parsed.value.punchedAt.toISOString()).toBe(iso);
  });

  test.each([
    ['STRANGERBABY', { ...form, personId: 'STRANGERBABY' }],
    ['face_1', { ...form, type: 'face_1' }],
    ['no person', { ...form, personId: '' }],
  ])('a stranger (%s) is not a punch', (_label, body) => {
    expect(parseUniubiCallback(body)).toEqual({ ok: true, value: { kind: 'stranger', sn: 'UNI84E0F42B7C15' } });
  });

  test('a heartbeat only names the device', () => {
    expect(parseUniubiCallback({ deviceKey: 'UNI1', type: 'heartbeat', personCount: 12 })).toEqual({ ok: true, value: { kind: 'heartbeat', sn: 'UNI1' } });
  });

  test('drops picture data from the raw record', () => {
    const parsed = parseUniubiCallback({ ...form, imgBase64: 'A'.repeat(50_000) });
    expect(parsed.ok && parsed.value.kind === 'punch' && parsed.value.raw).not.toContain('AAAA');
  });

  test.each([
    ['no device', { ...form, deviceKey: '' }, 'DEVICE_SN_MISSING'],
    ['no time', { ...form, time: undefined }, 'PUNCH_TIME_MISSING'],
    ['bad time', { ...form, time: 'yesterday' }, 'PUNCH_TIME_INVALID'],
    ['bad month', { ...form, time: '2026-13-01 07:00:00' }, 'PUNCH_TIME_INVALID'],
    ['bad person id', { ...form, personId: '20 01' }, 'PIN_INVALID'],
  ])('refuses %s', (_label, body, rule) => {
    const parsed = parseUniubiCallback(body as Record<string, unknown>);
    expect(parsed.ok ? 'ok' : parsed.rule).toBe(rule);
  });
});
