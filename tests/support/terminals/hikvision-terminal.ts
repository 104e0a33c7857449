/**
 * A simulated Hikvision face terminal (MinMoe DS-K1T671 class) speaking ISAPI over HTTP Digest, with
 * its own person, card and face store. Built from Hikvision's ISAPI access-control guide and the
 * public captures quoted in extensions/platform/src/devices/README.md; it refuses what the firmware
 * refuses:
 * - every request without a valid digest answer: 401, `WWW-Authenticate: Digest qop="auth", realm=…`
 *   and the firmware's HTML body (`Document Error: Unauthorized`); wrong passwords count towards a
 *   lock (digest-server.ts);
 * - `UserInfo/Record` of an existing employeeNo: 400 `{"statusCode":6,"statusString":"Invalid
 *   Content","subStatusCode":"employeeNoAlreadyExist","errorCode":1610637344,"errorMsg":"checkUser"}`;
 * - a card, face or modification for an unknown person: `employeeNoNotExist`; a card another person
 *   holds: `cardNoAlreadyExist`;
 * - `FaceDataRecord` for a person who has a face: `deviceUserAlreadyExistFace` (FDSetUp replaces);
 * - a face picture over 200 KB: `{"statusCode":3,"statusString":"Device Error","subStatusCode":
 *   "pictureSizeExceedLimit","errorCode":805306380}`; not a JPEG or no picture part: refused;
 * - bodies that are not JSON: `badJsonFormat`; JSON without the required fields: `badParameters`.
 * `firmware: 'legacy'` answers `notSupport` to the newer …/SetUp endpoints.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import busboy from 'busboy';
import { DigestServer } from './digest-server.ts';
import { sendJson, SimulatedTerminal } from './http-server.ts';

export interface HikvisionPerson {
  employeeNo: string;
  name: string;
  userType: string;
  cards: string[];
  /** Bytes of the face picture, if any. */
  face: Buffer | null;
}

export interface HikvisionOptions {
  user?: string;
  password?: string;
  firmware?: 'standard' | 'legacy';
  /** Face pictures larger than this are refused (MinMoe terminals: 200 KB). */
  faceMaxBytes?: number;
  nonceTtlMs?: number;
  lockAfter?: number;
}

export interface IsapiCall {
  method: string;
  path: string;
  status: number;
  subStatusCode?: string;
  employeeNo?: string;
  /** False when the request never got past authentication. */
  authenticated: boolean;
}

const OK = { statusCode: 1, statusString: 'OK', subStatusCode: 'ok' };
const UNAUTHORIZED_PAGE = '<!DOCTYPE html><html><head><title>Document Error: Unauthorized</title></head><body><h2>Access Error: 401 -- Unauthorized</h2><p>Authentication Error: Access Denied! Authorization required.</p></body></html>';

class IsapiError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;
  constructor(status: number, body: Record<string, unknown>) {
    super(String(body['subStatusCode']));
    this.status = status;
    this.body = body;
  }
}

const invalidContent = (sub: string, errorCode?: number, errorMsg?: string) =>
  new IsapiError(400, { statusCode: 6, statusString: 'Invalid Content', subStatusCode: sub, ...(errorCode === undefined ? {} : { errorCode }), ...(errorMsg === undefined ? {} : { errorMsg }) });
const notSupport = () => new IsapiError(400, { statusCode: 4, statusString: 'Invalid Operation', subStatusCode: 'notSupport' });

export class HikvisionTerminal extends SimulatedTerminal {
  readonly persons = new Map<string, HikvisionPerson>();
  readonly calls: IsapiCall[] = [];
  readonly digest: DigestServer;
  readonly options: Required<HikvisionOptions>;

  constructor(options: HikvisionOptions = {}) {
    super();
    this.options = { user: 'admin', password: 'Hik12345', firmware: 'standard', faceMaxBytes: 200 * 1024, nonceTtlMs: 10 * 60_000, lockAfter: 7, ...options };
    this.digest = new DigestServer({ realm: 'DS-K1T671MF', user: this.options.user, password: this.options.password, nonceTtlMs: this.options.nonceTtlMs, lockAfter: this.options.lockAfter, lockMs: 30 * 60_000 });
  }

  /** Calls past authentication that changed or tried to change a person, per employeeNo and path. */
  applied(employeeNo: string, path: string): number {
    return this.calls.filter((c) => c.authenticated && c.employeeNo === employeeNo && c.path.startsWith(path) && c.status === 200).length;
  }

  protected override async handle(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
    const uri = req.url ?? '/';
    const path = uri.split('?')[0] ?? '/';
    const method = req.method ?? 'GET';
    const verdict = this.digest.check(method, uri, req.headers.authorization);
    if (!verdict.ok) {
      this.calls.push({ method, path, status: 401, authenticated: false });
      const page = verdict.locked
        ? '<?xml version="1.0" encoding="UTF-8"?><userCheck version="2.0" xmlns="http://www.isapi.org/ver20/XMLSchema"><statusValue>401</statusValue><statusString>Unauthorized</statusString><lockStatus>lock</lockStatus><unlockTime>1800</unlockTime><retryLoginTime>0</retryLoginTime></userCheck>'
        : UNAUTHORIZED_PAGE;
      res.writeHead(401, { 'www-authenticate': verdict.challenge, 'content-type': verdict.locked ? 'application/xml' : 'text/html', 'content-length': Buffer.byteLength(page) }).end(page);
      return;
    }
    const call: IsapiCall = { method, path, status: 200, authenticated: true };
    this.calls.push(call);
    try {
      const employeeNo = await this.route(method, path, uri, req, body);
      if (employeeNo) call.employeeNo = employeeNo;
      sendJson(res, 200, { requestURL: uri, ...OK });
    } catch (error) {
      if (!(error instanceof IsapiError)) throw error;
      call.status = error.status;
      call.subStatusCode = String(error.body['subStatusCode']);
      sendJson(res, error.status, { requestURL: uri, ...error.body });
    }
  }

  /** Applies one call; returns the employeeNo it concerned. */
  private async route(method: string, path: string, uri: string, req: IncomingMessage, body: Buffer): Promise<string | undefined> {
    const legacy = this.options.firmware === 'legacy';
    const route = `${method} ${path}`;
    switch (route) {
      case 'POST /ISAPI/AccessControl/UserInfo/Record':
        return this.addUser(userInfo(body), false);
      case 'PUT /ISAPI/AccessControl/UserInfo/Modify':
        return this.modifyUser(userInfo(body));
      case 'PUT /ISAPI/AccessControl/UserInfo/SetUp':
        if (legacy) throw notSupport();
        return this.addUser(userInfo(body), true);
      case 'PUT /ISAPI/AccessControl/UserInfo/Delete':
        for (const employeeNo of employeeNoList(body, 'UserInfoDelCond')) this.persons.delete(employeeNo);
        return employeeNoList(body, 'UserInfoDelCond')[0];
      case 'POST /ISAPI/AccessControl/CardInfo/Record':
      case 'PUT /ISAPI/AccessControl/CardInfo/SetUp': {
        if (legacy && method === 'PUT') throw notSupport();
        const card = json(body)['CardInfo'] as Record<string, unknown> | undefined;
        if (!card || typeof card['employeeNo'] !== 'string' || typeof card['cardNo'] !== 'string' || !card['cardNo']) throw invalidContent('badParameters');
        const person = this.person(card['employeeNo']);
        const holder = [...this.persons.values()].find((p) => p.cards.includes(String(card['cardNo'])));
        if (holder && holder.employeeNo !== person.employeeNo) throw invalidContent('cardNoAlreadyExist');
        if (!person.cards.includes(card['cardNo'])) person.cards.push(card['cardNo']);
        return person.employeeNo;
      }
      case 'PUT /ISAPI/AccessControl/CardInfo/Delete': {
        const list = employeeNoList(body, 'CardInfoDelCond');
        for (const employeeNo of list) {
          const person = this.persons.get(employeeNo);
          if (person) person.cards = [];
        }
        return list[0];
      }
      case 'PUT /ISAPI/Intelligent/FDLib/FDSetUp':
        if (legacy) throw notSupport();
        return this.setFace(await faceUpload(req, body), true);
      case 'POST /ISAPI/Intelligent/FDLib/FaceDataRecord':
        return this.setFace(await faceUpload(req, body), false);
      case 'PUT /ISAPI/Intelligent/FDLib/FDSearch/Delete': {
        const query = new URLSearchParams(uri.split('?')[1] ?? '');
        if (query.get('FDID') !== '1' || query.get('faceLibType') !== 'blackFD') throw invalidContent('badParameters');
        const ids = json(body)['FPID'];
        if (!Array.isArray(ids)) throw invalidContent('badParameters');
        for (const item of ids) {
          const person = this.persons.get(String((item as { value?: unknown }).value));
          if (person) person.face = null;
        }
        return String((ids[0] as { value?: unknown } | undefined)?.value ?? '');
      }
      default:
        throw new IsapiError(404, { statusCode: 4, statusString: 'Invalid Operation', subStatusCode: 'notSupport' });
    }
  }

  private person(employeeNo: string): HikvisionPerson {
    const person = this.persons.get(employeeNo);
    if (!person) throw invalidContent('employeeNoNotExist');
    return person;
  }

  private addUser(info: { employeeNo: string; name: string; userType: string }, upsert: boolean): string {
    const existing = this.persons.get(info.employeeNo);
    if (existing && !upsert) throw invalidContent('employeeNoAlreadyExist', 1610637344, 'checkUser');
    if (existing) Object.assign(existing, { name: info.name, userType: info.userType });
    else this.persons.set(info.employeeNo, { ...info, cards: [], face: null });
    return info.employeeNo;
  }

  private modifyUser(info: { employeeNo: string; name: string; userType: string }): string {
    Object.assign(this.person(info.employeeNo), { name: info.name, userType: info.userType });
    return info.employeeNo;
  }

  private setFace(upload: { fpid: string; jpeg: Buffer }, replace: boolean): string {
    const person = this.person(upload.fpid);
    if (upload.jpeg.length > this.options.faceMaxBytes) throw new IsapiError(400, { statusCode: 3, statusString: 'Device Error', subStatusCode: 'pictureSizeExceedLimit', errorCode: 805306380 });
    if (person.face && !replace) throw invalidContent('deviceUserAlreadyExistFace');
    person.face = upload.jpeg;
    return person.employeeNo;
  }
}

function json(body: Buffer): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // falls through
  }
  throw new IsapiError(400, { statusCode: 5, statusString: 'Invalid Format', subStatusCode: 'badJsonFormat' });
}

function userInfo(body: Buffer): { employeeNo: string; name: string; userType: string } {
  const info = json(body)['UserInfo'] as Record<string, unknown> | undefined;
  if (!info || typeof info['employeeNo'] !== 'string' || !/^[0-9A-Za-z_-]{1,32}$/.test(info['employeeNo'])) throw invalidContent('badParameters');
  if (typeof info['name'] !== 'string' || Buffer.byteLength(info['name']) > 128) throw invalidContent('badParameters');
  const valid = info['Valid'] as Record<string, unknown> | undefined;
  if (!valid || typeof valid['beginTime'] !== 'string' || typeof valid['endTime'] !== 'string') throw invalidContent('badParameters');
  return { employeeNo: info['employeeNo'], name: info['name'], userType: String(info['userType'] ?? 'normal') };
}

function employeeNoList(body: Buffer, key: string): string[] {
  const condition = json(body)[key] as { EmployeeNoList?: { employeeNo?: unknown }[] } | undefined;
  if (!condition || !Array.isArray(condition.EmployeeNoList) || !condition.EmployeeNoList.length) throw invalidContent('badParameters');
  return condition.EmployeeNoList.map((item) => String(item.employeeNo ?? ''));
}

/** The multipart face upload: a `FaceDataRecord` JSON part and the picture (`img` or `FaceImage`). */
function faceUpload(req: IncomingMessage, body: Buffer): Promise<{ fpid: string; jpeg: Buffer }> {
  return new Promise((resolve, reject) => {
    let record: string | null = null;
    let jpeg: Buffer | null = null;
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers });
    } catch {
      reject(invalidContent('badParameters'));
      return;
    }
    parser.on('field', (name, value) => {
      if (name === 'FaceDataRecord') record = value;
    });
    parser.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (name === 'FaceDataRecord') record = Buffer.concat(chunks).toString('utf8');
        else if (name === 'img' || name === 'FaceImage') jpeg = Buffer.concat(chunks);
      });
    });
    parser.on('error', () => reject(invalidContent('badParameters')));
    parser.on('close', () => {
      if (record === null) return reject(invalidContent('badParameters'));
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(record) as Record<string, unknown>;
      } catch {
        return reject(new IsapiError(400, { statusCode: 5, statusString: 'Invalid Format', subStatusCode: 'badJsonFormat' }));
      }
      if (parsed['faceLibType'] !== 'blackFD' || parsed['FDID'] !== '1' || typeof parsed['FPID'] !== 'string') return reject(invalidContent('badParameters'));
      const picture = jpeg as Buffer | null;
      if (!picture || !picture.length) return reject(invalidContent('noFacePic'));
      if (picture[0] !== 0xff || picture[1] !== 0xd8) return reject(invalidContent('faceDataPictureNotDetected'));
      resolve({ fpid: parsed['FPID'], jpeg: picture });
    });
    parser.end(body);
  });
}
