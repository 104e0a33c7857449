/**
 * Rows of a project's site written straight into the test database (teams and people on site), so
 * tests that exit, edit or sign for people never touch the demo city's rows other tests read.
 */
import type { Knex } from 'knex';
import { toDbRow } from '../../extensions/platform/src/db/values';
import { makeIdNumber } from '../../schema/rules/id-card';
import { accountToEmail } from '../../schema/rules/account';
import { DEMO_LOGINS } from '../../seeds/demo-logins';
import { api, login } from './http';

let counter = Date.now() % 1_000_000;
const next = () => (counter += 1);

/** A fresh, valid, city-wide unused ID number of someone born on `birthDate`. */
export async function freeIdNumber(db: Knex, birthDate: string, gender: 'male' | 'female' = 'male'): Promise<string> {
  for (;;) {
    const id = makeIdNumber('510802', birthDate, next() % 500, gender);
    if (!(await db('people').where({ id_number: id }).first('id'))) return id;
  }
}

/** Logs in as demo project `index` (0–2) and returns its token and project id. */
export async function projectStaff(index: number): Promise<{ token: string; projectId: number }> {
  const account = DEMO_LOGINS.projects[index]!;
  const token = await login(accountToEmail(account.account), account.password);
  const me = await api('GET', '/platform/me', { token });
  return { token, projectId: me.body.data.project.id };
}

/** A new team of the project (unit: the project's first unit), returning its id. */
export async function insertTeam(db: Knex, projectId: number, options: { name?: string; kind?: 'worker' | 'management' } = {}): Promise<{ id: number; unit: number; name: string }> {
  const unit = await db('project_units').where({ project: projectId }).orderBy('id').first('unit');
  const name = options.name ?? `测试班组${next()}`;
  const [row] = await db('teams').insert(
    toDbRow(db, 'teams', { project: projectId, unit: unit.unit, name, kind: options.kind ?? 'worker', trade: '010', status: 'active', date_created: new Date().toISOString() }),
    ['id'],
  );
  return { id: Number(typeof row === 'object' ? row.id : row), unit: Number(unit.unit), name };
}

export interface OnSiteOptions {
  count: number;
  entryDate?: string;
  namePrefix?: string;
  role?: 'worker' | 'manager';
  trade?: string;
}

/** `count` new people on site in `team`, returning their employment ids (registration order). */
export async function insertOnSite(db: Knex, projectId: number, team: { id: number; unit: number }, options: OnSiteOptions): Promise<number[]> {
  const ids: number[] = [];
  const prefix = options.namePrefix ?? '测试';
  const names = '甲乙丙丁戊己庚辛壬癸';
  for (let i = 0; i < options.count; i += 1) {
    const n = next();
    const idNumber = await freeIdNumber(db, `19${80 + (n % 15)}-0${1 + (n % 9)}-1${n % 10}`);
    const [person] = await db('people').insert(
      toDbRow(db, 'people', {
        name: `${prefix}${names[i % 10]}${names[Math.floor(i / 10) % 10]}`,
        id_type: '01',
        id_number: idNumber,
        temporary_id: false,
        gender: 'male',
        ethnicity: '01',
        birth_date: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
        address: '四川省广元市利州区东坝街道测试路1号',
        issuing_authority: '广元市公安局利州区分局',
        id_valid_from: '2016-01-01',
        id_valid_to: '2036-01-01',
        date_created: new Date().toISOString(),
      }),
      ['id'],
    );
    const personId = Number(typeof person === 'object' ? person.id : person);
    const [employment] = await db('employments').insert(
      toDbRow(db, 'employments', {
        project: projectId,
        person: personId,
        team: team.id,
        unit: team.unit,
        role: options.role ?? 'worker',
        trade: options.trade ?? '010',
        device_pin: `T${n}`,
        entry_date: options.entryDate ?? '2026-01-05',
        status: 'on_site',
        wage_method: 'daily',
        wage_amount: 300,
        wage_unit: '天',
        // What the project recorded about the person.
        phone: `139${String(n).padStart(8, '0').slice(-8)}`,
        id_card: JSON.stringify({ address: '四川省广元市利州区东坝街道测试路1号', issuing_authority: '广元市公安局利州区分局', id_valid_from: '2016-01-01', id_valid_to: '2036-01-01' }),
        date_created: new Date().toISOString(),
      }),
      ['id'],
    );
    ids.push(Number(typeof employment === 'object' ? employment.id : employment));
  }
  return ids;
}

export interface GatePerson {
  employment: number;
  person: number;
  pin: string;
  card: string;
}

/**
 * `count` people on site in a new team of the project, each with a device PIN and a card, as a
 * gate terminal knows them.
 * @example const people = await gatePeople(db, project.id, 3, '人脸', `H${suffix}`);
 */
export async function gatePeople(db: Knex, projectId: number, count: number, namePrefix: string, cardPrefix: string): Promise<GatePerson[]> {
  const team = await insertTeam(db, projectId);
  const ids = await insertOnSite(db, projectId, team, { count, namePrefix });
  for (const [index, id] of ids.entries()) await db('employments').where({ id }).update({ card_no: `${cardPrefix}${index}` });
  const rows = await db('employments').whereIn('id', ids).orderBy('id').select('id', 'person', 'device_pin', 'card_no');
  return rows.map((r) => ({ employment: Number(r.id), person: Number(r.person), pin: String(r.device_pin), card: String(r.card_no) }));
}

/** A 1×1 PNG, the smallest image every upload accepts. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/**
 * Posts a multipart form (text fields and files) with the staff token.
 * @example await postMultipart(token, '/platform/contracts', { employment: '12' }, [['photos', PNG, 'a.png']]);
 */
export async function postMultipart(token: string, path: string, fields: Record<string, string>, files: [string, Buffer, string][], baseUrl: string): Promise<{ status: number; body: any }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const [name, buffer, filename] of files) form.append(name, new Blob([new Uint8Array(buffer)]), filename);
  const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
