/**
 * Helpers for the Hikvision/Uniubi delivery tests: terminals registered and configured by bureau
 * staff through Directus's REST API (as the studio does), people with faces and cards on site, and
 * waiting for a terminal to reach a state.
 */
import type { Knex } from 'knex';
import { api } from './http';

/**
 * Polls `probe` until it returns something truthy (or `timeoutMs` passes), returning it.
 * @example await waitFor(async () => terminal.persons.size === 3, 'the enrolment', 60_000);
 */
export async function waitFor<T>(probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, what: string, timeoutMs = 60_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Uploads a file as `token`'s user and returns its id. */
export async function uploadFile(baseUrl: string, token: string, bytes: Buffer, type: string, name: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const response = await fetch(`${baseUrl}/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = (await response.json()) as { data: { id: string } };
  return body.data.id;
}

export interface TerminalSettings {
  sn: string;
  protocol: 'hikvision' | 'uniubi';
  name?: string;
  api_url?: string | null;
  api_user?: string | null;
  api_password?: string | null;
  agent?: number | null;
  /** Registered for a project (still pending, not bound): needed with an agent, which must be the project's. */
  project?: number;
  /** 设备密钥 for its punches (main's device doors: no active device without one); default `Test-<last 8 of sn>`. */
  auth_secret?: string;
}

/** Registers a terminal the way bureau staff do in the studio (设备管理 → 新建), not yet bound. */
export async function createTerminal(baseUrl: string, token: string, settings: TerminalSettings): Promise<{ id: number; body: any }> {
  const reply = await api('POST', '/items/devices', { token, baseUrl, json: { direction: 'both', auth_secret: `Test-${settings.sn.slice(-8)}`, ...settings } });
  if (reply.status !== 200) throw new Error(`creating device ${settings.sn} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return { id: Number(reply.body.data.id), body: reply.body };
}

/** Binds a device to a project and activates it (what starts the enrolment). */
export async function bindDevice(baseUrl: string, token: string, id: number, project: number): Promise<void> {
  const reply = await api('PATCH', `/items/devices/${id}`, { token, baseUrl, json: { status: 'active', project } });
  if (reply.status !== 200) throw new Error(`binding device ${id} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
}

export interface OnSitePerson {
  employment: number;
  person: number;
  pin: string;
  name: string;
  card: string | null;
  /** The file a terminal gets: the device photo, else the face photo. */
  faceFile: string | null;
}

/** The project's people on site as terminals must hold them. */
export async function onSitePeople(db: Knex, project: number): Promise<OnSitePerson[]> {
  const rows = await db('employments')
    .join('people', 'people.id', 'employments.person')
    .where({ 'employments.project': project, 'employments.status': 'on_site' })
    .orderBy('employments.id')
    .select('employments.id', 'employments.person', 'employments.device_pin', 'employments.card_no', 'people.name', 'employments.face_photo', 'employments.face_device_photo');
  return rows.map((r) => ({ employment: Number(r.id), person: Number(r.person), pin: String(r.device_pin), name: String(r.name), card: r.card_no ?? null, faceFile: r.face_device_photo ?? r.face_photo ?? null }));
}

/** Commands of a device by status. */
export async function commandStatuses(db: Knex, device: number): Promise<Record<string, number>> {
  const rows: Record<string, unknown>[] = await db('device_commands').where({ device }).select('status').count({ n: '*' }).groupBy('status');
  return Object.fromEntries(rows.map((r) => [String(r['status']), Number(r['n'])]));
}
