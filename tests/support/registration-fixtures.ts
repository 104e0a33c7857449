/**
 * Registration fixtures: a complete, valid 实名制登记 form (build bad ones as `{ ...form, field: bad }`),
 * tiny images, and a multipart POST to /platform/registrations.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { inject } from 'vitest';
import { todayInShanghai } from '../../schema/rules/dates';
import { api } from './http';
import { freeIdNumber } from './site-fixtures';

/** A 1×1 PNG: a complete image as far as the upload checks go. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export type Images = Partial<Record<'id_front' | 'id_back' | 'photo', Buffer | null>>;

export const IMAGES: Required<Images> = { id_front: PNG, id_back: PNG, photo: PNG };

/**
 * A valid worker registration of a new person into `team`/`unit`, entering today.
 * @example const form = await validRegistration(db, { team: 12, unit: 3 });
 */
export async function validRegistration(db: Knex, target: { team: number; unit: number }, birthDate = '1985-06-15', gender: 'male' | 'female' = 'male') {
  return {
    role: 'worker',
    team: target.team,
    unit: target.unit,
    name: '登记测试',
    gender,
    ethnicity: '01',
    birth_date: birthDate,
    address: '四川省广元市利州区东坝街道滨河路8号',
    id_number: await freeIdNumber(db, birthDate, gender),
    issuing_authority: '广元市公安局利州区分局',
    id_valid_from: '2020-01-01',
    id_valid_to: '2040-01-01',
    temporary_id: false,
    card_no: null as string | null,
    trade: '010',
    phone: '13912345678',
    entry_date: todayInShanghai(new Date()),
    wage_method: 'daily',
    wage_amount: 300,
    wage_unit: null as string | null,
    contract_template: '0',
  };
}

/**
 * POSTs a registration as multipart (`data` JSON + images); `data: undefined` leaves the field out.
 * @example const { status, body } = await postRegistration(token, form);
 */
export async function postRegistration(token: string, data: unknown, images: Images = IMAGES) {
  const form = new FormData();
  if (data !== undefined) form.append('data', typeof data === 'string' ? data : JSON.stringify(data));
  for (const [field, buffer] of Object.entries(images)) {
    if (buffer) form.append(field, new Blob([new Uint8Array(buffer)], { type: 'image/png' }), `${field}.png`);
  }
  const response = await fetch(`${inject('baseUrl')}/platform/registrations`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Files in the platform's local storage. */
export function storedFileCount(): number {
  return readdirSync(join(inject('dataDir'), 'uploads')).length;
}

/** A team of the project created through the API (unit: the project's first unit). */
export async function createTeamViaApi(token: string, kind: 'worker' | 'management', name = `登记测试${kind === 'worker' ? '务工' : '管理'}班组${Date.now() % 1_000_000}`) {
  const units = (await api('GET', '/platform/units', { token })).body.data as { id: number }[];
  const unit = units[0]!.id;
  const created = await api('POST', '/platform/teams', { token, json: { name, kind, unit, trade: kind === 'worker' ? '010' : null } });
  if (created.status !== 201) throw new Error(`team not created: ${JSON.stringify(created.body)}`);
  return { team: Number(created.body.data.id), unit };
}
