/**
 * Hikvision face terminals (MinMoe DS-K1T6xx and the like) over ISAPI with HTTP Digest
 * authentication, person-based access control:
 *
 * | what | call |
 * | --- | --- |
 * | add a person | `POST /ISAPI/AccessControl/UserInfo/Record?format=json` `{UserInfo:{employeeNo,name,userType,Valid,doorRight,RightPlan}}`; `employeeNoAlreadyExist` → `PUT …/UserInfo/Modify?format=json` |
 * | card | `PUT /ISAPI/AccessControl/CardInfo/Delete?format=json` `{CardInfoDelCond:{EmployeeNoList:[{employeeNo}]}}`, then `POST …/CardInfo/Record?format=json` `{CardInfo:{employeeNo,cardNo,cardType:"normalCard"}}` |
 * | face | `PUT /ISAPI/Intelligent/FDLib/FDSetUp?format=json`, multipart: part `FaceDataRecord` = `{"faceLibType":"blackFD","FDID":"1","FPID":employeeNo}`, part `img` = the JPEG (adds or replaces); firmware without FDSetUp (`notSupport`): `POST …/FDLib/FaceDataRecord?format=json` (part `FaceImage`), and on `deviceUserAlreadyExistFace` the old face is deleted with `PUT …/FDLib/FDSearch/Delete?format=json&FDID=1&faceLibType=blackFD` first |
 * | remove | `PUT /ISAPI/AccessControl/UserInfo/Delete?format=json` `{UserInfoDelCond:{EmployeeNoList:[{employeeNo}]}}` (cards and face go with the person) |
 *
 * Answers are `{"statusCode":1,"statusString":"OK","subStatusCode":"ok"}` or the error JSON
 * `{"statusCode":6,"statusString":"Invalid Content","subStatusCode":"employeeNoAlreadyExist","errorCode":1610637344,"errorMsg":"checkUser"}`
 * (HTTP 400); a wrong password is a 401 with a new digest challenge and an HTML or `userCheck` XML
 * body. Sources: Hikvision's ISAPI developer guide for access control (person-based access control,
 * FDLib), and public clients quoted in devices/README.md.
 */
import { randomBytes } from 'node:crypto';
import { DigestSession } from './digest-auth';
import type { HttpReply, HttpTransport } from './http-transport';
import type { PersonOnTerminal, TerminalClient } from './terminal-client';
import { TerminalError, terminalMessage, type TerminalFailure } from './terminal-error';

/** Face pictures Hikvision face terminals accept (the ISAPI guide's limit for face library pictures). */
export const HIKVISION_FACE_MAX_BYTES = 200 * 1024;

/** Valid from/to for enrolled people: always valid while on the terminal (removal ends it). */
const VALID = { enable: true, beginTime: '2020-01-01T00:00:00', endTime: '2037-12-31T23:59:59', timeType: 'local' } as const;

/** The JSON (or XML) status fields an ISAPI answer carries. */
export interface IsapiStatus {
  statusCode?: number;
  statusString?: string;
  subStatusCode?: string;
  errorCode?: number;
  errorMsg?: string;
  /** userCheck answers to a failed login. */
  lockStatus?: string;
  unlockTime?: number;
  retryLoginTime?: number;
}

const EXISTS = new Set(['employeeNoAlreadyExist', 'deviceUserAlreadyExist', 'deviceUserAlreadyExistFace']);
const NOT_FOUND = new Set(['employeeNoNotExist', 'deviceUserNotExist', 'userNotExist', 'cardNoNotExist', 'faceNotExist']);
/** A card still held by someone else (whose removal may simply not have been delivered yet): retried. */
const CARD_TAKEN = new Set(['cardNoAlreadyExist', 'duplicateCardNo', 'cardNoExist']);
/** Device errors (statusCode 3) that a retry cannot cure. */
const PERMANENT_DEVICE_ERRORS = new Set(['pictureSizeExceedLimit', 'lowScore', 'captureTimeout']);
const CODES: Readonly<Record<string, string>> = {
  pictureSizeExceedLimit: 'FACE_TOO_LARGE',
  lowScore: 'FACE_LOW_QUALITY',
  SubpicAnalysisModelingError: 'FACE_MODELING',
  faceDataPictureNotDetected: 'NO_FACE',
  noFacePic: 'NO_FACE',
  badJsonFormat: 'BAD_FORMAT',
  badJsonContent: 'BAD_CONTENT',
  badParameters: 'BAD_PARAMETERS',
};

export class HikvisionClient implements TerminalClient {
  private readonly transport: HttpTransport;
  private readonly session: DigestSession;

  constructor(transport: HttpTransport, user: string, password: string) {
    this.transport = transport;
    this.session = new DigestSession(user, password);
  }

  async upsertPerson(person: PersonOnTerminal): Promise<void> {
    const info = { employeeNo: person.pin, name: person.name, userType: 'normal', Valid: VALID, doorRight: '1', RightPlan: [{ doorNo: 1, planTemplateNo: '1' }] };
    let created = true;
    try {
      await this.json('POST', '/ISAPI/AccessControl/UserInfo/Record?format=json', { UserInfo: info });
    } catch (error) {
      if (!isFailure(error, 'exists')) throw error;
      created = false;
      await this.json('PUT', '/ISAPI/AccessControl/UserInfo/Modify?format=json', { UserInfo: info });
    }
    // A person can hold several cards: a changed or withdrawn card must not keep opening the gate.
    if (!created) await this.tolerate('not_found', this.json('PUT', '/ISAPI/AccessControl/CardInfo/Delete?format=json', { CardInfoDelCond: { EmployeeNoList: [{ employeeNo: person.pin }] } }));
    if (person.cardNo) await this.json('POST', '/ISAPI/AccessControl/CardInfo/Record?format=json', { CardInfo: { employeeNo: person.pin, cardNo: person.cardNo, cardType: 'normalCard' } });
  }

  async setFace(pin: string, jpeg: Buffer): Promise<void> {
    if (jpeg.length > HIKVISION_FACE_MAX_BYTES) throw faceTooLarge(jpeg.length, HIKVISION_FACE_MAX_BYTES);
    const record = JSON.stringify({ faceLibType: 'blackFD', FDID: '1', FPID: pin });
    try {
      await this.multipart('PUT', '/ISAPI/Intelligent/FDLib/FDSetUp?format=json', record, 'img', jpeg);
      return;
    } catch (error) {
      if (!isFailure(error, 'not_supported')) throw error;
    }
    // Older firmware: add-only FaceDataRecord; an existing face is deleted and added again.
    try {
      await this.multipart('POST', '/ISAPI/Intelligent/FDLib/FaceDataRecord?format=json', record, 'FaceImage', jpeg);
    } catch (error) {
      if (!isFailure(error, 'exists')) throw error;
      await this.json('PUT', '/ISAPI/Intelligent/FDLib/FDSearch/Delete?format=json&FDID=1&faceLibType=blackFD', { FPID: [{ value: pin }] });
      await this.multipart('POST', '/ISAPI/Intelligent/FDLib/FaceDataRecord?format=json', record, 'FaceImage', jpeg);
    }
  }

  async removePerson(pin: string): Promise<void> {
    await this.tolerate('not_found', this.json('PUT', '/ISAPI/AccessControl/UserInfo/Delete?format=json', { UserInfoDelCond: { EmployeeNoList: [{ employeeNo: pin }] } }));
  }

  close(): void {
    this.transport.close();
  }

  private async tolerate(failure: TerminalFailure, call: Promise<unknown>): Promise<void> {
    try {
      await call;
    } catch (error) {
      if (!isFailure(error, failure)) throw error;
    }
  }

  private json(method: string, path: string, payload: unknown): Promise<IsapiStatus> {
    return this.call(method, path, Buffer.from(JSON.stringify(payload), 'utf8'), 'application/json; charset=UTF-8');
  }

  private multipart(method: string, path: string, record: string, imagePart: string, jpeg: Buffer): Promise<IsapiStatus> {
    const boundary = `----platform${randomBytes(12).toString('hex')}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="FaceDataRecord"\r\nContent-Type: application/json\r\n\r\n${record}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${imagePart}"; filename="face.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      jpeg,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return this.call(method, path, body, `multipart/form-data; boundary=${boundary}`);
  }

  /** One ISAPI call with digest authentication; resolves with the status of a successful answer. */
  private async call(method: string, path: string, body: Buffer, contentType: string): Promise<IsapiStatus> {
    const url = this.transport.url(path);
    const uri = `${url.pathname}${url.search}`;
    // First call: no challenge yet (one 401); stale or replaced nonce: once more.
    for (let round = 0; round < 3; round += 1) {
      const auth = this.session.authorize(method, uri);
      const headers: Record<string, string> = { accept: 'application/json', 'content-type': contentType };
      if (auth) headers['authorization'] = auth.header;
      const reply = await this.transport.request(method, path, headers, body);
      if (reply.status !== 401) return checkIsapiReply(reply);
      const verdict = this.session.unauthorized(reply.wwwAuthenticate, auth?.nonce ?? null);
      if (verdict === 'no-digest') throw new TerminalError('auth', `终端未提供 Digest 认证（${reply.wwwAuthenticate.join('; ') || '无 WWW-Authenticate'}）`, 'AUTH');
      if (verdict === 'refused') throw loginRefused(reply);
    }
    throw new TerminalError('auth', '终端连续要求重新认证', 'AUTH');
  }
}

function isFailure(error: unknown, failure: TerminalFailure): boolean {
  return error instanceof TerminalError && error.failure === failure;
}

export function faceTooLarge(bytes: number, max: number): TerminalError {
  return new TerminalError('refused', `人脸照片 ${Math.ceil(bytes / 1024)} KB，超过终端上限 ${Math.round(max / 1024)} KB`, 'FACE_TOO_LARGE');
}

/** Reads an ISAPI answer's status: JSON, ResponseStatus/userCheck XML, or an HTML error page. */
export function readIsapiStatus(body: Buffer): { status: IsapiStatus; text: string } {
  const text = body.toString('utf8').trim();
  const status: IsapiStatus = {};
  if (text.startsWith('{')) {
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      // Some answers nest it: {"ResponseStatus":{…}}.
      const source = (typeof parsed['ResponseStatus'] === 'object' && parsed['ResponseStatus'] !== null ? parsed['ResponseStatus'] : parsed) as Record<string, unknown>;
      assignStatus(status, (name) => source[name]);
      return { status, text };
    } catch {
      return { status, text };
    }
  }
  if (text.startsWith('<')) {
    assignStatus(status, (name) => new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`, 'i').exec(text)?.[1]);
    return { status, text: text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() };
  }
  return { status, text };
}

function assignStatus(status: IsapiStatus, read: (name: string) => unknown): void {
  const text = (name: string) => {
    const value = read(name);
    return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
  };
  const number = (name: string) => {
    const value = text(name);
    return value !== undefined && /^-?\d+$/.test(value) ? Number(value) : undefined;
  };
  const code = number('statusCode') ?? number('statusValue');
  if (code !== undefined) status.statusCode = code;
  const statusString = text('statusString');
  if (statusString !== undefined) status.statusString = statusString;
  const sub = text('subStatusCode');
  if (sub !== undefined) status.subStatusCode = sub;
  const errorCode = number('errorCode');
  if (errorCode !== undefined) status.errorCode = errorCode;
  const errorMsg = text('errorMsg');
  if (errorMsg !== undefined) status.errorMsg = errorMsg;
  const lockStatus = text('lockStatus');
  if (lockStatus !== undefined) status.lockStatus = lockStatus;
  const unlockTime = number('unlockTime');
  if (unlockTime !== undefined) status.unlockTime = unlockTime;
  const retry = number('retryLoginTime');
  if (retry !== undefined) status.retryLoginTime = retry;
}

/** The terminal's own words: `Invalid Content (employeeNoNotExist: checkUser) [errorCode 1610637344]`. */
export function describeIsapi(httpStatus: number, status: IsapiStatus, text: string): string {
  if (status.statusString === undefined && status.subStatusCode === undefined) return terminalMessage(text ? `HTTP ${httpStatus}: ${text}` : `HTTP ${httpStatus}`);
  const detail = [status.subStatusCode && status.subStatusCode.toLowerCase() !== 'ok' ? status.subStatusCode : null, status.errorMsg ?? null].filter((part): part is string => Boolean(part)).join(': ');
  return terminalMessage(`${status.statusString ?? `HTTP ${httpStatus}`}${detail ? ` (${detail})` : ''}${status.errorCode !== undefined ? ` [errorCode ${status.errorCode}]` : ''}`);
}

/** A successful answer's status, or the TerminalError the answer means. */
export function checkIsapiReply(reply: HttpReply): IsapiStatus {
  const { status, text } = readIsapiStatus(reply.body);
  const ok = reply.status >= 200 && reply.status < 300 && (status.statusCode === undefined || status.statusCode === 0 || status.statusCode === 1);
  if (ok) return status;
  const message = describeIsapi(reply.status, status, text);
  const sub = status.subStatusCode ?? '';
  if (reply.status === 403 && status.lockStatus?.toLowerCase() === 'lock') throw new TerminalError('auth', `终端已锁定该用户：${message}`, 'LOCKED');
  if (EXISTS.has(sub)) throw new TerminalError('exists', message);
  if (NOT_FOUND.has(sub)) throw new TerminalError('not_found', message);
  if (CARD_TAKEN.has(sub)) throw new TerminalError('busy', message, 'CARD_TAKEN');
  if (sub === 'notSupport' || ((reply.status === 404 || reply.status === 405) && (status.statusCode === undefined || status.statusCode === 4))) throw new TerminalError('not_supported', message);
  if (status.statusCode === 2 || reply.status >= 500) throw new TerminalError('busy', message);
  if (status.statusCode === 3 && !PERMANENT_DEVICE_ERRORS.has(sub)) throw new TerminalError('busy', message);
  throw new TerminalError('refused', message, CODES[sub] ?? 'REFUSED');
}

function loginRefused(reply: HttpReply): TerminalError {
  const { status, text } = readIsapiStatus(reply.body);
  const said = status.statusString ?? (text && text.length < 300 ? text : null);
  const parts = [said, status.lockStatus ? `lockStatus ${status.lockStatus}` : null, status.unlockTime ? `unlockTime ${status.unlockTime}s` : null, status.retryLoginTime !== undefined ? `retryLoginTime ${status.retryLoginTime}` : null];
  const locked = status.lockStatus?.toLowerCase() === 'lock';
  return new TerminalError('auth', terminalMessage(`终端拒绝登录（HTTP 401，用户名或密码错误${locked ? '，该用户已被锁定' : ''}）：${parts.filter(Boolean).join('; ') || 'Unauthorized'}`), locked ? 'LOCKED' : 'AUTH');
}
