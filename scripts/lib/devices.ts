/**
 * Scripted attendance terminals speaking the three protocols over HTTP, for the integration tests,
 * the ingest benchmark and the living demo. They behave like the real devices: a ZKTeco terminal
 * keeps a numbered log and sends only records past the stamp the server hands back; every device
 * resends what was not acknowledged. They authenticate as real terminals do (devices/README.md):
 * ZKTeco sends its communication key (`pushcommkey`) on the handshake, Uniubi and Hikvision put the
 * device secret in the callback URL, and Hikvision can answer the listening host's digest challenge.
 * They post with node:http over keep-alive connections, as a gateway full of terminals would, and
 * because fetch's own CPU cost would crowd out the server in the benchmark.
 */
import { createHash } from 'node:crypto';
import { Agent, request } from 'node:http';

export interface DeviceReply {
  status: number;
  text: string;
  /** The `WWW-Authenticate` header of a 401, when there is one. */
  challenge?: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export interface SendInit {
  method: 'GET' | 'POST' | 'PATCH';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The source address to send from (a loopback 127.x.y.z stands for one terminal or gateway behind nginx's per-address limits). */
  localAddress?: string;
}

/** One HTTP request over the shared keep-alive agent; the body is read as text. */
export function send(url: string, init: SendInit): Promise<DeviceReply> {
  return new Promise((resolve, reject) => {
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const headers = { ...init.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
    const req = request(url, { method: init.method, headers, agent, ...(init.localAddress ? { localAddress: init.localAddress } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      const challenge = res.headers['www-authenticate'];
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), ...(typeof challenge === 'string' ? { challenge } : {}) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A multipart/form-data body from parts (a part with a filename is sent as a file). */
function multipart(parts: readonly { name: string; value: string | Uint8Array; filename?: string; type?: string }[]): { type: string; body: Buffer } {
  const boundary = `----platform${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`));
    chunks.push(Buffer.from(part.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(chunks) };
}

/** 'YYYY-MM-DD HH:MM:SS' Shanghai wall time of an instant, as terminals print it. */
export function wallTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** An ATTLOG line: PIN, local time, status (0 in, 1 out), verify (15 face), workcode and reserved fields. */
export function attlogLine(pin: string, at: Date, status: 0 | 1 = 0, verify = 15): string {
  return [pin, wallTime(at), String(status), String(verify), '0', '0', '0'].join('\t');
}

export interface ZkCommand {
  id: number;
  /** The command text after `C:<id>:`. */
  command: string;
}

/**
 * How a scripted terminal reaches the server: the device secret it was configured with, and the
 * address a reverse proxy in front of the platform reports for it (`X-Forwarded-For`; the platform
 * honours it only from a proxy it trusts, IP_TRUST_PROXY).
 */
export interface TerminalSetup {
  secret?: string;
  forwardedFor?: string;
  /** Where the terminal posts from (the cluster bench gives each terminal its own loopback address). */
  localAddress?: string;
}

/** `init` as this terminal sends it: from its own address, through its proxy. */
function asTerminal(setup: TerminalSetup, init: SendInit): SendInit {
  return {
    ...init,
    headers: { ...init.headers, ...(setup.forwardedFor ? { 'x-forwarded-for': setup.forwardedFor } : {}) },
    ...(setup.localAddress ? { localAddress: setup.localAddress } : {}),
  };
}

/**
 * A ZKTeco PUSH terminal. With a secret it sends it as its communication key on the handshake
 * (`&pushcommkey=`), as the PUSH firmware does; its other calls carry only the serial.
 * @example const t = new ZkTerminal(baseUrl, 'CJDE0001', { secret: 'Demo-20230417' }); await t.handshake(); t.record(attlogLine('1001', new Date())); await t.pushAll();
 */
export class ZkTerminal {
  /** The terminal's own log: record n has stamp n (1-based). */
  readonly log: string[] = [];
  /** What the server said it already has. */
  serverStamp = 0;

  readonly baseUrl: string;
  readonly sn: string;
  setup: TerminalSetup;

  constructor(baseUrl: string, sn: string, setup: TerminalSetup = {}) {
    this.baseUrl = baseUrl;
    this.sn = sn;
    this.setup = setup;
  }

  private url(path: string, query = ''): string {
    return `${this.baseUrl}/iclock/${path}?SN=${encodeURIComponent(this.sn)}${query}`;
  }

  record(line: string): void {
    this.log.push(line);
  }

  /** GET cdata?options=all: the options as key → value (`firstLine` is `GET OPTION FROM: …`). */
  async handshake(): Promise<{ status: number; firstLine: string; options: Record<string, string> }> {
    const key = this.setup.secret ? `&pushcommkey=${encodeURIComponent(this.setup.secret)}` : '';
    const reply = await send(this.url('cdata', `&options=all&pushver=2.4.1&language=83${key}`), asTerminal(this.setup, { method: 'GET' }));
    const lines = reply.text.split('\n').map((line) => line.trim());
    const options = Object.fromEntries(lines.filter((line) => line.includes('=')).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
    if (reply.status === 200) {
      const stamp = options['ATTLOGStamp'];
      this.serverStamp = stamp && /^\d+$/.test(stamp) ? Number(stamp) : 0;
    }
    return { status: reply.status, firstLine: lines[0] ?? '', options };
  }

  /** POST cdata?table=ATTLOG with `lines`, stamped with the position of its last record. */
  upload(lines: readonly string[], stamp: number, table = 'ATTLOG'): Promise<DeviceReply> {
    return send(this.url('cdata', `&table=${table}&Stamp=${stamp}`), asTerminal(this.setup, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: lines.join('\n') + '\n' }));
  }

  /**
   * Sends every record past the server's stamp in batches of `batchSize`, advancing on `OK`;
   * stops at the first refusal. `beforeBatch` runs before each upload (tests use it to pull the plug).
   */
  async pushAll(batchSize = 100, beforeBatch?: (firstStamp: number) => void): Promise<{ sent: number; refused: DeviceReply | null }> {
    let sent = 0;
    while (this.serverStamp < this.log.length) {
      const from = this.serverStamp;
      const lines = this.log.slice(from, from + batchSize);
      beforeBatch?.(from + 1);
      const reply = await this.upload(lines, from + lines.length);
      if (reply.status !== 200 || !reply.text.startsWith('OK')) return { sent, refused: reply };
      this.serverStamp = from + lines.length;
      sent += lines.length;
    }
    return { sent, refused: null };
  }

  /** GET getrequest: the queued commands (empty on `OK`). */
  async poll(query = ''): Promise<{ status: number; commands: ZkCommand[]; text: string }> {
    const reply = await send(this.url('getrequest', query), asTerminal(this.setup, { method: 'GET' }));
    const commands = reply.text
      .split('\n')
      .map((line) => /^C:(\d+):(.*)$/.exec(line.trim()))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => ({ id: Number(match[1]), command: match[2] ?? '' }));
    return { status: reply.status, commands, text: reply.text };
  }

  /** POST devicecmd: one `ID=…&Return=…&CMD=…` line per result, as the firmware writes them. */
  ack(results: readonly { id: number | string; returnCode: number; cmd?: string }[]): Promise<DeviceReply> {
    const body = results.map((r) => `ID=${r.id}&Return=${r.returnCode}&CMD=${r.cmd ?? 'DATA'}`).join('\n') + '\n';
    return send(this.url('devicecmd'), asTerminal(this.setup, { method: 'POST', headers: { 'content-type': 'text/plain' }, body }));
  }

  /** GET ping: the keep-alive some firmware sends during a long upload. */
  ping(): Promise<DeviceReply> {
    return send(this.url('ping'), asTerminal(this.setup, { method: 'GET' }));
  }
}

/** A Uniubi recognition callback as the terminal's flat form fields. */
export function uniubiForm(fields: { deviceKey: string; personId: string; at: Date; type?: string; recMode?: string }): Record<string, string> {
  return { deviceKey: fields.deviceKey, personId: fields.personId, time: String(fields.at.getTime()), type: fields.type ?? 'face_0', recMode: fields.recMode ?? '1', aliveBody: '1', ip: '192.168.1.90' };
}

/**
 * POSTs a Uniubi callback as form fields to `path`, followed by the device secret as the URL's last
 * segment when there is one (the callback URL configured on the terminal or cloud application).
 */
export function postUniubi(baseUrl: string, fields: Record<string, string>, path = '/uniubi/callback', setup: TerminalSetup = {}): Promise<DeviceReply> {
  const url = `${baseUrl}${path}${setup.secret ? `/${encodeURIComponent(setup.secret)}` : ''}`;
  return send(url, asTerminal(setup, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() }));
}

/**
 * A Hikvision AccessControllerEvent as the terminal pushes it: by default a face verification
 * (major 5, minor 0x4b = 75), or a card pass (minor 1) when only a card is given.
 */
export function hikvisionEvent(fields: { pin?: string; cardNo?: string; serialNo?: number; at: Date; attendanceStatus?: string; major?: number; minor?: number }): Record<string, unknown> {
  return {
    ipAddress: '192.168.1.64',
    portNo: 80,
    protocol: 'HTTP',
    dateTime: `${wallTime(fields.at).replace(' ', 'T')}+08:00`,
    activePostCount: 1,
    eventType: 'AccessControllerEvent',
    eventState: 'active',
    eventDescription: 'Access Controller Event',
    AccessControllerEvent: {
      deviceName: 'Access Controller',
      majorEventType: fields.major ?? 5,
      subEventType: fields.minor ?? (fields.cardNo && !fields.pin ? 1 : 75),
      employeeNoString: fields.pin ?? '',
      cardNo: fields.cardNo ?? '',
      ...(fields.serialNo === undefined ? {} : { serialNo: fields.serialNo }),
      currentVerifyMode: fields.cardNo && !fields.pin ? 'card' : 'face',
      attendanceStatus: fields.attendanceStatus ?? 'checkIn',
      doorNo: 1,
    },
  };
}

/** The event as the `EventNotificationAlert` XML cameras and older access controllers post. */
export function hikvisionXml(event: Record<string, unknown>): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const element = (name: string, value: unknown): string =>
    value === undefined || value === null
      ? ''
      : typeof value === 'object'
        ? `<${name}>${Object.entries(value as Record<string, unknown>).map(([k, v]) => element(k, v)).join('')}</${name}>`
        : `<${name}>${escape(String(value))}</${name}>`;
  const body = Object.entries(event).map(([k, v]) => element(k, v)).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<EventNotificationAlert version="2.0" xmlns="http://www.isapi.org/ver20/XMLSchema">\n${body}\n</EventNotificationAlert>\n`;
}

export type HikvisionShape = 'multipart' | 'multipart-file' | 'json' | 'xml' | 'multipart-xml';

/**
 * How a Hikvision terminal's listening host authenticates: the secret as the URL's last segment
 * (`key`), or the listening host's user name and password answered to the server's digest challenge.
 */
export interface HikvisionAuth extends TerminalSetup {
  digest?: { user: string; password: string };
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
/** Per terminal: the last digest challenge and how often its nonce was used, as an HTTP client keeps them. */
const digestState = new Map<string, { challenge: Record<string, string>; nc: number }>();

function digestHeader(state: { challenge: Record<string, string>; nc: number }, method: string, uri: string, user: string, password: string): string {
  state.nc += 1;
  const { realm = '', nonce = '', opaque = '' } = state.challenge;
  const nc = state.nc.toString(16).padStart(8, '0');
  const cnonce = md5(`${nonce}:${nc}:${Math.random()}`).slice(0, 16);
  // RFC 2617 §3.2.2: response = MD5(HA1:nonce:nc:cnonce:qop:HA2), HA1 = MD5(user:realm:password), HA2 = MD5(method:uri).
  const response = md5(`${md5(`${user}:${realm}:${password}`)}:${nonce}:${nc}:${cnonce}:auth:${md5(`${method}:${uri}`)}`);
  return `Digest username="${user}", realm="${realm}", nonce="${nonce}", uri="${uri}", algorithm=MD5, qop=auth, nc=${nc}, cnonce="${cnonce}", response="${response}", opaque="${opaque}"`;
}

function challengeParams(header: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const match of header.replace(/^Digest\s+/i, '').matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g)) params[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? '';
  return params;
}

/**
 * Pushes an event as multipart `event_log` (with a picture part, as terminals do), as a JSON body,
 * or as EventNotificationAlert XML (alone or as a multipart part). With `auth.secret` the URL is
 * `/isapi/event/<serial>/<secret>`; with `auth.digest` a 401 challenge is answered and the nonce
 * reused for the next pushes, as the firmware's HTTP client does.
 */
export async function postHikvision(baseUrl: string, sn: string, event: Record<string, unknown>, shape: HikvisionShape = 'multipart', auth: HikvisionAuth = {}): Promise<DeviceReply> {
  const path = `/isapi/event/${encodeURIComponent(sn)}${auth.secret ? `/${encodeURIComponent(auth.secret)}` : ''}`;
  let init: SendInit;
  if (shape === 'json') init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) };
  else if (shape === 'xml') init = { method: 'POST', headers: { 'content-type': 'application/xml' }, body: hikvisionXml(event) };
  else {
    // Most firmware sends event_log as a plain part; some as a file part typed application/json; XML firmware as an XML part.
    const eventPart =
      shape === 'multipart'
        ? { name: 'event_log', value: JSON.stringify(event) }
        : shape === 'multipart-file'
          ? { name: 'event_log', value: JSON.stringify(event), filename: 'event_log.json', type: 'application/json' }
          : { name: 'AccessControllerEvent', value: hikvisionXml(event), filename: 'AccessControllerEvent.xml', type: 'application/xml' };
    const picture = { name: 'Picture', value: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0xff, 0xd9]), filename: 'Picture.jpg', type: 'image/jpeg' };
    const form = multipart([eventPart, picture]);
    init = { method: 'POST', headers: { 'content-type': form.type }, body: form.body };
  }
  init = asTerminal(auth, init);
  if (!auth.digest) return send(`${baseUrl}${path}`, init);
  const key = `${baseUrl}|${sn}`;
  const withDigest = (state: { challenge: Record<string, string>; nc: number }) => ({ ...init, headers: { ...init.headers, authorization: digestHeader(state, 'POST', path, auth.digest!.user, auth.digest!.password) } });
  const known = digestState.get(key);
  let reply = await send(`${baseUrl}${path}`, known ? withDigest(known) : init);
  if (reply.status === 401 && reply.challenge) {
    const state = { challenge: challengeParams(reply.challenge), nc: 0 };
    digestState.set(key, state);
    reply = await send(`${baseUrl}${path}`, withDigest(state));
  }
  return reply;
}

/**
 * A single-punch terminal (Uniubi, Hikvision): every recognition is posted on its own, and one
 * that was not acknowledged (no answer, a dropped connection, anything but 200) stays in the
 * terminal's memory and is sent again later, oldest first, as the real devices do.
 * @example const t = new SinglePunchTerminal((event) => postUniubi(base, event)); t.record(uniubiForm({ … })); await t.sendPending();
 */
export class SinglePunchTerminal<E> {
  /** Recorded and not yet acknowledged, oldest first. */
  readonly pending: E[] = [];
  /** How many the server acknowledged. */
  acknowledged = 0;
  /** Sends that got no acknowledgement (and so stay pending). */
  failures = 0;

  private readonly post: (event: E) => Promise<DeviceReply>;

  constructor(post: (event: E) => Promise<DeviceReply>) {
    this.post = post;
  }

  record(event: E): void {
    this.pending.push(event);
  }

  /** Sends pending records one by one until all are acknowledged or one is not; true when none is left. */
  async sendPending(): Promise<boolean> {
    while (this.pending.length) {
      const reply = await this.post(this.pending[0]!).catch(() => null);
      if (reply?.status !== 200) {
        this.failures += 1;
        return false;
      }
      this.pending.shift();
      this.acknowledged += 1;
    }
    return true;
  }
}
