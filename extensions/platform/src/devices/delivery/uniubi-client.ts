/**
 * Uniubi (宇泛) face terminals over their LAN HTTP API (port 8090 by default): every call is a
 * `POST` of form fields carrying the device password `pass`, answered
 * `{"data":…,"msg":"…","result":1,"success":true}` — `success` says whether it worked, `msg` why not
 * (`{"msg":"不存在该人","success":false,"result":1}`).
 *
 * | what | call |
 * | --- | --- |
 * | add a person | `/person/create` `pass`, `person={"id":PIN,"name":…,"idcardNum":card}`; already there → `/person/update` with the same fields |
 * | face | `/face/create` `pass`, `personId`, `faceId`, `imgBase64` (the JPEG, base64); already there → `/face/update` |
 * | remove | `/person/delete` `pass`, `id=PIN` (its faces go with it) |
 *
 * `idcardNum` is the access card number (the ID card number would be `iDNumber`, which terminals do
 * not need). Sources: Uniubi's 智能终端局域网接口文档 as quoted by public clients (devices/README.md).
 */
import type { HttpTransport } from './http-transport';
import type { PersonOnTerminal, TerminalClient } from './terminal-client';
import { faceTooLarge } from './hikvision-client';
import { TerminalError, terminalMessage, type TerminalFailure } from './terminal-error';

/** Uniubi's documents we could read give no byte limit; the Hikvision cap keeps every terminal safe. */
export const UNIUBI_FACE_MAX_BYTES = 200 * 1024;

interface UniubiReply {
  result?: unknown;
  success?: unknown;
  msg?: unknown;
  code?: unknown;
  data?: unknown;
}

export class UniubiClient implements TerminalClient {
  private readonly transport: HttpTransport;
  private readonly password: string;

  constructor(transport: HttpTransport, password: string) {
    this.transport = transport;
    this.password = password;
  }

  async upsertPerson(person: PersonOnTerminal): Promise<void> {
    const fields = { person: JSON.stringify({ id: person.pin, name: person.name, idcardNum: person.cardNo ?? '' }) };
    try {
      await this.call('/person/create', fields);
    } catch (error) {
      if (!isFailure(error, 'exists')) throw error;
      await this.call('/person/update', fields);
    }
  }

  async setFace(pin: string, jpeg: Buffer): Promise<void> {
    if (jpeg.length > UNIUBI_FACE_MAX_BYTES) throw faceTooLarge(jpeg.length, UNIUBI_FACE_MAX_BYTES);
    const fields = { personId: pin, faceId: pin, imgBase64: jpeg.toString('base64') };
    try {
      await this.call('/face/create', fields);
    } catch (error) {
      if (!isFailure(error, 'exists')) throw error;
      await this.call('/face/update', fields);
    }
  }

  async removePerson(pin: string): Promise<void> {
    try {
      await this.call('/person/delete', { id: pin });
    } catch (error) {
      if (!isFailure(error, 'not_found')) throw error;
    }
  }

  close(): void {
    this.transport.close();
  }

  private async call(path: string, fields: Record<string, string>): Promise<unknown> {
    const body = Buffer.from(new URLSearchParams({ pass: this.password, ...fields }).toString(), 'utf8');
    const reply = await this.transport.request('POST', path, { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8', accept: 'application/json' }, body);
    const text = reply.body.toString('utf8').trim();
    if (reply.status >= 500) throw new TerminalError('busy', terminalMessage(`HTTP ${reply.status}${text ? `: ${text}` : ''}`));
    let parsed: UniubiReply;
    try {
      parsed = JSON.parse(text) as UniubiReply;
    } catch {
      throw new TerminalError('refused', terminalMessage(`终端的应答不是宇泛接口的 JSON（HTTP ${reply.status}）：${text.slice(0, 200)}`), 'PROTOCOL');
    }
    if (reply.status === 200 && parsed.success === true) return parsed.data;
    throw uniubiFailure(reply.status, parsed);
  }
}

function isFailure(error: unknown, failure: TerminalFailure): boolean {
  return error instanceof TerminalError && error.failure === failure;
}

/** What a `success:false` answer means, from its message (the terminals give no stable code in every firmware). */
export function uniubiFailure(httpStatus: number, reply: UniubiReply): TerminalError {
  const msg = typeof reply.msg === 'string' ? reply.msg : '';
  const code = typeof reply.code === 'string' || typeof reply.code === 'number' ? String(reply.code) : '';
  const message = terminalMessage([code, msg || JSON.stringify(reply)].filter(Boolean).join(' ') + (httpStatus === 200 ? '' : ` (HTTP ${httpStatus})`));
  let failure: TerminalFailure = 'refused';
  if (/密码|password|\bpass\b/i.test(msg)) failure = 'auth';
  else if (/不存在|not\s*exist|no such/i.test(msg)) failure = 'not_found';
  else if (/已存在|already\s*exist|exists/i.test(msg)) failure = 'exists';
  else if (/繁忙|忙碌|稍后|busy/i.test(msg)) failure = 'busy';
  return new TerminalError(failure, message);
}
