/**
 * Scripted attendance terminals speaking the three protocols over HTTP, for the integration tests
 * and the ingest benchmark. They behave like the real devices: a ZKTeco terminal keeps a numbered
 * log and sends only records past the stamp the server hands back; every device resends what was
 * not acknowledged. They post with node:http over keep-alive connections, as a gateway full of
 * terminals would, and because fetch's own CPU cost would crowd out the server in the benchmark.
 */
import { Agent, request } from 'node:http';

export interface DeviceReply {
  status: number;
  text: string;
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
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
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
 * A ZKTeco PUSH terminal.
 * @example const t = new ZkTerminal(baseUrl, 'CJDE0001'); await t.handshake(); t.record('1001', new Date()); await t.pushAll();
 */
export class ZkTerminal {
  /** The terminal's own log: record n has stamp n (1-based). */
  readonly log: string[] = [];
  /** What the server said it already has. */
  serverStamp = 0;

  readonly baseUrl: string;
  readonly sn: string;
  /** Where the terminal posts from (default: the machine's own address). */
  localAddress?: string;

  constructor(baseUrl: string, sn: string) {
    this.baseUrl = baseUrl;
    this.sn = sn;
  }

  private url(path: string, query = ''): string {
    return `${this.baseUrl}/iclock/${path}?SN=${encodeURIComponent(this.sn)}${query}`;
  }

  record(line: string): void {
    this.log.push(line);
  }

  private from(init: SendInit): SendInit {
    return this.localAddress ? { ...init, localAddress: this.localAddress } : init;
  }

  /** GET cdata?options=all: the options as key → value (`firstLine` is `GET OPTION FROM: …`). */
  async handshake(): Promise<{ status: number; firstLine: string; options: Record<string, string> }> {
    const reply = await send(this.url('cdata', '&options=all&pushver=2.4.1&language=83'), this.from({ method: 'GET' }));
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
    return send(this.url('cdata', `&table=${table}&Stamp=${stamp}`), this.from({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: lines.join('\n') + '\n' }));
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
    const reply = await send(this.url('getrequest', query), this.from({ method: 'GET' }));
    const commands = reply.text
      .split('\n')
      .map((line) => /^C:(\d+):(.*)$/.exec(line.trim()))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => ({ id: Number(match[1]), command: match[2] ?? '' }));
    return { status: reply.status, commands, text: reply.text };
  }

  /** POST devicecmd: one `ID=…&Return=…&CMD=…` line per result. */
  ack(results: readonly { id: number; returnCode: number; cmd?: string }[]): Promise<DeviceReply> {
    const body = results.map((r) => `ID=${r.id}&Return=${r.returnCode}&CMD=${r.cmd ?? 'DATA'}`).join('\n') + '\n';
    return send(this.url('devicecmd'), this.from({ method: 'POST', headers: { 'content-type': 'text/plain' }, body }));
  }
}

/** A Uniubi recognition callback as the terminal's flat form fields. */
export function uniubiForm(fields: { deviceKey: string; personId: string; at: Date; type?: string; recMode?: string }): Record<string, string> {
  return { deviceKey: fields.deviceKey, personId: fields.personId, time: String(fields.at.getTime()), type: fields.type ?? 'face_0', recMode: fields.recMode ?? '1', aliveBody: '1', ip: '192.168.1.90' };
}

export function postUniubi(baseUrl: string, fields: Record<string, string>, path = '/uniubi/callback', localAddress?: string): Promise<DeviceReply> {
  const init: SendInit = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() };
  return send(`${baseUrl}${path}`, localAddress ? { ...init, localAddress } : init);
}

/** A Hikvision AccessControllerEvent as the terminal pushes it. */
export function hikvisionEvent(fields: { pin?: string; cardNo?: string; serialNo?: number; at: Date; attendanceStatus?: string }): Record<string, unknown> {
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
      majorEventType: 5,
      subEventType: 75,
      employeeNoString: fields.pin ?? '',
      cardNo: fields.cardNo ?? '',
      ...(fields.serialNo === undefined ? {} : { serialNo: fields.serialNo }),
      currentVerifyMode: fields.cardNo && !fields.pin ? 'card' : 'face',
      attendanceStatus: fields.attendanceStatus ?? 'checkIn',
      doorNo: 1,
    },
  };
}

/** Pushes an event as multipart `event_log` (with a picture part, as terminals do) or as a JSON body. */
export function postHikvision(baseUrl: string, sn: string, event: unknown, shape: 'multipart' | 'multipart-file' | 'json' = 'multipart', localAddress?: string): Promise<DeviceReply> {
  const url = `${baseUrl}/isapi/event/${encodeURIComponent(sn)}`;
  const from = localAddress ? { localAddress } : {};
  if (shape === 'json') return send(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event), ...from });
  // Most firmware sends event_log as a plain part; some as a file part typed application/json.
  const eventPart = shape === 'multipart' ? { name: 'event_log', value: JSON.stringify(event) } : { name: 'event_log', value: JSON.stringify(event), filename: 'event_log.json', type: 'application/json' };
  const picture = { name: 'Picture', value: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0xff, 0xd9]), filename: 'Picture.jpg', type: 'image/jpeg' };
  const form = multipart([eventPart, picture]);
  return send(url, { method: 'POST', headers: { 'content-type': form.type }, body: form.body, ...from });
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
