/**
 * A simulated Uniubi (宇泛) face terminal's LAN HTTP API (port 8090 on a real one), with its own
 * person and face store. Built from the public clients quoted in
 * extensions/platform/src/devices/README.md: every call is a POST of form fields with the device
 * password `pass`; answers are `{"data":…,"result":1,"success":true}` or
 * `{"msg":"…","success":false,"result":1}` (`不存在该人` is the captured unknown-person answer; the
 * other messages are this simulator's, in the same shape, since no message table is published).
 * Refused: a wrong `pass`, a malformed `person`, an existing person id on create, an unknown person
 * on update, delete or face, a face that is not a base64 JPEG or is over `faceMaxBytes`, an existing
 * faceId on face/create.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, SimulatedTerminal } from './http-server.ts';

export interface UniubiPerson {
  id: string;
  name: string;
  /** Access card number. */
  idcardNum: string;
  faces: Map<string, Buffer>;
}

export interface UniubiOptions {
  password?: string;
  faceMaxBytes?: number;
}

export interface UniubiCall {
  path: string;
  success: boolean;
  msg?: string;
  personId?: string;
}

class UniubiRefusal extends Error {}

export class UniubiTerminal extends SimulatedTerminal {
  readonly persons = new Map<string, UniubiPerson>();
  readonly calls: UniubiCall[] = [];
  readonly options: Required<UniubiOptions>;

  constructor(options: UniubiOptions = {}) {
    super();
    this.options = { password: '12345678', faceMaxBytes: 200 * 1024, ...options };
  }

  protected override handle(req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const call: UniubiCall = { path, success: false };
    this.calls.push(call);
    try {
      if (req.method !== 'POST' || !String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) throw new UniubiRefusal('参数错误');
      const form = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
      if (form['pass'] !== this.options.password) throw new UniubiRefusal('密码错误');
      const data = this.route(path, form, call);
      call.success = true;
      sendJson(res, 200, { data, result: 1, success: true });
    } catch (error) {
      if (!(error instanceof UniubiRefusal)) throw error;
      call.msg = error.message;
      sendJson(res, 200, { msg: error.message, result: 1, success: false });
    }
  }

  private route(path: string, form: Record<string, string>, call: UniubiCall): unknown {
    switch (path) {
      case '/person/create':
      case '/person/update': {
        const person = parsePerson(form['person']);
        call.personId = person.id;
        const existing = this.persons.get(person.id);
        if (path === '/person/create') {
          if (existing) throw new UniubiRefusal('人员id已存在');
          this.persons.set(person.id, { ...person, faces: new Map() });
        } else {
          if (!existing) throw new UniubiRefusal('不存在该人');
          Object.assign(existing, person);
        }
        return person;
      }
      case '/person/delete': {
        const ids = (form['id'] ?? '').split(',').map((id) => id.trim()).filter(Boolean);
        if (!ids.length) throw new UniubiRefusal('id不能为空');
        if (ids.includes('-1')) {
          this.persons.clear();
          return { deleted: '-1' };
        }
        call.personId = ids[0] ?? '';
        const missing = ids.filter((id) => !this.persons.has(id));
        if (missing.length === ids.length) throw new UniubiRefusal('不存在该人');
        for (const id of ids) this.persons.delete(id);
        return { success: ids.filter((id) => !missing.includes(id)).join(','), invalid: missing.join(',') };
      }
      case '/face/create':
      case '/face/update': {
        const personId = form['personId'] ?? '';
        call.personId = personId;
        const person = this.persons.get(personId);
        if (!person) throw new UniubiRefusal('不存在该人');
        const faceId = form['faceId'] || `${personId}_${person.faces.size + 1}`;
        const base64 = form['imgBase64'] ?? '';
        if (!/^[A-Za-z0-9+/]+=*$/.test(base64)) throw new UniubiRefusal('imgBase64格式错误');
        const jpeg = Buffer.from(base64, 'base64');
        if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new UniubiRefusal('照片格式错误，只支持jpg');
        if (jpeg.length > this.options.faceMaxBytes) throw new UniubiRefusal('照片大小超过限制');
        if (path === '/face/create' && person.faces.has(faceId)) throw new UniubiRefusal('faceId已存在');
        if (path === '/face/update' && !person.faces.has(faceId)) throw new UniubiRefusal('不存在该照片');
        person.faces.set(faceId, jpeg);
        return faceId;
      }
      default:
        throw new UniubiRefusal('接口不存在');
    }
  }
}

function parsePerson(text: string | undefined): { id: string; name: string; idcardNum: string } {
  let value: unknown;
  try {
    value = JSON.parse(text ?? '');
  } catch {
    throw new UniubiRefusal('person参数格式错误');
  }
  const person = value as Record<string, unknown> | null;
  if (!person || typeof person !== 'object' || typeof person['id'] !== 'string' || !/^[0-9A-Za-z_-]{1,64}$/.test(person['id'])) throw new UniubiRefusal('人员id格式错误');
  if (typeof person['name'] !== 'string' || !person['name']) throw new UniubiRefusal('人员姓名不能为空');
  return { id: person['id'], name: person['name'], idcardNum: typeof person['idcardNum'] === 'string' ? person['idcardNum'] : '' };
}
