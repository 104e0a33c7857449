import { describe, expect, test } from 'vitest';
import { accessMeaning } from './access-events';
import { eventDocument } from './event-body';
import { parseHikvisionEvent } from './parse-event';

/**
 * The envelope of Hikvision's own ISAPI access-control event example (明眸门禁 protocol document,
 * "门禁事件": ipAddress 172.6.64.7, MAC 01:17:24:45:D9:F4, dateTime 2004-05-03T17:30:08+08:00), with
 * the AccessControllerEvent members the Device Network SDK documents (NET_DVR_ACS_EVENT_DETAIL:
 * employee number, card number and type, reader, door, serial number, user type, verify mode).
 */
const envelope = {
  ipAddress: '172.6.64.7',
  ipv6Address: 'null',
  portNo: 80,
  protocol: 'HTTP',
  macAddress: '01:17:24:45:D9:F4',
  channelID: 1,
  dateTime: '2004-05-03T17:30:08+08:00',
  activePostCount: 1,
  eventType: 'AccessControllerEvent',
  eventState: 'active',
  eventDescription: 'Access Controller Event',
};
const access = {
  deviceName: 'Access Controller',
  majorEventType: 5,
  subEventType: 75,
  name: '张三',
  cardReaderKind: 1,
  cardReaderNo: 1,
  verifyNo: 1,
  employeeNoString: '3001',
  serialNo: 1842,
  userType: 'normal',
  currentVerifyMode: 'cardOrFaceOrFp',
  attendanceStatus: 'checkIn',
  doorNo: 1,
  cardNo: '',
  pictureURL: 'http://172.6.64.7/LOCALS/pic/acsLinkCap/1.jpg',
};
const event = { ...envelope, AccessControllerEvent: access };

/** The same event as the XML EventNotificationAlert (ISAPI XML_EventNotificationAlert, namespace as the firmware sends it). */
const xml = `<?xml version="1.0" encoding="UTF-8"?>
<EventNotificationAlert version="2.0" xmlns="http://www.isapi.org/ver20/XMLSchema">
<ipAddress>172.6.64.7</ipAddress>
<portNo>80</portNo>
<protocol>HTTP</protocol>
<macAddress>01:17:24:45:D9:F4</macAddress>
<channelID>1</channelID>
<dateTime>2004-05-03T17:30:08+08:00</dateTime>
<activePostCount>1</activePostCount>
<eventType>AccessControllerEvent</eventType>
<eventState>active</eventState>
<eventDescription>Access Controller Event</eventDescription>
<AccessControllerEvent>
<deviceName>Access Controller</deviceName>
<majorEventType>5</majorEventType>
<subEventType>75</subEventType>
<name>张&amp;三</name>
<employeeNoString>3001</employeeNoString>
<serialNo>1842</serialNo>
<currentVerifyMode>cardOrFaceOrFp</currentVerifyMode>
<attendanceStatus>checkOut</attendanceStatus>
<doorNo>1</doorNo>
</AccessControllerEvent>
</EventNotificationAlert>`;

describe('parseHikvisionEvent: successful verifications are punches', () => {
  test('a face verification (major 5, minor 0x4b) names the person, its serial number and the verify mode', () => {
    const parsed = parseHikvisionEvent(event);
    expect(parsed.ok && parsed.value).toMatchObject({ kind: 'punch', serialNo: '1842', pin: '3001', cardNo: null, verify: '15', direction: 'in' });
    expect(parsed.ok && parsed.value.kind === 'punch' && parsed.value.punchedAt.toISOString()).toBe('2004-05-03T09:30:08.000Z');
    expect(parsed.ok && parsed.value.kind === 'punch' && parsed.value.raw).not.toContain('pictureURL');
  });

  test('the XML EventNotificationAlert reads the same, entities decoded', () => {
    const document = eventDocument(xml);
    expect(document).toMatchObject({ eventType: 'AccessControllerEvent', AccessControllerEvent: { subEventType: '75', name: '张&三' } });
    const parsed = parseHikvisionEvent(document!);
    expect(parsed.ok && parsed.value).toMatchObject({ kind: 'punch', serialNo: '1842', pin: '3001', verify: '15', direction: 'out' });
  });

  test.each([
    [0x01, '3'],
    [0x26, '1'],
    [0x3c, '15'],
    [0x4d, '15'],
    [0x28, '1'],
  ])('minor 0x%s is a pass verified as %s (whatever the configured currentVerifyMode)', (minor, verify) => {
    const parsed = parseHikvisionEvent({ ...event, AccessControllerEvent: { ...access, subEventType: minor } });
    expect(parsed.ok && parsed.value).toMatchObject({ kind: 'punch', verify });
  });

  test.each([
    ['checkOut', 'out'],
    ['breakOut', 'out'],
    ['overtimeIn', 'in'],
    ['undefined', null],
  ])('attendanceStatus %s is %j', (status, direction) => {
    const parsed = parseHikvisionEvent({ ...event, AccessControllerEvent: { ...access, attendanceStatus: status } });
    expect(parsed.ok && parsed.value.kind === 'punch' && parsed.value.direction).toBe(direction);
  });

  test('a card pass and firmware without serialNo or zone', () => {
    const parsed = parseHikvisionEvent({ ...event, dateTime: '2026-03-02 07:31:05', AccessControllerEvent: { ...access, subEventType: 1, employeeNoString: '', serialNo: undefined, cardNo: '105555' } });
    expect(parsed.ok && parsed.value).toMatchObject({ kind: 'punch', serialNo: null, pin: null, cardNo: '105555', verify: '3' });
  });
});

describe('parseHikvisionEvent: everything else is a device event, never a punch', () => {
  test.each([
    [0x4c, 'refused', '人脸认证失败'],
    [0x50, 'refused', '人脸识别失败'],
    [0x06, 'refused', '未分配权限'],
    [0x09, 'refused', '无此卡号'],
    [0x27, 'refused', '指纹比对失败'],
    [0x3d, 'refused', '人脸加刷卡认证失败'],
    [0x0a, 'refused', '反潜回认证失败'],
    [0x71, 'refused', '黑名单'],
    [0x1b, 'alarm', '门被外力开启'],
  ])('minor 0x%s is %s (%s), kept with the worker number for review', (minor, kind, label) => {
    const parsed = parseHikvisionEvent({ ...event, AccessControllerEvent: { ...access, subEventType: minor } });
    expect(parsed.ok && parsed.value).toMatchObject({ kind: 'event', event: { kind, pin: '3001', key: '#1842', tally: false } });
    expect(parsed.ok && parsed.value.kind === 'event' && parsed.value.event.detail).toBe(`${label}：3001`);
  });

  test.each([
    [5, 0x19, 'door', true],
    [5, 0x15, 'door', true],
    [1, 0x404, 'alarm', false],
    [3, 0x400, 'remote', false],
    [2, 0x27, 'exception', true],
    [3, 0x70, 'other', true],
    [5, 0x65, 'other', false],
    [5, 0x9c, 'other', false],
  ])('major %s minor 0x%s is %s (counted: %s)', (major, minor, kind, tally) => {
    const parsed = parseHikvisionEvent({ ...event, AccessControllerEvent: { ...access, employeeNoString: '', majorEventType: major, subEventType: minor } });
    expect(parsed.ok && parsed.value).toMatchObject({ kind: 'event', event: { kind, tally } });
  });

  test('no major/minor type: the verification cannot be confirmed', () => {
    const parsed = parseHikvisionEvent({ ...event, AccessControllerEvent: { ...access, majorEventType: undefined, subEventType: undefined } });
    expect(parsed.ok && parsed.value).toMatchObject({ kind: 'event', event: { kind: 'other' } });
  });

  test('a pass without a person or card cannot be attributed', () => {
    const parsed = parseHikvisionEvent({ ...event, AccessControllerEvent: { ...access, employeeNoString: '', cardNo: '' } });
    expect(parsed.ok && parsed.value).toMatchObject({ kind: 'event', event: { kind: 'unattributed', pin: null } });
  });

  test.each([
    [{ ...envelope, eventType: 'heartBeat', eventDescription: 'heartBeat' }],
    [{ ...envelope, eventType: 'videoloss', eventState: 'inactive' }],
  ])('heartbeats and other event types only show the device is alive: %#', (body) => {
    expect(parseHikvisionEvent(body)).toEqual({ ok: true, value: { kind: 'heartbeat' } });
  });
});

describe('parseHikvisionEvent: refusals', () => {
  test.each([
    ['no eventType', { ...event, eventType: undefined, AccessControllerEvent: undefined }, 'EVENT_TYPE_MISSING'],
    ['no detail', { ...event, AccessControllerEvent: 'x' }, 'EVENT_DETAIL_MISSING'],
    ['bad time', { ...event, dateTime: '02/03/2026 07:31' }, 'PUNCH_TIME_INVALID'],
    ['no time', { ...event, dateTime: undefined }, 'PUNCH_TIME_INVALID'],
    ['bad employee no', { ...event, AccessControllerEvent: { ...access, employeeNoString: '30 01' } }, 'PIN_INVALID'],
    ['bad serial', { ...event, AccessControllerEvent: { ...access, serialNo: '12a' } }, 'SERIAL_INVALID'],
  ])('refuses %s', (_label, body, rule) => {
    const parsed = parseHikvisionEvent(body as Record<string, unknown>);
    expect(parsed.ok ? 'ok' : parsed.rule).toBe(rule);
  });
});

describe('eventDocument', () => {
  test('unwraps an EventNotificationAlert JSON wrapper', () => {
    expect(eventDocument(JSON.stringify({ EventNotificationAlert: event }))).toMatchObject({ eventType: 'AccessControllerEvent' });
  });

  test.each(['', 'not json', '[1,2]', '"text"', '<Other/>', '<EventNotificationAlert>', '<!DOCTYPE x [<!ENTITY a "b">]><EventNotificationAlert/>'])('%j is no event', (text) => {
    expect(eventDocument(text)).toBeNull();
  });

  test('accessMeaning treats an unknown major as other', () => {
    expect(accessMeaning(9, 1)).toMatchObject({ kind: 'other', tally: true });
  });
});
