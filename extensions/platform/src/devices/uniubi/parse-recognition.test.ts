import { describe, expect, test } from 'vitest';
import { parseUniubiCallback } from './parse-recognition';

/**
 * A record of Uniubi's WO (沃土) cloud recognition callback, verbatim from its callback document's
 * example (form fields guid, deviceKey, personGuid, photoUrl, showTime, type 1 比对成功 / 2 比对失败,
 * recMode 1 face / 2 card / 3 face+card / 4 ID card, aliveType, recType, passTimeType,
 * permissionTimeType, deviceType, personName): a stranger.
 */
const woStranger = {
  id: 54,
  guid: '1DE2C0E055434505BE36A1B494FEE1D9',
  deviceKey: '84E0F420883802FAA37',
  personGuid: 'STRANGERBABY',
  photoUrl: 'http://uniubi-device-test.oss-cn-hangzhou.aliyuncs.com/device/spot/photo/84E0F420013300B4/2017-11-16/STRANGERBABY_20171116153434.jpg',
  showTime: '1510817674000',
  type: 1,
  recMode: 1,
  cardNo: '888',
  aliveType: 1,
  recType: 1,
  passTimeType: 1,
  permissionTimeType: 1,
  deviceType: 6,
  personName: '测试',
};
/** The same record for a known person: the cloud's own id in personGuid, the enrolled number in empNo. */
const woKnown = { ...woStranger, personGuid: 'A5C3F1D2E4B64D2C9E0F7A8B1C2D3E4F', empNo: '2001', personName: '张三' };

/**
 * A terminal's own LAN recognition callback, with the fields Uniubi's demo server reads
 * (com.uniubi.controller.IController#LANIdentify: personId, deviceKey, type, ip, time in ms, path, data).
 */
const lan = { personId: '2001', deviceKey: 'UNI84E0F42B7C15', type: 'face_0', ip: '192.168.1.90', time: '1772494265000', path: 'ftp://192.168.1.90/recognition/2001.jpg', data: '', recMode: '1' };

describe('parseUniubiCallback: the terminal LAN callback', () => {
  test('personId is the number the platform enrolled', () => {
    const parsed = parseUniubiCallback(lan);
    expect(parsed.ok && parsed.value).toMatchObject({ kind: 'punch', sn: 'UNI84E0F42B7C15', pin: '2001', verify: '15' });
    expect(parsed.ok && parsed.value.kind === 'punch' && parsed.value.punchedAt.toISOString()).toBe('2026-03-02T23:31:05.000Z');
  });

  test.each([
    ['face_1', '识别未通过（face_1）：2001'],
    ['face_2', '识别未通过（face_2）：2001'],
    ['card_2', '识别未通过（card_2）：2001'],
  ])('%s is a refusal, kept for review', (type, detail) => {
    const parsed = parseUniubiCallback({ ...lan, type });
    expect(parsed.ok && parsed.value).toMatchObject({ kind: 'event', event: { kind: 'refused', pin: '2001', detail, tally: false } });
  });

  test('a stranger is counted, not kept one by one', () => {
    const parsed = parseUniubiCallback({ ...lan, personId: 'STRANGERBABY', type: 'face_2' });
    expect(parsed.ok && parsed.value).toMatchObject({ kind: 'event', event: { kind: 'refused', pin: null, tally: true } });
  });
});

describe('parseUniubiCallback: the cloud (WO / UStar)', () => {
  test("the vendor's own example is a stranger", () => {
    const parsed = parseUniubiCallback(woStranger);
    expect(parsed.ok && parsed.value).toMatchObject({ kind: 'event', sn: '84E0F420883802FAA37', event: { kind: 'refused', detail: '陌生人（未识别）' } });
  });

  test('empNo wins over the cloud row id in personGuid / personId', () => {
    for (const body of [woKnown, { ...woKnown, personGuid: undefined, personId: '998877' }]) {
      const parsed = parseUniubiCallback(body);
      expect(parsed.ok && parsed.value).toMatchObject({ kind: 'punch', pin: '2001', verify: '15' });
      expect(parsed.ok && parsed.value.kind === 'punch' && parsed.value.punchedAt.toISOString()).toBe('2017-11-16T07:34:34.000Z');
    }
  });

  test('a cloud message without empNo is not filed under its cloud id', () => {
    for (const body of [{ ...woKnown, empNo: undefined }, { ...woKnown, empNo: undefined, personGuid: undefined, admitGuid: '2001' }]) {
      const parsed = parseUniubiCallback(body);
      expect(parsed.ok && parsed.value).toMatchObject({ kind: 'event', event: { kind: 'unattributed', pin: null } });
    }
  });

  test('the UStar JSON envelope with content (object or JSON text)', () => {
    const content = { deviceKey: 'UNI1', personId: '5f2a9c0e11', empNo: '2002', showTime: '2018-11-28T03:06:23+0000', recMode: 2 };
    for (const body of [{ msgId: 'm-1', type: 'recognition', content }, { msgId: 'm-1', type: 'recognition', content: JSON.stringify(content) }]) {
      const parsed = parseUniubiCallback(body);
      expect(parsed.ok && parsed.value).toMatchObject({ kind: 'punch', sn: 'UNI1', pin: '2002', verify: '3' });
      expect(parsed.ok && parsed.value.kind === 'punch' && parsed.value.punchedAt.toISOString()).toBe('2018-11-28T03:06:23.000Z');
    }
  });

  test.each([
    [{ type: 2 }, '比对失败'],
    [{ aliveType: 2 }, '活体检测未通过'],
    [{ passTimeType: 2 }, '不在通行时间段内'],
    [{ permissionTimeType: 2 }, '不在有效期内'],
  ])('%j is a refusal', (change, reason) => {
    const parsed = parseUniubiCallback({ ...woKnown, ...change });
    expect(parsed.ok && parsed.value).toMatchObject({ kind: 'event', event: { kind: 'refused', pin: '2001', detail: `${reason}：2001` } });
  });

  test('a person-and-ID-card comparison without an enrolled number cannot be attributed', () => {
    const parsed = parseUniubiCallback({ ...woKnown, empNo: undefined, personGuid: 'IDCARDBABY', recMode: 4 });
    expect(parsed.ok && parsed.value).toMatchObject({ kind: 'event', event: { kind: 'unattributed' } });
  });
});

describe('parseUniubiCallback: heartbeats and refusals', () => {
  test('a heartbeat only names the device', () => {
    expect(parseUniubiCallback({ deviceKey: 'UNI1', type: 'heartbeat', personCount: 12 })).toEqual({ ok: true, value: { kind: 'heartbeat', sn: 'UNI1' } });
    // The heartbeat URL's body (deviceKey, time, ip, personCount, faceCount) names no type.
    expect(parseUniubiCallback({ deviceKey: 'UNI1', time: '1772494265000', ip: '192.168.1.90', personCount: '3', faceCount: '3' }, { heartbeat: true })).toEqual({ ok: true, value: { kind: 'heartbeat', sn: 'UNI1' } });
  });

  test('drops picture data from the raw record', () => {
    const parsed = parseUniubiCallback({ ...lan, imgBase64: 'A'.repeat(50_000) });
    expect(parsed.ok && parsed.value.kind === 'punch' && parsed.value.raw).not.toContain('AAAA');
  });

  test.each([
    ['no device', { ...lan, deviceKey: '' }, 'DEVICE_SN_MISSING'],
    ['no time', { ...lan, time: undefined }, 'PUNCH_TIME_MISSING'],
    ['bad time', { ...lan, time: 'yesterday' }, 'PUNCH_TIME_INVALID'],
    ['bad month', { ...lan, time: '2026-13-01 07:00:00' }, 'PUNCH_TIME_INVALID'],
    ['bad person id', { ...lan, personId: '20 01' }, 'PIN_INVALID'],
  ])('refuses %s', (_label, body, rule) => {
    const parsed = parseUniubiCallback(body as Record<string, unknown>);
    expect(parsed.ok ? 'ok' : parsed.rule).toBe(rule);
  });
});
