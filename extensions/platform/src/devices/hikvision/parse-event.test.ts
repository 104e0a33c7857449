import { describe, expect, test } from 'vitest';
import { eventJson, parseHikvisionEvent } from './parse-event';

const access = {
  deviceName: 'Access Controller',
  majorEventType: 5,
  subEventType: 75,
  name: '张三',
  employeeNoString: '3001',
  serialNo: 1842,
  currentVerifyMode: 'face',
  attendanceStatus: 'checkIn',
  doorNo: 1,
  cardNo: '',
  pictureURL: 'http://192.168.1.64/LOCALS/pic/acsLinkCap/1.jpg',
};
const event = { ipAddress: '192.168.1.64', dateTime: '2026-03-02T07:31:05+08:00', activePostCount: 1, eventType: 'AccessControllerEvent', eventState: 'active', AccessControllerEvent: access };

describe('parseHikvisionEvent', () => {
  test('an identified person is a punch with its serial number', () => {
    const parsed = parseHikvisionEvent(event);
    expect(parsed.ok && parsed.value).toMatchObject({ kind: 'punch', serialNo: '1842', pin: '3001', cardNo: null, verify: '15', direction: 'in' });
    expect(parsed.ok && parsed.value.kind === 'punch' && parsed.value.punchedAt.toISOString()).toBe('2026-03-01T23:31:05.000Z');
    expect(parsed.ok && parsed.value.kind === 'punch' && parsed.value.raw).not.toContain('pictureURL');
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

  test('a card-only event and firmware without serialNo or zone', () => {
    const parsed = parseHikvisionEvent({ ...event, dateTime: '2026-03-02 07:31:05', AccessControllerEvent: { ...access, employeeNoString: '', serialNo: undefined, cardNo: '105555', currentVerifyMode: 'card' } });
    expect(parsed.ok && parsed.value).toMatchObject({ kind: 'punch', serialNo: null, pin: null, cardNo: '105555', verify: '3' });
  });

  test.each([
    [{ ...event, eventType: 'heartBeat', AccessControllerEvent: undefined }, { kind: 'heartbeat' }],
    [{ ...event, AccessControllerEvent: { ...access, employeeNoString: '', subEventType: 21 } }, { kind: 'other', eventType: 'AccessControllerEvent' }],
    [{ ...event, eventType: 'videoloss' }, { kind: 'other', eventType: 'videoloss' }],
  ])('not a punch: %#', (body, value) => {
    expect(parseHikvisionEvent(body)).toEqual({ ok: true, value });
  });

  test.each([
    ['no eventType', { ...event, eventType: undefined }, 'EVENT_TYPE_MISSING'],
    ['no detail', { ...event, AccessControllerEvent: 'x' }, 'EVENT_DETAIL_MISSING'],
    ['bad time', { ...event, dateTime: '02/03/2026 07:31' }, 'PUNCH_TIME_INVALID'],
    ['no time', { ...event, dateTime: undefined }, 'PUNCH_TIME_INVALID'],
    ['bad employee no', { ...event, AccessControllerEvent: { ...access, employeeNoString: '30 01' } }, 'PIN_INVALID'],
    ['bad serial', { ...event, AccessControllerEvent: { ...access, serialNo: '12a' } }, 'SERIAL_INVALID'],
  ])('refuses %s', (_label, body, rule) => {
    const parsed = parseHikvisionEvent(body as Record<string, unknown>);
    expect(parsed.ok ? 'ok' : parsed.rule).toBe(rule);
  });

  test.each(['', 'not json', '[1,2]', '"text"', '<EventNotificationAlert/>'])('eventJson(%j) is null', (text) => {
    expect(eventJson(text)).toBeNull();
  });
});
